package dev.bucketguard.aws;

import static dev.bucketguard.aws.MotoFixture.ACCOUNT;
import static dev.bucketguard.aws.MotoFixture.S3_FACTS;
import static dev.bucketguard.aws.MotoFixture.bucket;
import static dev.bucketguard.aws.MotoFixture.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureAnalyzer;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.model.BlockPublicAccess;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.ObjectOwnership;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
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

/** Buckets set up on moto through the real SDK, scanned by the provider, judged by the core verdict. */
@ExtendWith(MotoServer.class)
class ProviderAgainstMotoTest {
    private final ExposureAnalyzer analyzer = new ExposureAnalyzer();
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
        Grant g = r.grants().stream().filter(x -> x.via() == Channel.ACL && x.grantee().isPublic())
                .findFirst().orElseThrow();
        assertEquals(GranteeKind.ANONYMOUS, g.grantee().kind());
        assertEquals(Set.of(Permission.LIST), g.permissions());
        assertEquals(ACCOUNT, r.account());
        assertEquals("us-east-1", r.region());
        Assessment a = analyzer.assess(r);
        assertEquals(Exposure.PUBLIC, a.exposure(), a.reasons().toString());
        assertTrue(a.tags().contains(ExposureTag.LISTABLE));
    }

    @Test
    void authenticatedReadIsPublicToAuthenticatedUsersOnly() {
        s3.createBucket(r -> r.bucket("auth-read").acl(BucketCannedACL.AUTHENTICATED_READ));
        Resource r = scanOne("auth-read");
        assertTrue(r.grants().stream().anyMatch(g -> g.grantee().kind() == GranteeKind.ANY_AUTHENTICATED));
        Assessment a = analyzer.assess(r);
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
        Assessment a = analyzer.assess(r);
        assertEquals(Exposure.CROSS_ACCOUNT, a.exposure(), a.reasons().toString());
        assertEquals(List.of(other), a.outsiders());
    }

    @Test
    void plainBucketIsPrivateWithEveryFactKnown() {
        create("plain");
        Resource r = scanOne("plain");
        for (Fact f : S3_FACTS) {
            if (f != Fact.OBJECT_ACLS) {
                assertTrue(r.knows(f), f + " should be known: " + r.whyUnknown(f));
            }
        }
        assertEquals(BlockPublicAccess.NONE, r.guardrails().s3BucketBlockPublicAccess());
        assertEquals(BlockPublicAccess.NONE, r.guardrails().s3AccountBlockPublicAccess());
        assertEquals(ObjectOwnership.NOT_CONFIGURED, r.guardrails().s3ObjectOwnership());
        assertFalse(r.policy().present());
        assertEquals(Boolean.FALSE, r.tlsEnforced());
        assertFalse(r.website().enabled());
        assertFalse(r.logging().enabled());
        assertFalse(r.versioning().enabled());
        assertTrue(r.accessPoints().isEmpty());
        Assessment a = analyzer.assess(r);
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
        Inventory inv = scan(MotoFixture.provider(0), EnumSet.of(Fact.POLICY_STATUS));
        assertEquals(Boolean.FALSE, bucket(inv, "owner-only").policy().statusPublic());
        assertTrue(bucket(inv, "owner-only").policy().present());
        assertEquals(Boolean.TRUE, bucket(inv, "anyone").policy().statusPublic());
        assertEquals(Boolean.FALSE, bucket(inv, "no-policy").policy().statusPublic());
        assertFalse(bucket(inv, "no-policy").policy().present());
        for (Resource r : inv.resources()) {
            assertTrue(r.knows(Fact.POLICY_STATUS), r.whyUnknown(Fact.POLICY_STATUS).toString());
        }
    }

    @Test
    void bucketBlockPublicAccessAllOnNeutralisesAPublicAcl() {
        s3.createBucket(r -> r.bucket("bpa-on").acl(BucketCannedACL.PUBLIC_READ));
        s3.putPublicAccessBlock(r -> r.bucket("bpa-on").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        Resource r = scanOne("bpa-on");
        assertEquals(BlockPublicAccess.ALL, r.guardrails().s3BucketBlockPublicAccess());
        Assessment a = analyzer.assess(r);
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
            assertEquals(BlockPublicAccess.ALL, r.guardrails().s3AccountBlockPublicAccess());
            assertEquals(BlockPublicAccess.NONE, r.guardrails().s3BucketBlockPublicAccess());
            assertEquals(Exposure.PRIVATE, analyzer.assess(r).exposure());
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
        assertEquals(ObjectOwnership.BUCKET_OWNER_ENFORCED, r.guardrails().s3ObjectOwnership());
        Assessment a = analyzer.assess(r);
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
        assertTrue(cmk.knows(Fact.ENCRYPTION_KEY));
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
        Resource r = bucket(scan(provider, EnumSet.of(Fact.ENCRYPTION)), "cmk");
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
        assertTrue(site.website().enabled());
        assertEquals("http://site.s3-website-us-east-1.amazonaws.com", site.website().endpoint());
        assertTrue(analyzer.assess(site).tags().contains(ExposureTag.WEBSITE));
        Resource logged = bucket(inv, "logged");
        assertTrue(logged.logging().enabled());
        assertEquals("logs/logged/", logged.logging().target());
        assertTrue(bucket(inv, "versioned").versioning().enabled());
        assertEquals("Enabled", bucket(inv, "versioned").versioning().status());
        assertNull(bucket(inv, "logged").versioning().status());
        // The log bucket's grants go to the S3 log delivery service, which is neither public nor another account.
        Resource logs = bucket(inv, "logs");
        assertTrue(logs.grants().stream().anyMatch(g -> g.grantee().kind() == GranteeKind.SERVICE));
        assertEquals(Exposure.PRIVATE, analyzer.assess(logs).exposure(), analyzer.assess(logs).reasons().toString());
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
        Grant g = r.grants().stream().filter(x -> x.via() == Channel.OBJECT_ACL).findFirst().orElseThrow();
        assertEquals("doc-15.txt", g.object());
        assertEquals(GranteeKind.ANONYMOUS, g.grantee().kind());
        assertTrue(g.allows(Permission.READ));
        assertEquals(10L, provider.apiCalls().get("GetObjectAcl"));
        Assessment a = analyzer.assess(r);
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
        Inventory inv = scan(provider, EnumSet.of(Fact.VERSIONING));
        Resource r = bucket(inv, "public-read");
        assertEquals(Set.of(Fact.VERSIONING), r.collected());
        assertTrue(r.grants().isEmpty());
        Map<String, Long> calls = provider.apiCalls();
        for (String op : List.of("GetBucketAcl", "GetBucketPolicy", "GetBucketPolicyStatus", "GetPublicAccessBlock",
                "GetBucketOwnershipControls", "GetBucketEncryption", "ListObjectsV2", "GetObjectAcl",
                "ListAccessPoints")) {
            assertNull(calls.get(op), op + " should not be called: " + calls);
        }
        assertEquals(2L, calls.get("GetBucketVersioning"));
        // The exposure verdict does not pretend to know what was not collected.
        assertEquals(Exposure.UNKNOWN, analyzer.assess(r).exposure());
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
        MotoFixture.provider(0).collect(EnumSet.of(Fact.VERSIONING), messages::add);
        assertTrue(messages.size() <= 21, messages.toString());
        assertEquals("scanned 40/40 buckets of account " + ACCOUNT, messages.get(messages.size() - 1));
    }

    @Test
    void accessPointsAreListedWithTheirOrigin() {
        create("with-ap");
        try (var control = MotoFixture.s3Control()) {
            control.createAccessPoint(r -> r.accountId(ACCOUNT).name("ap-internet").bucket("with-ap"));
        }
        Resource r = bucket(scan(MotoFixture.provider(0), EnumSet.of(Fact.ACCESS_POINTS)), "with-ap");
        assertTrue(r.knows(Fact.ACCESS_POINTS), r.whyUnknown(Fact.ACCESS_POINTS).toString());
        assertEquals(1, r.accessPoints().size());
        assertEquals("ap-internet", r.accessPoints().get(0).name());
        assertEquals(ACCOUNT, r.accessPoints().get(0).ownerAccount());
        assertNotNull(r.accessPoints().get(0).blockPublicAccess());
    }
}
