package dev.bucketguard.aws;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * S3 Control puts the account id in front of the host ({@code 123456789012.127.0.0.1}), which no emulator on a plain
 * address can answer. With an endpoint override, send the request to the override's host as given; the request is
 * signed after this runs, so the signature matches. An IP address cannot take the prefix at all (the SDK fails to
 * parse {@code 123456789012.127.0.0.1}), so the client is given {@link #prefixable(URI)} instead.
 */
final class EmulatorHostRewrite implements ExecutionInterceptor {
    private final URI endpoint;

    EmulatorHostRewrite(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The endpoint with an IP literal host replaced by {@code localhost}, so that the SDK can prefix it. */
    static URI prefixable(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null || !(host.matches("[0-9.]+") || host.contains(":"))) {
            return endpoint;
        }
        return URI.create(endpoint.getScheme() + "://localhost" + (endpoint.getPort() < 0 ? "" : ":"
                + endpoint.getPort()) + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath()));
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.host().equals(endpoint.getHost())) {
            return request;
        }
        return request.toBuilder().host(endpoint.getHost()).build();
    }
}
