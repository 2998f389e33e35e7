package dev.bucketguard.aws;

import static dev.bucketguard.aws.MotoFixture.S3_FACTS;
import static dev.bucketguard.aws.MotoFixture.bucket;
import static dev.bucketguard.aws.MotoFixture.scan;
import static dev.bucketguard.aws.MotoFixture.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.AnonymousProbe;
import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

/**
 * {@code --probe-anonymous} on moto, behind a recording proxy. moto serves anonymous lists of every bucket, so it
 * shows the success direction; the proxy refusing every unsigned request shows the refusal direction.
 */
@ExtendWith(MotoServer.class)
class AnonymousProbeAgainstMotoTest {
    /** The proxy refuses the signed ACL read of this bucket, so its verdict is UNKNOWN. */
    private static final String UNREAD = "unread-acl";

    @BeforeEach
    void setUp() {
        MotoServer.reset();
        try (S3Client s3 = MotoFixture.s3()) {
            s3.createBucket(r -> r.bucket("open-acl").acl(BucketCannedACL.PUBLIC_READ));
            s3.putObject(r -> r.bucket("open-acl").key("applicants.csv"), RequestBody.fromString("name,email\n"));
            s3.createBucket(r -> r.bucket("plain"));
            s3.putObject(r -> r.bucket("plain").key("private.csv"), RequestBody.fromString("secret\n"));
            s3.createBucket(r -> r.bucket(UNREAD));
        }
    }

    private static AwsProvider provider(URI endpoint, boolean probe) {
        return new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), endpoint, 0, 8, probe, null),
                MotoFixture.CREDENTIALS, Map.of());
    }

    private static FaultProxy proxy() throws Exception {
        FaultProxy proxy = new FaultProxy(MotoFixture.endpoint());
        // A signed read of the ACL of UNREAD is refused: whether it is public cannot be told from its settings.
        proxy.refuse(s -> s.signed() && s.pathAndQuery().startsWith("/" + UNREAD + "?acl"),
                FaultProxy.Refusal.s3(403, "AccessDenied"));
        return proxy;
    }

    private static List<FaultProxy.Seen> unsigned(FaultProxy proxy) {
        return proxy.seen().stream().filter(s -> !s.signed()).toList();
    }

    /** Every unsigned request is a list of at most one key or a HEAD: never an object's body. */
    private static void onlyListsAndHeads(FaultProxy proxy) {
        for (FaultProxy.Seen s : unsigned(proxy)) {
            boolean list = s.method().equals("GET") && s.pathAndQuery().contains("max-keys=1")
                    && s.pathAndQuery().contains("list-type=2") && !s.pathAndQuery().matches("/[^/?]+/[^?]+.*");
            assertTrue(list || s.method().equals("HEAD"), "unsigned " + s);
        }
        assertTrue(proxy.seen().stream().noneMatch(s -> List.of("PUT", "DELETE", "PATCH").contains(s.method())),
                "nothing is written: " + proxy.seen());
    }

    @Test
    void withoutTheFlagNoUnsignedRequestIsSent() throws Exception {
        try (FaultProxy proxy = proxy()) {
            Inventory inv = scan(provider(proxy.endpoint(), false), S3_FACTS);
            assertEquals(List.of(), unsigned(proxy));
            assertFalse(bucket(inv, "open-acl").collected().contains(S3Facts.ANONYMOUS_PROBE));
            assertEquals(Exposure.UNKNOWN, verdict(bucket(inv, UNREAD)).exposure());
        }
    }

    @Test
    void aServedAnonymousListProvesPublicAndSettlesAnUnknown() throws Exception {
        try (FaultProxy proxy = proxy()) {
            Inventory inv = scan(provider(proxy.endpoint(), true), S3_FACTS);

            Verdict open = verdict(bucket(inv, "open-acl"));
            assertEquals(Exposure.PUBLIC, open.exposure());
            assertTrue(open.tags().contains(AwsCloud.PROBED_PUBLIC), open.tags().toString());
            assertTrue(open.tags().contains(ExposureTag.LISTABLE));
            assertTrue(open.reasons().contains("an anonymous list (max-keys=1) of bucket 'open-acl' answered 200:"
                    + " proven anonymous from where the scan ran"), open.reasons().toString());

            Verdict unread = verdict(bucket(inv, UNREAD));
            assertEquals(Exposure.PUBLIC, unread.exposure(), "the served probe settles the unread ACL");
            assertTrue(unread.tags().contains(AwsCloud.PROBED_PUBLIC));

            Resource plain = bucket(inv, "plain");
            assertEquals(Exposure.PRIVATE, verdict(plain).exposure());
            assertFalse(plain.collected().contains(S3Facts.ANONYMOUS_PROBE), "a PRIVATE bucket is never probed");
            assertTrue(unsigned(proxy).stream().noneMatch(s -> s.pathAndQuery().startsWith("/plain")),
                    unsigned(proxy).toString());
            assertEquals(2, unsigned(proxy).size(), "one list each for the PUBLIC and the UNKNOWN bucket: "
                    + unsigned(proxy));
            onlyListsAndHeads(proxy);
        }
    }

    @Test
    void refusedProbesAreEvidenceNeverProofOfPrivacy() throws Exception {
        try (FaultProxy proxy = proxy()) {
            proxy.refuse(s -> !s.signed() || (s.pathAndQuery().startsWith("/" + UNREAD + "?acl")),
                    FaultProxy.Refusal.s3(403, "AccessDenied"));
            Inventory inv = scan(provider(proxy.endpoint(), true), S3_FACTS);

            Resource open = bucket(inv, "open-acl");
            List<AnonymousProbe> probes = S3Bucket.of(open).anonymousProbes();
            assertEquals(List.of(new AnonymousProbe("list (max-keys=1)", 403, false, null),
                    new AnonymousProbe("HEAD of key 'applicants.csv'", 403, false, null)), probes);
            Verdict v = verdict(open);
            assertEquals(Exposure.PUBLIC, v.exposure(), "the public ACL still says PUBLIC");
            assertFalse(v.tags().contains(AwsCloud.PROBED_PUBLIC));
            assertTrue(v.reasons().contains("an anonymous list (max-keys=1) of bucket 'open-acl' answered 403:"
                    + " evidence only, a refusal does not prove the bucket private"), v.reasons().toString());

            Verdict unread = verdict(bucket(inv, UNREAD));
            assertEquals(Exposure.UNKNOWN, unread.exposure(), "a refusal never makes an UNKNOWN bucket PRIVATE");
            assertTrue(S3Bucket.of(bucket(inv, UNREAD)).anonymousProbes().stream()
                    .anyMatch(p -> p.note() != null && p.note().contains("no key to try")));
            onlyListsAndHeads(proxy);
            assertTrue(unsigned(proxy).stream().anyMatch(s -> s.method().equals("HEAD")
                    && s.pathAndQuery().equals("/open-acl/applicants.csv")), unsigned(proxy).toString());
        }
    }

    @Test
    void aBucketTheScansTrustZoneCallsPrivateIsNeverProbed() throws Exception {
        // An ACL grant to a partner's canonical user whose force is undecided (the proxy refuses the Object Ownership
        // read, so whether ACLs are in force is unknown): UNKNOWN while the partner is an outsider, PRIVATE once the
        // trust zone names it. The probe must follow the verdict the report gives.
        String partner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        try (S3Client s3 = MotoFixture.s3()) {
            s3.createBucket(r -> r.bucket("partner-share"));
            var owner = s3.getBucketAcl(r -> r.bucket("partner-share")).owner();
            s3.putBucketAcl(r -> r.bucket("partner-share").accessControlPolicy(a -> a.owner(owner).grants(
                    software.amazon.awssdk.services.s3.model.Grant.builder().grantee(g -> g.type(
                            software.amazon.awssdk.services.s3.model.Type.CANONICAL_USER).id(owner.id()))
                            .permission(software.amazon.awssdk.services.s3.model.Permission.FULL_CONTROL).build(),
                    software.amazon.awssdk.services.s3.model.Grant.builder().grantee(g -> g.type(
                            software.amazon.awssdk.services.s3.model.Type.CANONICAL_USER).id(partner))
                            .permission(software.amazon.awssdk.services.s3.model.Permission.READ).build())));
        }
        for (boolean trusted : List.of(false, true)) {
            try (FaultProxy proxy = new FaultProxy(MotoFixture.endpoint())) {
                proxy.refuse(s -> s.signed() && s.pathAndQuery().startsWith("/partner-share?ownershipControls"),
                        FaultProxy.Refusal.s3(403, "AccessDenied"));
                TrustZone zone = trusted ? new TrustZone(Set.of(partner), Set.of()) : TrustZone.OWNER_ONLY;
                Inventory inv = scan(provider(proxy.endpoint(), true).trust(zone), S3_FACTS);
                Resource share = bucket(inv, "partner-share");
                boolean probed = unsigned(proxy).stream().anyMatch(s -> s.pathAndQuery().startsWith("/partner-share"));
                if (trusted) {
                    assertEquals(Exposure.PRIVATE, verdict(share, zone).exposure(), verdict(share, zone).reasons()
                            .toString());
                    assertFalse(probed, "the report calls it PRIVATE, so no unsigned request: " + unsigned(proxy));
                    assertFalse(share.collected().contains(S3Facts.ANONYMOUS_PROBE));
                } else {
                    assertTrue(probed, "UNKNOWN outside the trust zone, so it is probed: " + unsigned(proxy));
                    assertTrue(share.collected().contains(S3Facts.ANONYMOUS_PROBE));
                }
            }
        }
    }
}
