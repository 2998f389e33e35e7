package dev.bucketguard.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every HTTP pipeline the scanner builds, one shape for all: the read-only guard first (a refused request is never
 * counted, retried, signed or sent), the call counter, retries with exponential backoff that honour
 * {@code Retry-After} (and {@code x-ms-retry-after-ms}) on 429 and 5xx, the attempt counter, then the
 * authentication step, if any.
 */
final class Pipelines {
    static final int MAX_RETRIES = 4;

    final HttpClient http;
    final CallCounter calls = new CallCounter();
    final CallCounter attempts = new CallCounter();

    Pipelines(int concurrency) {
        this.http = new JdkHttpClientBuilder()
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    HttpPipeline build(HttpPipelinePolicy authentication) {
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new ReadOnlyGuard());
        policies.add(calls);
        policies.add(new UserAgentPolicy("bucketguard"));
        policies.add(new RequestIdPolicy());
        policies.add(new AddDatePolicy());
        // RetryPolicy(RetryStrategy) reads the service's own delay (Retry-After, retry-after-ms, x-ms-retry-after-ms)
        // before falling back to the backoff.
        policies.add(new RetryPolicy(new ExponentialBackoff(MAX_RETRIES, Duration.ofMillis(250),
                Duration.ofSeconds(30))));
        policies.add(attempts);
        if (authentication != null) {
            policies.add(authentication);
        }
        return new HttpPipelineBuilder().httpClient(http).policies(policies.toArray(HttpPipelinePolicy[]::new))
                .build();
    }
}
