package dev.bucketguard.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one account: one per service and region, built once and cached. Every client refuses mutating
 * operations ({@link ReadOnlyGuard}), counts its calls ({@link CallCounter}), retries throttling with back-off on the
 * scan's shared budget ({@link ThrottlingRetry}) and gives up after fixed timeouts. Thread-safe.
 */
final class AwsClients implements AutoCloseable {
    /** Long enough for {@link ThrottlingRetry#THROTTLED_ATTEMPTS} attempts with back-offs capped at 20 s. */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);
    /**
     * An attempt's time includes its wait for a slot ({@link AdaptiveHttpClient}); the HTTP client's socket timeout
     * (30 s) catches a hung connection sooner.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);

    private final AwsCredentialsProvider credentials;
    private final Endpoints endpoints;
    private final SdkHttpClient http;
    private final CallCounter counter;
    private final RetryStrategy retry;
    private final Map<String, S3Client> s3 = new ConcurrentHashMap<>();
    private final Map<String, S3ControlClient> s3Control = new ConcurrentHashMap<>();
    private final Map<String, KmsClient> kms = new ConcurrentHashMap<>();
    private final Map<String, StsClient> sts = new ConcurrentHashMap<>();
    private final Map<String, CloudTrailClient> cloudTrail = new ConcurrentHashMap<>();

    AwsClients(AwsCredentialsProvider credentials, Endpoints endpoints, SdkHttpClient http, CallCounter counter) {
        this(credentials, endpoints, http, counter, new ThrottlingRetry(message -> { }));
    }

    AwsClients(AwsCredentialsProvider credentials, Endpoints endpoints, SdkHttpClient http, CallCounter counter,
               RetryStrategy retry) {
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.http = http;
        this.counter = counter;
        this.retry = retry;
    }

    /** The same HTTP client, counter and retry strategy, with other credentials (another account). */
    AwsClients with(AwsCredentialsProvider other) {
        return new AwsClients(other, endpoints, http, counter, retry);
    }

    SdkHttpClient http() {
        return http;
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    private ClientOverrideConfiguration overrides(ExecutionInterceptor... extra) {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryStrategy(retry)
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .addExecutionInterceptor(new ReadOnlyGuard())
                .addExecutionInterceptor(counter);
        for (ExecutionInterceptor i : List.of(extra)) {
            b.addExecutionInterceptor(i);
        }
        return b.build();
    }

    S3Client s3(String region) {
        return s3.computeIfAbsent(region, r -> {
            var b = S3Client.builder().region(Region.of(r)).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(overrides());
            if (endpoints.s3() != null) {
                b.endpointOverride(endpoints.s3()).forcePathStyle(true);
            }
            return b.build();
        });
    }

    S3ControlClient s3Control(String region) {
        return s3Control.computeIfAbsent(region, r -> {
            URI endpoint = endpoints.s3Control();
            var b = S3ControlClient.builder().region(Region.of(r)).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(endpoint == null ? overrides() : overrides(new EmulatorHostRewrite(endpoint)));
            if (endpoint != null) {
                b.endpointOverride(EmulatorHostRewrite.prefixable(endpoint));
            }
            return b.build();
        });
    }

    KmsClient kms(String region) {
        return kms.computeIfAbsent(region, r -> {
            var b = KmsClient.builder().region(Region.of(r)).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(overrides());
            if (endpoints.kms() != null) {
                b.endpointOverride(endpoints.kms());
            }
            return b.build();
        });
    }

    CloudTrailClient cloudTrail(String region) {
        return cloudTrail.computeIfAbsent(region, r -> {
            var b = CloudTrailClient.builder().region(Region.of(r)).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(overrides());
            if (endpoints.cloudTrail() != null) {
                b.endpointOverride(endpoints.cloudTrail());
            }
            return b.build();
        });
    }

    StsClient sts(String region) {
        return sts.computeIfAbsent(region, this::stsClient);
    }

    /** An STS client of its own (for assuming roles), owned by the caller. */
    StsClient newSts(String region) {
        return stsClient(region);
    }

    private StsClient stsClient(String region) {
        var b = StsClient.builder().region(Region.of(region)).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides());
        if (endpoints.sts() != null) {
            b.endpointOverride(endpoints.sts());
        }
        return b.build();
    }

    @Override
    public void close() {
        s3.values().forEach(S3Client::close);
        s3Control.values().forEach(S3ControlClient::close);
        kms.values().forEach(KmsClient::close);
        sts.values().forEach(StsClient::close);
        cloudTrail.values().forEach(CloudTrailClient::close);
    }
}
