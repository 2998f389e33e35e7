package dev.bucketguard.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * Refuses every request that is not a GET or HEAD before it is sent, on every pipeline the scanner builds (ARM, data
 * plane, anonymous probes). ARM's {@code listKeys}, {@code regenerateKey} and {@code listAccountSas} are POSTs and are
 * refused like any PUT, PATCH or DELETE: bucketguard runs with whatever credential the user has, often an owner's,
 * and needs no secret beyond it. The guard sits first in the pipeline, so a refused request is never retried, signed
 * or sent.
 */
final class ReadOnlyGuard implements HttpPipelinePolicy {

    /** Thrown when a request that could change something, or reveal a key, is attempted. */
    static final class MutationRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MutationRefused(HttpMethod method, String path) {
            super("bucketguard is read-only and refuses " + method + " " + path);
        }
    }

    static boolean allowed(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    private static void check(HttpPipelineCallContext context) {
        HttpMethod method = context.getHttpRequest().getHttpMethod();
        if (!allowed(method)) {
            // The path only: a query may carry a SAS signature.
            throw new MutationRefused(method, context.getHttpRequest().getUrl().getPath());
        }
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        try {
            check(context);
        } catch (MutationRefused e) {
            return Mono.error(e);
        }
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        check(context);
        return next.processSync();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
    }
}
