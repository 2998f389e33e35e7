package dev.bucketguard.aws;

import static dev.bucketguard.aws.MotoFixture.ACCOUNT;
import static dev.bucketguard.aws.MotoFixture.S3_FACTS;
import static dev.bucketguard.aws.MotoFixture.verdict;
import static dev.bucketguard.aws.MotoFixture.bucket;
import static dev.bucketguard.aws.MotoFixture.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.ObjectOwnership;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.model.Website;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Type;

/** Buckets set up on moto through the real SDK, scanned by the provider, judged by the AWS verdict. */
@ExtendWith(MotoServer.class)
class ProviderAgainstMotoTest {
    private S3Client s3;

    @BeforeEach
    void setUp() {
        MotoServer.reset();
        s3 = MotoFixture.s3();
    }

    @AfterEach
    void tearDown() {
        s3.close();
    }

    private Resource scanOne(String name) {
        return bucket(scan(MotoFixture.provider(0), S3_FACTS), name);
    }

    private void create(String name) {
        s3.createBucket(r -> r.bucket(name));
    }

    @Test
    void publicReadCannedAclIsPublicAndListable() {
        s3.createBucket(r -> r.bucket("public-read").acl(BucketCannedACL.PUBLIC_READ));
        Resource r = scanOne("public-read");
        Grant g = r.grants().stream().filter(x -> S3Channels.ACL.equals(x.via()) && x.grantee().isPublic())
                .findFirst().orElseThrow();
        assertEquals(GranteeKind.ANONYMOUS, g.grantee().kind());
        assertEquals(Set.of(Permission.LIST), g.permissions());
        assertEquals(ACCOUNT, r.account());
        assertEquals("us-east-1", r.region());
        Verdict a = verdict(r);
        assertEquals(Exposure.PUBLIC, a.exposure(), a.reasons().toString());
        assertTrue(a.tags().contains(ExposureTag.LISTABLE));
    }

    @Test
    void authenticatedReadIsPublicToAuthenticatedUsersOnly() {
        s3.createBucket(r -> r.bucket("auth-read").acl(BucketCannedACL.AUTHENTICATED_READ));
        Resource r = scanOne("auth-read");
        assertTrue(r.grants().stream().anyMatch(g -> g.grantee().kind() == GranteeKind.ANY_AUTHENTICATED));
        Verdict a = verdict(r);
        assertEquals(Exposure.PUBLIC, a.exposure(), a.reasons().toString());
        assertTrue(a.tags().contains(ExposureTag.AUTH_USERS_ONLY));
    }

    @Test
    void grantToAnotherCanonicalIdIsCrossAccount() {
        create("shared-acl");
        String owner = s3.getBucketAcl(r -> r.bucket("shared-acl")).owner().id();
        String other = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        s3.putBucketAcl(r -> r.bucket("shared-acl").accessControlPolicy(p -> p
                .owner(o -> o.id(owner))
                .grants(
                        software.amazon.awssdk.services.s3.model.Grant.builder()
                                .grantee(x -> x.type(Type.CANONICAL_USER).id(owner))
                                .permission(software.amazon.awssdk.services.s3.model.Permission.FULL_CONTROL).build(),
                        software.amazon.awssdk.services.s3.model.Grant.builder()
                                .grantee(x -> x.type(Type.CANONICAL_USER).id(other))
                                .permission(software.amazon.awssdk.services.s3.model.Permission.READ).build())));
        Resource r = scanOne("shared-acl");
        assertTrue(r.grants().stream().anyMatch(g -> g.grantee().kind() == GranteeKind.OWNER));
        Grant foreign = r.grants().stream().filter(g -> g.grantee().kind() == GranteeKind.ACCOUNT).findFirst()
                .orElseThrow();
        assertEquals(other, foreign.grantee().id());
        Verdict a = verdict(r);
        assertEquals(Exposure.CROSS_ACCOUNT, a.exposure(), a.reasons().toString());
        assertEquals(List.of(other), a.outsiders());
    }

    @Test
    void plainBucketIsPrivateWithEveryFactKnown() {
        create("plain");
        Resource r = scanOne("plain");
        for (Fact f : S3_FACTS) {
            if (!f.equals(S3Facts.OBJECT_ACLS)) {
                assertTrue(r.knows(f), f + " should be known: " + r.whyUnknown(f));
            }
        }
        // Every fact read has an explicit value, "not configured" included.
        S3Bucket b = S3Bucket.of(r);
        assertEquals(BlockPublicAccess.NONE, b.bucketBlockPublicAccess());
        assertEquals(BlockPublicAccess.NONE, b.accountBlockPublicAccess());
        assertEquals(ObjectOwnership.NOT_CONFIGURED, b.objectOwnership());
        assertFalse(b.policy().present());
        assertFalse(b.policy().tlsEnforced());
        assertEquals(Boolean.FALSE, b.policyStatusPublic());
        assertEquals(Website.OFF, b.website());
        assertEquals(Logging.OFF, b.logging());
        assertEquals(Versioning.NEVER_ENABLED, b.versioning());
        assertFalse(b.versioning().enabled());
        assertTrue(b.accessPoints().isEmpty());
        assertEquals(AwsCloud.BUCKET, r.kind());
        assertEquals(List.of(), new AwsCloud().problems(r));
        Verdict a = verdict(r);
        assertEquals(Exposure.PRIVATE, a.exposure(), a.reasons().toString());
        assertTrue(a.tags().contains(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC));
    }

    @Test
    void policyStatusIsReadFromMoto() {
        // moto 5.2.5 answers GetBucketPolicyStatus (5.2.1 did not: see PolicyStatusFromWireMockTest for that answer).
        create("owner-only");
        s3.putBucketPolicy(r -> r.bucket("owner-only").policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"OwnerOnly","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::owner-only/*"}]}"""));
        create("anyone");
        s3.putBucketPolicy(r -> r.bucket("anyone").policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow",
                 "Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::anyone/*"}]}"""));
        create("no-policy");
        Inventory inv = scan(MotoFixture.provider(0), Set.of(S3Facts.POLICY_STATUS, S3Facts.POLICY));
        assertEquals(Boolean.FALSE, S3Bucket.of(bucket(inv, "owner-only")).policyStatusPublic());
        assertTrue(S3Bucket.of(bucket(inv, "owner-only")).policy().present());
        assertEquals(Boolean.TRUE, S3Bucket.of(bucket(inv, "anyone")).policyStatusPublic());
        assertEquals(Boolean.FALSE, S3Bucket.of(bucket(inv, "no-policy")).policyStatusPublic());
        assertFalse(S3Bucket.of(bucket(inv, "no-policy")).policy().present());
        for (Resource r : inv.resources()) {
            assertTrue(r.knows(S3Facts.POLICY_STATUS), r.whyUnknown(S3Facts.POLICY_STATUS).toString());
        }
    }

    @Test
    void bucketBlockPublicAccessAllOnNeutralisesAPublicAcl() {
        s3.createBucket(r -> r.bucket("bpa-on").acl(BucketCannedACL.PUBLIC_READ));
        s3.putPublicAccessBlock(r -> r.bucket("bpa-on").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        Resource r = scanOne("bpa-on");
        assertEquals(BlockPublicAccess.ALL, S3Bucket.of(r).bucketBlockPublicAccess());
        Verdict a = verdict(r);
        assertEquals(Exposure.PRIVATE, a.exposure(), a.reasons().toString());
    }

    @Test
    void accountBlockPublicAccessAppliesToEveryBucketOfTheAccount() {
        s3.createBucket(r -> r.bucket("acct-a").acl(BucketCannedACL.PUBLIC_READ));
        s3.createBucket(r -> r.bucket("acct-b").acl(BucketCannedACL.PUBLIC_READ));
        try (var control = MotoFixture.s3Control()) {
            control.putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                    .restrictPublicBuckets(true)));
        }
        AwsProvider provider = MotoFixture.provider(0);
        Inventory inv = scan(provider, S3_FACTS);
        for (String name : List.of("acct-a", "acct-b")) {
            Resource r = bucket(inv, name);
            assertEquals(BlockPublicAccess.ALL, S3Bucket.of(r).accountBlockPublicAccess());
            assertEquals(BlockPublicAccess.NONE, S3Bucket.of(r).bucketBlockPublicAccess());
            assertEquals(Exposure.PRIVATE, verdict(r).exposure());
        }
        // Read once per account, not once per bucket.
        assertEquals(1L, provider.apiCalls().get("S3Control:GetPublicAccessBlock"));
        assertEquals(2L, provider.apiCalls().get("GetPublicAccessBlock"));
    }

    @Test
    void bucketOwnerEnforcedSwitchesAclsOff() {
        create("enforced");
        s3.putBucketOwnershipControls(r -> r.bucket("enforced").ownershipControls(o -> o.rules(java.util.List.of(software.amazon.awssdk.services.s3.model.OwnershipControlsRule.builder()
                .objectOwnership(software.amazon.awssdk.services.s3.model.ObjectOwnership.BUCKET_OWNER_ENFORCED).build()))));
        Resource r = scanOne("enforced");
        assertEquals(ObjectOwnership.BUCKET_OWNER_ENFORCED, S3Bucket.of(r).objectOwnership());
        Verdict a = verdict(r);
        assertEquals(Exposure.PRIVATE, a.exposure(), a.reasons().toString());
        assertFalse(a.tags().contains(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC));
    }

    @Test
    void encryptionStatesFollowSemantics51() {
        create("no-default");
        create("sse-s3");
        s3.putBucketEncryption(r -> r.bucket("sse-s3").serverSideEncryptionConfiguration(c -> c.rules(java.util.List.of(
                software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule.builder()
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)).build()))));
        create("sse-kms-default");
        s3.putBucketEncryption(r -> r.bucket("sse-kms-default").serverSideEncryptionConfiguration(c -> c.rules(java.util.List.of(
                software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule.builder()
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)).build()))));
        String keyArn;
        try (KmsClient kms = MotoFixture.kms()) {
            keyArn = kms.createKey(r -> r.description("bucketguard test")).keyMetadata().arn();
        }
        create("sse-kms-cmk");
        s3.putBucketEncryption(r -> r.bucket("sse-kms-cmk").serverSideEncryptionConfiguration(c -> c.rules(java.util.List.of(
                software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule.builder()
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(keyArn)).build()))));
        Inventory inv = scan(MotoFixture.provider(0), S3_FACTS);

        var none = bucket(inv, "no-default").encryption();
        assertEquals(EncryptionState.PROVIDER_MANAGED, none.state());
        assertTrue(none.legacyObjectsMayBeUnencrypted());
        var sseS3 = bucket(inv, "sse-s3").encryption();
        assertEquals(EncryptionState.PROVIDER_MANAGED, sseS3.state());
        assertEquals("AES256", sseS3.algorithm());
        assertFalse(sseS3.legacyObjectsMayBeUnencrypted());
        assertEquals(EncryptionState.PROVIDER_MANAGED, bucket(inv, "sse-kms-default").encryption().state());
        Resource cmk = bucket(inv, "sse-kms-cmk");
        assertEquals(EncryptionState.CUSTOMER_MANAGED, cmk.encryption().state());
        assertEquals(keyArn, cmk.encryption().keyId());
        assertTrue(cmk.knows(S3Facts.ENCRYPTION_KEY));
    }

    @Test
    void customerKeyWithoutEncryptionKeyFactIsEncryptedWithUnknownManagerAndNoKmsCall() {
        String keyArn;
        try (KmsClient kms = MotoFixture.kms()) {
            keyArn = kms.createKey(r -> r.description("bucketguard test")).keyMetadata().arn();
        }
        create("cmk");
        s3.putBucketEncryption(r -> r.bucket("cmk").serverSideEncryptionConfiguration(c -> c.rules(java.util.List.of(
                software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule.builder()
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(keyArn)).build()))));
        AwsProvider provider = MotoFixture.provider(0);
        Resource r = bucket(scan(provider, Set.of(S3Facts.ENCRYPTION)), "cmk");
        assertEquals(EncryptionState.UNKNOWN, r.encryption().state());
        assertEquals(Boolean.TRUE, r.encryption().encrypted());
        assertNull(provider.apiCalls().get("Kms:DescribeKey"));
    }

    @Test
    void websiteLoggingAndVersioningAreRead() {
        create("site");
        s3.putBucketWebsite(r -> r.bucket("site").websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))));
        s3.createBucket(r -> r.bucket("logs").acl("log-delivery-write"));
        create("logged");
        s3.putBucketLogging(r -> r.bucket("logged").bucketLoggingStatus(l -> l.loggingEnabled(e -> e
                .targetBucket("logs").targetPrefix("logged/"))));
        create("versioned");
        s3.putBucketVersioning(r -> r.bucket("versioned").versioningConfiguration(v -> v
                .status(BucketVersioningStatus.ENABLED)));
        Inventory inv = scan(MotoFixture.provider(0), S3_FACTS);

        Resource site = bucket(inv, "site");
        assertTrue(S3Bucket.of(site).website().enabled());
        assertEquals("http://site.s3-website-us-east-1.amazonaws.com", S3Bucket.of(site).website().endpoint());
        assertTrue(verdict(site).tags().contains(ExposureTag.WEBSITE));
        Resource logged = bucket(inv, "logged");
        assertTrue(S3Bucket.of(logged).logging().enabled());
        assertEquals("logs/logged/", S3Bucket.of(logged).logging().target());
        assertTrue(S3Bucket.of(bucket(inv, "versioned")).versioning().enabled());
        assertEquals("Enabled", S3Bucket.of(bucket(inv, "versioned")).versioning().status());
        assertNull(S3Bucket.of(logged).versioning().status());
        // The log bucket's grants go to the S3 log delivery service, which is neither public nor another account.
        Resource logs = bucket(inv, "logs");
        assertTrue(logs.grants().stream().anyMatch(g -> g.grantee().kind() == GranteeKind.SERVICE));
        assertEquals(Exposure.PRIVATE, verdict(logs).exposure(), verdict(logs).reasons().toString());
    }

    @Test
    void publicObjectAclIsFoundBySampling() {
        create("objects");
        for (int i = 0; i < 30; i++) {
            String key = String.format("doc-%02d.txt", i);
            // One public object in the middle of the key space; evenly spaced sampling reaches it.
            ObjectCannedACL acl = i == 15 ? ObjectCannedACL.PUBLIC_READ : ObjectCannedACL.PRIVATE;
            s3.putObject(r -> r.bucket("objects").key(key).acl(acl), RequestBody.fromString("x"));
        }
        AwsProvider provider = MotoFixture.provider(10);
        Resource r = bucket(scan(provider, S3_FACTS), "objects");
        Grant g = r.grants().stream().filter(x -> S3Channels.OBJECT_ACL.equals(x.via())).findFirst().orElseThrow();
        assertEquals("doc-15.txt", g.scope());
        assertEquals(GranteeKind.ANONYMOUS, g.grantee().kind());
        assertTrue(g.allows(Permission.READ));
        assertEquals(10L, provider.apiCalls().get("GetObjectAcl"));
        Verdict a = verdict(r);
        assertEquals(Exposure.PUBLIC, a.exposure(), a.reasons().toString());
        assertTrue(a.tags().contains(ExposureTag.OBJECT_PUBLIC));
    }

    @Test
    void objectSampleSkipsBucketsWhoseAclsAreOff() {
        create("enforced-objects");
        s3.putObject(r -> r.bucket("enforced-objects").key("a"), RequestBody.fromString("x"));
        s3.putBucketOwnershipControls(r -> r.bucket("enforced-objects").ownershipControls(o -> o.rules(java.util.List.of(software.amazon.awssdk.services.s3.model.OwnershipControlsRule.builder()
                .objectOwnership(software.amazon.awssdk.services.s3.model.ObjectOwnership.BUCKET_OWNER_ENFORCED).build()))));
        AwsProvider provider = MotoFixture.provider(10);
        scan(provider, S3_FACTS);
        assertNull(provider.apiCalls().get("GetObjectAcl"));
        assertNull(provider.apiCalls().get("ListObjectsV2"));
    }

    @Test
    void onlyRequestedFactsCostCalls() {
        s3.createBucket(r -> r.bucket("public-read").acl(BucketCannedACL.PUBLIC_READ));
        create("other");
        AwsProvider provider = MotoFixture.provider(5);
        Inventory inv = scan(provider, Set.of(S3Facts.VERSIONING));
        Resource r = bucket(inv, "public-read");
        assertEquals(Set.of(S3Facts.VERSIONING), r.collected());
        assertTrue(r.grants().isEmpty());
        Map<String, Long> calls = provider.apiCalls();
        for (String op : List.of("GetBucketAcl", "GetBucketPolicy", "GetBucketPolicyStatus", "GetPublicAccessBlock",
                "GetBucketOwnershipControls", "GetBucketEncryption", "ListObjectsV2", "GetObjectAcl",
                "ListAccessPoints")) {
            assertNull(calls.get(op), op + " should not be called: " + calls);
        }
        assertEquals(2L, calls.get("GetBucketVersioning"));
        // The exposure verdict does not pretend to know what was not collected.
        assertEquals(Exposure.UNKNOWN, verdict(r).exposure());
    }

    @Test
    void onlyThisCloudsFactsAreRead() {
        // Other clouds' facts share names with AWS's (ACL, POLICY, LOGGING): the provider reads facts("aws") only.
        s3.createBucket(r -> r.bucket("public-read").acl(BucketCannedACL.PUBLIC_READ));
        AwsProvider provider = MotoFixture.provider(5);
        Set<Fact> everything = Set.of(S3Facts.ACL, S3Facts.POLICY, S3Facts.POLICY_STATUS, S3Facts.LOGGING,
                S3Facts.ENCRYPTION, S3Facts.WEBSITE, Fact.of("ORG_POLICY"));
        Inventory inv = provider.collect(new FactSelection(Map.of(AwsCloud.ID, Set.of(S3Facts.VERSIONING),
                "azure", everything, "gcp", everything)), messages -> { });
        Resource r = bucket(inv, "public-read");
        assertEquals(Set.of(S3Facts.VERSIONING), r.collected());
        assertTrue(r.grants().isEmpty());
        assertTrue(r.unknowns().isEmpty(), r.unknowns().toString());
        assertEquals(Map.of("GetBucketVersioning", 1L), settingCalls(provider));
        // And a scan that needs nothing of AWS reads no bucket setting at all.
        AwsProvider idle = MotoFixture.provider(5);
        Inventory none = idle.collect(FactSelection.only("gcp", everything), messages -> { });
        assertEquals(Set.of(), bucket(none, "public-read").collected());
        assertEquals(Map.of(), settingCalls(idle));
    }

    /** The calls that read a bucket's or account's settings: all but identity, listing and region discovery. */
    private static Map<String, Long> settingCalls(AwsProvider provider) {
        Map<String, Long> calls = new java.util.TreeMap<>(provider.apiCalls());
        calls.keySet().removeIf(op -> op.endsWith(":GetCallerIdentity")
                || Set.of("ListBuckets", "GetBucketLocation", "HeadBucket").contains(op));
        return calls;
    }

    @Test
    void manyBucketsComeBackSortedWhateverTheCompletionOrder() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            names.add("bucket-" + (char) ('a' + (i * 7) % 25) + i);
        }
        names.forEach(this::create);
        Inventory first = scan(MotoFixture.provider(0), S3_FACTS);
        Inventory second = scan(MotoFixture.provider(0), S3_FACTS);
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        assertEquals(sorted, first.resources().stream().map(Resource::id).toList());
        assertEquals(first, second);
        assertTrue(first.errors().isEmpty(), first.errors().toString());
    }

    @Test
    void progressIsReportedThrottled() {
        for (int i = 0; i < 40; i++) {
            create("p-" + i);
        }
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        MotoFixture.provider(0).collect(FactSelection.only(AwsCloud.ID, Set.of(S3Facts.VERSIONING)), messages::add);
        assertTrue(messages.size() <= 21, messages.toString());
        assertEquals("scanned 40/40 buckets of account " + ACCOUNT, messages.get(messages.size() - 1));
    }

    @Test
    void accessPointsAreListedWithTheirOrigin() {
        create("with-ap");
        try (var control = MotoFixture.s3Control()) {
            control.createAccessPoint(r -> r.accountId(ACCOUNT).name("ap-internet").bucket("with-ap"));
        }
        Resource r = bucket(scan(MotoFixture.provider(0), Set.of(S3Facts.ACCESS_POINTS)), "with-ap");
        assertTrue(r.knows(S3Facts.ACCESS_POINTS), r.whyUnknown(S3Facts.ACCESS_POINTS).toString());
        List<dev.bucketguard.cloud.aws.AccessPoint> points = S3Bucket.of(r).accessPoints();
        assertEquals(1, points.size());
        assertEquals("ap-internet", points.get(0).name());
        assertEquals(ACCOUNT, points.get(0).ownerAccount());
        assertNotNull(points.get(0).blockPublicAccess());
    }
}
