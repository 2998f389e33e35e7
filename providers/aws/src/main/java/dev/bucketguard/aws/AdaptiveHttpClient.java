package dev.bucketguard.aws;

import java.io.IOException;
import java.io.InterruptedIOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that sends each attempt only when {@link AdaptiveConcurrency} gives it a slot, and tells it what the
 * answer said (503 and 429 are throttling). Retry back-offs happen between attempts, outside any slot, so a request
 * waiting to be retried does not hold one. Every client of a scan shares one instance: one bound across accounts.
 */
final class AdaptiveHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final AdaptiveConcurrency concurrency;

    AdaptiveHttpClient(SdkHttpClient delegate, AdaptiveConcurrency concurrency) {
        this.delegate = delegate;
        this.concurrency = concurrency;
    }

    static AdaptiveConcurrency.Signal signalOf(int status) {
        if (status == 503 || status == 429) {
            return AdaptiveConcurrency.Signal.THROTTLED;
        }
        return status >= 500 ? AdaptiveConcurrency.Signal.NEUTRAL : AdaptiveConcurrency.Signal.HEALTHY;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest inner = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                AdaptiveConcurrency.Permit permit;
                try {
                    permit = concurrency.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for a request slot");
                }
                AdaptiveConcurrency.Signal signal = AdaptiveConcurrency.Signal.NEUTRAL;
                try {
                    HttpExecuteResponse response = inner.call();
                    signal = signalOf(response.httpResponse().statusCode());
                    return response;
                } finally {
                    concurrency.release(permit, signal);
                }
            }

            @Override
            public void abort() {
                inner.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
