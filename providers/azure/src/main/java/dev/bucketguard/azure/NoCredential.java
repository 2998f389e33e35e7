package dev.bucketguard.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import reactor.core.publisher.Mono;

/**
 * The authentication step of a pipeline to a loopback {@code http://} stub: it requests no token and adds no header.
 * azure-storage-blob refuses service-level calls on a pipeline without an authentication policy, so this one has the
 * type of one and does nothing; it is only ever placed on pipelines to loopback stubs.
 */
final class NoCredential extends BearerTokenAuthenticationPolicy {
    private static final TokenCredential NEVER = new TokenCredential() {
        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            return Mono.error(new IllegalStateException("a loopback stub is called without a token"));
        }
    };

    NoCredential() {
        super(NEVER, "https://storage.azure.com/.default");
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        return next.processSync();
    }
}
