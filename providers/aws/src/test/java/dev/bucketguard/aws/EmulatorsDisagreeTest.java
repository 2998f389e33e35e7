package dev.bucketguard.aws;

import static dev.bucketguard.aws.LocalStackScenarios.OWNER;
import static dev.bucketguard.aws.LocalStackScenarios.aclGrants;
import static dev.bucketguard.aws.LocalStackScenarios.finding;
import static dev.bucketguard.aws.LocalStackScenarios.said;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.ObjectOwnership;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * The same scenario on moto and on LocalStack, where the two emulators disagree: each test names the disagreement,
 * and the verdict follows AWS's documentation ({@code docs/exposure.md}, the project's SEMANTICS), not either
 * emulator.
 */
@ExtendWith({MotoServer.class, LocalStackServer.class})
class EmulatorsDisagreeTest {
    private EmulatorAccount moto;
    private EmulatorAccount localstack;

    @BeforeEach
    void setUp() {
        MotoServer.reset();
        moto = MotoFixture.account();
        localstack = EmulatorAccount.freshOnLocalStack(LocalStackServer.endpoint());
    }

    @Test
    void newBucketsGetTodaysDefaultsOnLocalStackOnlyAndStayPrivateOnBoth() {
        // AWS since April 2023: a new bucket has Block Public Access on, BucketOwnerEnforced and SSE-S3. LocalStack
        // does the same; moto applies none of them.
        ResourceReport onMoto = moto.scanned("fresh", (s3, name) -> { });
        ResourceReport onLocalStack = localstack.scanned("fresh", (s3, name) -> { });
        S3Bucket motoBucket = S3Bucket.of(onMoto.resource());
        S3Bucket localStackBucket = S3Bucket.of(onLocalStack.resource());
        assertEquals(BlockPublicAccess.NONE, motoBucket.bucketBlockPublicAccess());
        assertEquals(BlockPublicAccess.ALL, localStackBucket.bucketBlockPublicAccess());
        assertEquals(ObjectOwnership.NOT_CONFIGURED, motoBucket.objectOwnership());
        assertEquals(ObjectOwnership.BUCKET_OWNER_ENFORCED, localStackBucket.objectOwnership());
        assertTrue(onMoto.resource().encryption().legacyObjectsMayBeUnencrypted());
        assertEquals("AES256", onLocalStack.resource().encryption().algorithm());
        // Nothing grants anyone outside the account on either: PRIVATE on both, the findings tell the settings apart.
        assertEquals(Exposure.PRIVATE, onMoto.verdict().exposure(), said(onMoto));
        assertEquals(Exposure.PRIVATE, onLocalStack.verdict().exposure(), said(onLocalStack));
        assertEquals(FindingStatus.FAIL, finding(onMoto, "aws.s3.bucket-block-public-access").status());
        assertEquals(FindingStatus.PASS, finding(onLocalStack, "aws.s3.bucket-block-public-access").status());
        assertEquals(FindingStatus.FAIL, finding(onMoto, "aws.s3.acls-enabled").status());
        assertEquals(FindingStatus.PASS, finding(onLocalStack, "aws.s3.acls-enabled").status());
    }

    @Test
    void aConditionThatRestrictsNothingIsPublicWhateverEitherEmulatorsPolicyStatusSays() {
        // aws:SecureTransport is not one of the keys whose fixed values make a policy non-public (AWS's "meaning of
        // public"): the statement is public. moto's GetBucketPolicyStatus says "not public" (any Condition counts
        // as restricting there); LocalStack does not implement it (501). bucketguard's evaluator decides on both.
        BiConsumer<S3Client, String> publicOverTls = LocalStackScenarios.publicReadPolicy("ReadOverTls",
                "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}");
        ResourceReport onMoto = moto.scanned("emulators", publicOverTls);
        ResourceReport onLocalStack = localstack.scanned("emulators", publicOverTls);
        assertEquals(Boolean.FALSE, S3Bucket.of(onMoto.resource()).policyStatusPublic());
        assertNull(S3Bucket.of(onLocalStack.resource()).policyStatusPublic());
        for (ResourceReport report : List.of(onMoto, onLocalStack)) {
            assertEquals(Exposure.PUBLIC, report.verdict().exposure(), said(report));
            assertTrue(report.verdict().reasons().get(0).startsWith("policy statement 'ReadOverTls' grants read to"
                    + " anyone"), said(report));
            assertEquals(FindingStatus.FAIL, finding(report, "aws.s3.public-policy").status(), said(report));
        }
        // moto's "not public" is overruled, and said to be; LocalStack's missing status is said to be missing.
        assertTrue(onMoto.verdict().reasons().stream().anyMatch(r -> r.startsWith(
                "GetBucketPolicyStatus reports that the policy is not public, but")), said(onMoto));
        assertEquals(FindingStatus.FAIL, finding(onMoto, "aws.s3.policy-status-disagrees").status(), said(onMoto));
        assertEquals(FindingStatus.UNKNOWN, finding(onLocalStack, "aws.s3.policy-status-disagrees").status(),
                said(onLocalStack));
    }

    @Test
    void listBucketsPagesOnLocalStackButMotoCutsTheListShortWithoutAToken() {
        // AWS: a ListBuckets answer carries a ContinuationToken while more buckets remain. LocalStack does; moto 5.2.5
        // returns the first MaxBuckets buckets and no token, so a scan of more than 1,000 buckets on moto sees 1,000
        // (LocalStackScenarios shows the provider following the token to the end).
        for (EmulatorAccount account : List.of(moto, localstack)) {
            try (S3Client s3 = account.s3()) {
                String prefix = EmulatorAccount.unique("page");
                IntStream.range(0, 3).forEach(i -> s3.createBucket(r -> r.bucket(prefix + "-" + i)));
                ListBucketsResponse first = s3.listBuckets(r -> r.maxBuckets(2));
                assertEquals(2, first.buckets().size());
                if (account == moto) {
                    assertNull(first.continuationToken(), "moto now pages: update this test and the README");
                } else {
                    ListBucketsResponse second = s3.listBuckets(r -> r.maxBuckets(2)
                            .continuationToken(first.continuationToken()));
                    assertEquals(1, second.buckets().size());
                    assertNull(second.continuationToken());
                }
            }
        }
    }

    @Test
    void cannedAclsGiveTwoPermissionsToOneGroupOnLocalStackButOnlyTheFirstOnMoto() {
        // AWS's canned ACLs: public-read-write gives AllUsers READ and WRITE, log-delivery-write gives LogDelivery
        // WRITE and READ_ACP. LocalStack writes both grants; moto 5.2.5 keeps only the first permission of each
        // (the WRITE is lost), so on moto a public-read-write bucket looks read-only to anyone.
        BiConsumer<S3Client, String> publicReadWrite = LocalStackScenarios.cannedAcl("public-read-write");
        BiConsumer<S3Client, String> logDeliveryWrite = LocalStackScenarios.cannedAcl("log-delivery-write");
        ResourceReport motoPublic = moto.scanned("emulators", publicReadWrite);
        ResourceReport localStackPublic = localstack.scanned("emulators", publicReadWrite);
        assertEquals(List.of(OWNER, "ANONYMOUS [LIST]", "ANONYMOUS [WRITE]"), aclGrants(localStackPublic.resource()));
        assertEquals(List.of(OWNER, "ANONYMOUS [LIST]"), aclGrants(motoPublic.resource()));
        // PUBLIC on both; only LocalStack's answer lets the report say "write".
        assertEquals(Exposure.PUBLIC, motoPublic.verdict().exposure(), said(motoPublic));
        assertEquals(Exposure.PUBLIC, localStackPublic.verdict().exposure(), said(localStackPublic));
        assertTrue(finding(localStackPublic, "aws.s3.public-acl").message().contains("write/delete objects"));
        assertFalse(finding(motoPublic, "aws.s3.public-acl").message().contains("write"));

        ResourceReport motoLogs = moto.scanned("emulators", logDeliveryWrite);
        ResourceReport localStackLogs = localstack.scanned("emulators", logDeliveryWrite);
        assertEquals(List.of(OWNER, "SERVICE [READ_ACP]", "SERVICE [WRITE]"), aclGrants(localStackLogs.resource()));
        assertEquals(List.of(OWNER, "SERVICE [READ_ACP]"), aclGrants(motoLogs.resource()));
        // S3's log delivery group is the cloud's own service: PRIVATE on both.
        assertEquals(Exposure.PRIVATE, motoLogs.verdict().exposure(), said(motoLogs));
        assertEquals(Exposure.PRIVATE, localStackLogs.verdict().exposure(), said(localStackLogs));
    }
}
