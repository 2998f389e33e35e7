package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bucketguard.aws.WireMockAws.bucketGet;
import static dev.bucketguard.aws.WireMockAws.s3Error;
import static dev.bucketguard.aws.WireMockAws.xml;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.testkit.ProviderContract;
import dev.bucketguard.cloud.aws.S3Facts;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The testkit's provider contract for the AWS provider, on WireMock: no emulator refuses every read on demand or
 * answers a bucket with garbage.
 */
class AwsProviderContractFromWireMockTest extends ProviderContract {
    /** Objects sampled per bucket, so that OBJECT_ACLS is asked for too. */
    private static final int SAMPLE = 2;
    private WireMockAws aws;
    private SdkHttpClient http;
    private AwsClients clients;

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (http != null) {
            http.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Override
    protected Cloud cloud() {
        return new AwsCloud();
    }

    @Override
    protected java.util.Set<dev.bucketguard.model.Fact> factsToAskFor() {
        // Probes are a flag of the scan (--probe-anonymous), not a fact a rule asks for.
        java.util.Set<dev.bucketguard.model.Fact> all = new java.util.TreeSet<>(S3Facts.ALL);
        all.remove(S3Facts.ANONYMOUS_PROBE);
        return all;
    }

    @Override
    protected World everyFactDenied() {
        aws = new WireMockAws("applicants", "statements");
        // Below the listing and STS stubs: every other request, bucket or account level, is AccessDenied.
        aws.server.stubFor(any(anyUrl()).atPriority(10).willReturn(s3Error(403, "AccessDenied")));
        return World.of(aws.provider(SAMPLE), "applicants", "statements");
    }

    @Override
    protected World oneBrokenResource() {
        aws = new WireMockAws("a-broken", "b-fine", "c-fine");
        aws.server.stubFor(any(anyUrl()).atPriority(10).willReturn(s3Error(404, "NoSuchThing")));
        // Every answer about the broken bucket is not XML at all; the others answer their versioning.
        aws.server.stubFor(any(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/a-broken.*"))
                .atPriority(5).willReturn(xml(200, "}{ not xml")));
        for (String b : new String[] {"b-fine", "c-fine"}) {
            aws.server.stubFor(bucketGet(b, "versioning").atPriority(5).willReturn(xml(200,
                    "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")));
        }
        return World.withBroken(aws.provider(SAMPLE), "a-broken", "a-broken", "b-fine", "c-fine");
    }

    @Override
    protected ReadOnlyProbe readOnlyProbe() {
        aws = new WireMockAws("b");
        aws.server.stubFor(bucketGet("b", "versioning").willReturn(xml(200,
                "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")));
        http = Apache5HttpClient.builder().build();
        clients = new AwsClients(MotoFixture.CREDENTIALS, Endpoints.resolve(aws.endpoint(), Map.of()), http,
                new CallCounter());
        var s3 = clients.s3("us-east-1");
        aws.server.resetRequests();
        Map<String, Executable> calls = Map.of(
                "DeleteBucket", () -> s3.deleteBucket(r -> r.bucket("b")),
                "PutBucketAcl", () -> s3.putBucketAcl(r -> r.bucket("b").acl("public-read")),
                "PutBucketPolicy", () -> s3.putBucketPolicy(r -> r.bucket("b").policy("{}")),
                "PutObject", () -> s3.putObject(r -> r.bucket("b").key("k"),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("x")),
                "DeletePublicAccessBlock (S3 Control)", () -> clients.s3Control("us-east-1")
                        .deletePublicAccessBlock(r -> r.accountId(WireMockAws.ACCOUNT)),
                "ScheduleKeyDeletion (KMS)", () -> clients.kms("us-east-1").scheduleKeyDeletion(r -> r.keyId("k")),
                "StopLogging (CloudTrail)", () -> clients.cloudTrail("us-east-1").stopLogging(r -> r.name("t")),
                "DeleteTrail (CloudTrail)", () -> clients.cloudTrail("us-east-1").deleteTrail(r -> r.name("t")),
                "PutBucketLifecycleConfiguration", () -> s3.putBucketLifecycleConfiguration(r -> r.bucket("b")));
        return new ReadOnlyProbe(calls, ReadOnlyGuard.MutationRefused.class,
                () -> s3.getBucketVersioning(r -> r.bucket("b")),
                () -> aws.server.getAllServeEvents().size());
    }
}
