package dev.bucketguard.aws;

import static dev.bucketguard.aws.EmulatorAccount.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * The LocalStack scenarios, defined once: {@link LocalStackProcessTest} runs them against LocalStack as a plain
 * process (what CI runs), {@link LocalStackDockerTest} against LocalStack in Docker through Testcontainers. Each shows
 * what moto cannot: today's AWS defaults on new buckets (Block Public Access on, BucketOwnerEnforced, SSE-S3),
 * canned ACL grants as AWS writes them, ListBuckets pages, and GetBucketPolicyStatus unavailable (LocalStack answers
 * 501). Each scenario works in an account of its own (LocalStack has no reset) and asserts what a user sees: the
 * verdict, its reasons and the findings of a whole scan through the real provider.
 */
abstract class LocalStackScenarios {
    /** The LocalStack to run against. */
    abstract URI endpoint();

    EmulatorAccount account;
    S3Client s3;

    @BeforeEach
    void freshAccount() {
        account = EmulatorAccount.freshOnLocalStack(endpoint());
        s3 = account.s3();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    static Finding finding(ResourceReport report, String ruleId) {
        return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding of " + ruleId));
    }

    /** What the report says of one bucket, for failure messages. */
    static String said(ResourceReport report) {
        return report.verdict().exposure() + " " + report.verdict().reasons() + "\n" + report.findings().stream()
                .map(f -> f.status() + " " + f.ruleId() + ": " + f.message() + " " + f.evidence())
                .collect(Collectors.joining("\n"));
    }

    /** Undoes the defaults AWS gives a new bucket (BPA off, ACLs back on) and sets a canned ACL. */
    static BiConsumer<S3Client, String> cannedAcl(String acl) {
        return (s3, bucket) -> {
            s3.deletePublicAccessBlock(r -> r.bucket(bucket));
            s3.putBucketOwnershipControls(r -> r.bucket(bucket).ownershipControls(o -> o.rules(
                    OwnershipControlsRule.builder().objectOwnership(ObjectOwnership.OBJECT_WRITER).build())));
            // Through the header: the SDK's BucketCannedACL lacks log-delivery-write, which S3 accepts on buckets.
            s3.putBucketAcl(r -> r.bucket(bucket).overrideConfiguration(o -> o.putHeader("x-amz-acl", acl)));
        };
    }

    /** Undoes Block Public Access and lets anyone read objects, under these conditions (JSON, or empty). */
    static BiConsumer<S3Client, String> publicReadPolicy(String sid, String condition) {
        return (s3, bucket) -> {
            s3.deletePublicAccessBlock(r -> r.bucket(bucket));
            s3.putBucketPolicy(r -> r.bucket(bucket).policy("""
                    {"Version":"2012-10-17","Statement":[{"Sid":"%s","Effect":"Allow","Principal":"*",
                     "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"%s}]}"""
                    .formatted(sid, bucket, condition.isEmpty() ? "" : ",\"Condition\":" + condition)));
        };
    }

    @Test
    void newBucketWithTodaysDefaultsIsPrivateAndTheDefaultsAreNamed() {
        ResourceReport report = account.scanned("ls-defaults", (s3, bucket) -> { });
        Resource r = report.resource();
        S3Bucket b = S3Bucket.of(r);
        assertEquals(BlockPublicAccess.ALL, b.bucketBlockPublicAccess());
        assertEquals(dev.bucketguard.cloud.aws.ObjectOwnership.BUCKET_OWNER_ENFORCED, b.objectOwnership());
        assertEquals(EncryptionState.PROVIDER_MANAGED, r.encryption().state());
        assertEquals("AES256", r.encryption().algorithm());
        assertFalse(r.encryption().legacyObjectsMayBeUnencrypted());
        Verdict v = report.verdict();
        assertEquals(Exposure.PRIVATE, v.exposure(), said(report));
        assertTrue(v.reasons().get(0).startsWith("IgnorePublicAcls and RestrictPublicBuckets are on (IgnorePublicAcls"
                + " is on at bucket; RestrictPublicBuckets is on at bucket)"), said(report));
        assertEquals(FindingStatus.PASS, finding(report, "aws.s3.bucket-block-public-access").status(), said(report));
        assertEquals("ACLs are disabled: Object Ownership is BucketOwnerEnforced",
                finding(report, "aws.s3.acls-enabled").message());
        assertTrue(finding(report, "aws.s3.encryption-customer-key").message().startsWith(
                "default encryption uses SSE-S3 (AES256"), said(report));
        policyStatusUnavailable(report);
    }

    /** LocalStack answers GetBucketPolicyStatus with 501: the fact is UNKNOWN, and said so, never "not public". */
    static void policyStatusUnavailable(ResourceReport report) {
        Resource r = report.resource();
        assertFalse(r.knows(S3Facts.POLICY_STATUS));
        assertEquals(null, S3Bucket.of(r).policyStatusPublic());
        String unavailable = "could not read POLICY_STATUS: GetBucketPolicyStatus failed with InternalFailure (HTTP 501:"
                + " not implemented by this endpoint)";
        assertEquals(unavailable, r.whyUnknown(S3Facts.POLICY_STATUS).orElseThrow().describe());
        Finding disagrees = finding(report, "aws.s3.policy-status-disagrees");
        assertEquals(FindingStatus.UNKNOWN, disagrees.status(), said(report));
        assertTrue(disagrees.message().startsWith(unavailable), disagrees.message());
    }

    @Test
    void defaultsUndoneAndAPublicReadAclIsPublic() {
        ResourceReport report = account.scanned("ls-acl", cannedAcl("public-read"));
        assertEquals(BlockPublicAccess.NONE, S3Bucket.of(report.resource()).bucketBlockPublicAccess());
        assertEquals(Exposure.PUBLIC, report.verdict().exposure(), said(report));
        assertEquals(FindingStatus.FAIL, finding(report, "aws.s3.public-acl").status(), said(report));
        assertEquals(FindingStatus.FAIL, finding(report, "aws.s3.bucket-block-public-access").status(), said(report));
        assertEquals(FindingStatus.FAIL, finding(report, "aws.s3.acls-enabled").status(), said(report));
    }

    @Test
    void defaultsUndoneAndAPublicPolicyIsPublicWithoutPolicyStatus() {
        ResourceReport report = account.scanned("ls-policy", publicReadPolicy("PartnerPortalRead", ""));
        assertEquals(Exposure.PUBLIC, report.verdict().exposure(), said(report));
        assertTrue(report.verdict().reasons().get(0).startsWith("policy statement 'PartnerPortalRead' grants read to"
                + " anyone"), said(report));
        assertEquals(FindingStatus.FAIL, finding(report, "aws.s3.public-policy").status(), said(report));
        policyStatusUnavailable(report);
    }

    @Test
    void publicReadWriteCannedAclGrantsAnyoneListAndWriteAsAwsWritesIt() {
        ResourceReport report = account.scanned("ls-prw", cannedAcl("public-read-write"));
        // AWS's canned ACL: owner FULL_CONTROL, AllUsers READ and AllUsers WRITE, as three grants.
        assertEquals(List.of(OWNER, "ANONYMOUS [LIST]", "ANONYMOUS [WRITE]"), aclGrants(report.resource()));
        assertEquals(Exposure.PUBLIC, report.verdict().exposure(), said(report));
        assertEquals("bucket ACL lets anyone list objects and write/delete objects; IgnorePublicAcls is off at bucket"
                + " and account", finding(report, "aws.s3.public-acl").message());
    }

    @Test
    void logDeliveryWriteCannedAclGrantsOnlyTheLogDeliveryGroup() {
        ResourceReport report = account.scanned("ls-ldw", cannedAcl("log-delivery-write"));
        // AWS's canned ACL: owner FULL_CONTROL, LogDelivery WRITE and READ_ACP; the group is S3's log delivery.
        assertEquals(List.of(OWNER, "SERVICE [READ_ACP]", "SERVICE [WRITE]"), aclGrants(report.resource()));
        assertEquals(Exposure.PRIVATE, report.verdict().exposure(), said(report));
        assertEquals(FindingStatus.PASS, finding(report, "aws.s3.public-acl").status(), said(report));
        assertEquals(FindingStatus.PASS, finding(report, "aws.s3.cross-account-access").status(), said(report));
    }

    /** The owner's FULL_CONTROL as {@link #aclGrants} shows it. */
    static final String OWNER = "OWNER [LIST, WRITE, READ_ACP, WRITE_ACP]";

    /** The bucket ACL's grants as "KIND [permissions]", in the order S3 gave them. */
    static List<String> aclGrants(Resource r) {
        return r.grants().stream().filter(g -> S3Channels.ACL.equals(g.via()))
                .map(g -> g.grantee().kind() + " " + g.sortedPermissions()).toList();
    }

    @Test
    void listBucketsPagesPastOnePageAndTheScanSeesEveryBucket() {
        // The provider asks for pages of 1,000 (ListBuckets' MaxBuckets): one bucket more takes a second page.
        String prefix = EmulatorAccount.unique("ls-page");
        int count = 1001;
        IntStream.range(0, count).parallel().forEach(i -> s3.createBucket(r -> r.bucket(prefix + "-" + i)));
        AwsProvider provider = account.provider(0);
        Inventory inventory = account.collect(provider, Set.of());
        assertEquals(count, inventory.resources().size());
        assertEquals(IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).sorted().toList(),
                inventory.resources().stream().map(Resource::id).toList());
        assertEquals(2L, provider.apiCalls().get("ListBuckets"), provider.apiCalls().toString());
    }

    @Test
    void awsManagedAliasAndCustomerKeyAreToldApart() {
        String managed = EmulatorAccount.unique("ls-aws-s3");
        String customer = EmulatorAccount.unique("ls-cmk");
        String keyArn;
        try (KmsClient kms = account.kms()) {
            keyArn = kms.createKey(r -> r.description("bucketguard customer key")).keyMetadata().arn();
        }
        s3.createBucket(r -> r.bucket(managed));
        sseKms(managed, "alias/aws/s3");
        s3.createBucket(r -> r.bucket(customer));
        sseKms(customer, keyArn);
        AwsProvider provider = account.provider(0);
        ScanReport scan = EmulatorAccount.scan(provider);
        ResourceReport awsKey = report(scan, managed);
        ResourceReport cmk = report(scan, customer);
        // alias/aws/s3 is AWS's managed key by its reserved name: no DescribeKey is needed, or asked.
        assertEquals(EncryptionState.PROVIDER_MANAGED, awsKey.resource().encryption().state());
        assertEquals("alias/aws/s3", awsKey.resource().encryption().keyId());
        assertEquals(FindingStatus.FAIL, finding(awsKey, "aws.s3.encryption-customer-key").status(), said(awsKey));
        // The customer's key is known as such from DescribeKey's KeyManager, asked once.
        assertEquals(EncryptionState.CUSTOMER_MANAGED, cmk.resource().encryption().state());
        assertEquals(keyArn, cmk.resource().encryption().keyId());
        assertEquals(FindingStatus.PASS, finding(cmk, "aws.s3.encryption-customer-key").status(), said(cmk));
        assertEquals(1L, provider.apiCalls().get("Kms:DescribeKey"), provider.apiCalls().toString());
    }

    @Test
    void localStackQuirkDescribeKeyCallsTheAwsManagedKeyCustomer() {
        // AWS answers KeyManager AWS for its aws/s3 key (KmsKeyManagerFromWireMockTest serves that answer); LocalStack
        // answers CUSTOMER. The provider does not depend on it: it never asks DescribeKey about that alias (above).
        try (KmsClient kms = account.kms()) {
            assertEquals(KeyManagerType.CUSTOMER, kms.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata()
                    .keyManager());
        }
    }

    void sseKms(String bucket, String key) {
        s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
                ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d
                        .sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(key)).build())));
    }
}
