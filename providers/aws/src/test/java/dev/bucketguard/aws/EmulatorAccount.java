package dev.bucketguard.aws;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * One account on an S3 emulator: plain SDK clients that set buckets up (mutations allowed, unlike the provider's),
 * and the provider and a whole scan pointed at the same server.
 *
 * @param endpoint    the emulator's root
 * @param credentials the keys the fixture and the provider sign with
 * @param id          the account id the emulator gives these keys
 */
record EmulatorAccount(URI endpoint, StaticCredentialsProvider credentials, String id) {
    /** moto's only account: every key maps to 123456789012. */
    static EmulatorAccount moto(URI endpoint) {
        return new EmulatorAccount(endpoint, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("testing", "testing")), "123456789012");
    }

    /**
     * A new, empty account on LocalStack, which has no reset: an access key id of twelve digits is the account id
     * there, so each scenario scans only its own buckets.
     */
    static EmulatorAccount freshOnLocalStack(URI endpoint) {
        String id = String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
        return new EmulatorAccount(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.create(id, "test")),
                id);
    }

    S3Client s3() {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
    }

    S3ControlClient s3Control() {
        return S3ControlClient.builder().endpointOverride(EmulatorHostRewrite.prefixable(endpoint))
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new EmulatorHostRewrite(endpoint)).build())
                .build();
    }

    KmsClient kms() {
        return KmsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .build();
    }

    AwsProvider provider(int objectSample) {
        return new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), endpoint, objectSample, 4), credentials,
                Map.of());
    }

    /** What the provider reads when asked for these facts of AWS (and none of any other cloud). */
    Inventory collect(AwsProvider provider, Set<Fact> facts) {
        return provider.collect(FactSelection.only(AwsCloud.ID, facts), Progress.NONE);
    }

    /** A whole scan as the CLI runs it: every rule on the class path, the owner account alone trusted. */
    ScanReport scan() {
        return scan(provider(0));
    }

    /** The same, through this provider (to count its calls). */
    static ScanReport scan(AwsProvider provider) {
        return Scanner.builder().provider(provider).build().scan();
    }

    static Resource bucket(Inventory inventory, String name) {
        return inventory.resources().stream().filter(r -> r.id().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("bucket " + name + " not in inventory: "
                        + inventory.resources().stream().map(Resource::id).toList()));
    }

    /** Bucket names are global, on LocalStack as on AWS: unique per run. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates a bucket named after the prefix, sets it up (the client and the bucket's name), and scans the account
     * as the CLI does: that bucket's verdict and findings.
     */
    ResourceReport scanned(String prefix, BiConsumer<S3Client, String> setup) {
        String name = unique(prefix);
        try (S3Client s3 = s3()) {
            s3.createBucket(r -> r.bucket(name));
            setup.accept(s3, name);
        }
        return report(scan(), name);
    }

    /** One bucket's verdict and findings from a whole scan. */
    static ResourceReport report(ScanReport scan, String bucket) {
        return scan.resources().stream().filter(r -> r.resource().id().equals(bucket)).findFirst()
                .orElseThrow(() -> new AssertionError("bucket " + bucket + " not in the scan: "
                        + scan.resources().stream().map(r -> r.resource().id()).toList()));
    }
}
