package dev.bucketguard.aws;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.scan.Judge;
import dev.bucketguard.spi.Clouds;
import java.net.URI;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Plain SDK clients that set buckets up on moto (mutations allowed, unlike the provider's), a provider pointed at
 * the same server, and the verdict as a scan gives it (the AWS cloud found through the SPI).
 */
final class MotoFixture {
    static final String ACCOUNT = "123456789012";
    static final StaticCredentialsProvider CREDENTIALS = EmulatorAccount.moto(null).credentials();
    /** Every fact of AWS a rule can ask for (the anonymous probe is a flag of the scan, not a fact asked for). */
    static final Set<Fact> S3_FACTS = S3Facts.ALL.stream().filter(f -> !f.equals(S3Facts.ANONYMOUS_PROBE))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Clouds CLOUDS = Clouds.discover();

    private MotoFixture() {
    }

    static URI endpoint() {
        return MotoServer.endpoint();
    }

    /** moto's account, for fixtures shared with the LocalStack scenarios. */
    static EmulatorAccount account() {
        return EmulatorAccount.moto(endpoint());
    }

    static S3Client s3() {
        return account().s3();
    }

    static S3ControlClient s3Control() {
        return account().s3Control();
    }

    static CloudTrailClient cloudTrail() {
        return CloudTrailClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    static KmsClient kms() {
        return account().kms();
    }

    static AwsProvider provider(int objectSample) {
        return account().provider(objectSample);
    }

    /** A scan asking for these facts of AWS (and none of any other cloud). */
    static Inventory scan(AwsProvider provider, Set<Fact> facts) {
        return provider.collect(FactSelection.only(AwsCloud.ID, facts), Progress.NONE);
    }

    /** The verdict with only the owner trusted. */
    static Verdict verdict(Resource r) {
        return verdict(r, TrustZone.OWNER_ONLY);
    }

    static Verdict verdict(Resource r, TrustZone trust) {
        return new Judge(CLOUDS, trust).verdict(r);
    }

    static Resource bucket(Inventory inventory, String name) {
        return EmulatorAccount.bucket(inventory, name);
    }
}
