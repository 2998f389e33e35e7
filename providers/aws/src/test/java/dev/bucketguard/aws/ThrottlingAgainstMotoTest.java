package dev.bucketguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Throttling costs time, not results: the same buckets scanned straight from moto and through a proxy that answers
 * half of all requests 503 SlowDown give the same verdicts and the same findings, and the scan says once on stderr
 * that AWS is throttling it.
 */
@ExtendWith(MotoServer.class)
class ThrottlingAgainstMotoTest {

    @BeforeEach
    void setUp() {
        MotoServer.reset();
        try (S3Client s3 = MotoFixture.s3()) {
            s3.createBucket(r -> r.bucket("open-acl").acl(BucketCannedACL.PUBLIC_READ));
            s3.createBucket(r -> r.bucket("plain"));
            s3.createBucket(r -> r.bucket("open-policy"));
            s3.putBucketPolicy(r -> r.bucket("open-policy").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"arn:aws:s3:::open-policy/*\"}]}"));
            s3.createBucket(r -> r.bucket("blocked").acl(BucketCannedACL.PUBLIC_READ));
            s3.putPublicAccessBlock(r -> r.bucket("blocked").publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                    .restrictPublicBuckets(true)));
            s3.createBucket(r -> r.bucket("encrypted"));
            s3.putBucketEncryption(r -> r.bucket("encrypted").serverSideEncryptionConfiguration(c -> c.rules(
                    List.of(software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule.builder()
                            .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                            .build()))));
            s3.putBucketVersioning(r -> r.bucket("encrypted").versioningConfiguration(v -> v.status("Enabled")));
        }
    }

    private static AwsProvider provider(URI endpoint) {
        return new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), endpoint, 0, 16),
                MotoFixture.CREDENTIALS, Map.of());
    }

    /** What a user sees of each bucket: verdict, reasons, tags, and each finding's status and message. */
    private static List<String> seen(ScanReport report) {
        List<String> out = new ArrayList<>();
        for (ResourceReport r : report.resources()) {
            out.add(r.resource().id() + " " + r.verdict().exposure() + " " + r.verdict().reasons() + " "
                    + r.verdict().tags() + " unknowns=" + r.resource().unknowns());
            r.findings().forEach(f -> out.add("  " + f.ruleId() + " " + f.status() + " " + f.message()));
        }
        out.add("errors " + report.errors());
        return out;
    }

    private static ScanReport scan(Provider provider, Progress progress) {
        return Scanner.builder().provider(provider).progress(progress).build().scan();
    }

    @Test
    void halfOfAllRequestsThrottledGivesTheSameVerdictsAndFindings() throws Exception {
        ScanReport straight = scan(provider(MotoFixture.endpoint()), Progress.NONE);
        assertEquals(Exposure.PUBLIC, straight.resources().stream().filter(r -> r.resource().id().equals("open-acl"))
                .findFirst().orElseThrow().verdict().exposure(), "the comparison needs a public bucket");
        assertTrue(seen(straight).stream().anyMatch(l -> l.contains(" FAIL ")) && seen(straight).stream()
                .anyMatch(l -> l.contains(" PASS ")), "the comparison needs failing and passing findings: "
                + seen(straight));

        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        Progress watcher = new Progress() {
            @Override
            public void report(String message) {
                progress.add(message);
            }

            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
        try (FaultProxy proxy = new FaultProxy(MotoFixture.endpoint()).throttle(0.5)) {
            AwsProvider throttledProvider = provider(proxy.endpoint());
            ScanReport throttled = scan(throttledProvider, watcher);

            assertEquals(seen(straight), seen(throttled));
            assertTrue(proxy.throttled() > 20, "the proxy throttled " + proxy.throttled() + " requests");
            assertEquals(1, notices.size(), "one line on stderr, not one per throttled request: " + notices);
            // The code of whichever throttled answer came first: S3's SlowDown, STS's Throttling, or the bare status
            // where the proxy's S3-shaped error body is not the service's own shape (S3 Control).
            assertTrue(notices.get(0).matches("AWS is throttling requests \\((SlowDown|Throttling|HTTP 503)\\):"
                    + " retrying.*"), notices.get(0));
            assertTrue(progress.stream().noneMatch(m -> m.contains("throttl")), "the notice is not progress");
            int[] limits = throttledProvider.concurrencyLimits();
            assertTrue(limits[0] < 8, "the requests in flight were cut below the start of 8: lowest " + limits[0]);
        }
    }

    @Test
    void healthyAnswersGrowTheRequestsInFlightToTheCeiling() {
        AwsProvider p = provider(MotoFixture.endpoint());
        Inventory inventory = p.collect(FactSelection.only("aws", MotoFixture.S3_FACTS), Progress.NONE);
        assertEquals(5, inventory.resources().size());
        assertEquals(16, p.concurrencyLimits()[1], "no throttling: from 8 up to --concurrency 16");
        assertEquals(8, p.concurrencyLimits()[0]);
    }

    @Test
    void aSlowLinkGrowsTheRequestsInFlightButNeverPastTheCeiling() throws Exception {
        try (S3Client s3 = MotoFixture.s3()) {
            for (int i = 0; i < 40; i++) {
                String name = "slow-" + i;
                s3.createBucket(r -> r.bucket(name));
            }
        }
        // 30 ms per request, as a distant region would add: only more requests in flight make the scan faster.
        for (int ceiling : new int[] {4, 24}) {
            try (FaultProxy proxy = new FaultProxy(MotoFixture.endpoint()).delay(30)) {
                AwsProvider p = new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), proxy.endpoint(), 0,
                        ceiling), MotoFixture.CREDENTIALS, Map.of());
                Inventory inventory = p.collect(FactSelection.only("aws", MotoFixture.S3_FACTS), Progress.NONE);
                assertEquals(45, inventory.resources().size());
                assertTrue(proxy.maxInFlight() <= ceiling, "--concurrency " + ceiling + " is the ceiling, the cloud"
                        + " saw " + proxy.maxInFlight() + " at once");
                if (ceiling > 8) {
                    assertTrue(proxy.maxInFlight() > 8, "healthy answers grow the requests in flight past the start"
                            + " of 8: the cloud saw at most " + proxy.maxInFlight());
                }
            }
        }
    }
}
