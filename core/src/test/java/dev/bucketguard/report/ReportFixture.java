package dev.bucketguard.report;

import dev.bucketguard.exposure.ExposureAnalyzer;
import dev.bucketguard.model.BlockPublicAccess;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Guardrails;
import dev.bucketguard.model.ObjectOwnership;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.PolicyFacts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Suppression;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A hand-built report that exercises every case a reporter must render: the four verdicts, the four finding
 * statuses, a baselined failure, an expired suppression, a scan error and a resource whose name is hostile.
 */
final class ReportFixture {
    static final String OWNER = "111122223333";
    static final String PARTNER = "444455556666";
    /** Quotes, angle brackets, ampersand, non-ASCII, a newline, an ANSI escape and a control XML 1.0 forbids. */
    static final String HOSTILE_ID = "evil\"<script>&'bücket—名\nFAIL forged\u001B[31m\u0001";

    static final RuleMetadata PUBLIC_ACL = rule("aws.s3.public-acl", "Bucket ACL grants access to everyone",
            Severity.CRITICAL, "CIS AWS Foundations 2.1.4");
    static final RuleMetadata PUBLIC_POLICY = rule("aws.s3.public-policy", "Bucket policy allows anyone",
            Severity.CRITICAL, "CIS AWS Foundations 2.1.4");
    static final RuleMetadata CROSS_ACCOUNT = rule("aws.s3.cross-account-access",
            "Bucket policy grants another account access", Severity.HIGH, "AWS IAM Access Analyzer");
    static final RuleMetadata ENCRYPTION = rule("aws.s3.encryption-customer-key",
            "Bucket is not encrypted with a customer-managed key", Severity.MEDIUM, "CIS AWS Foundations 2.1.1");
    static final RuleMetadata VERSIONING = rule("aws.s3.versioning", "Bucket versioning is off", Severity.LOW,
            "CIS AWS Foundations 2.1.3");
    static final RuleMetadata LOGGING = rule("aws.s3.access-logging", "Server access logging is off", Severity.LOW,
            "CIS AWS Foundations 3.6");

    private ReportFixture() {
    }

    static RuleMetadata rule(String id, String title, Severity severity, String reference) {
        return new RuleMetadata(id, title, severity, "aws",
                "Fails when: " + title + ".",
                "Personal data in the bucket can be read by parties outside the owner account.",
                new Remediation("Open the bucket in the S3 console, Permissions tab, and change the setting.",
                        "aws s3api put-public-access-block --bucket BUCKET \\\n"
                                + "  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true",
                        "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n}"),
                List.of(reference, "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"),
                Set.of(Fact.ACL));
    }

    static Finding finding(RuleMetadata m, FindingStatus status, String message, String... evidence) {
        return new Finding(m.id(), m.title(), m.severity(), status, message, List.of(evidence), null, false);
    }

    static ScanReport report() {
        ExposureAnalyzer analyzer = new ExposureAnalyzer();

        Resource applicants = s3("applicants")
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ, Permission.LIST), Channel.ACL,
                        "bucket ACL", "AllUsers has READ", List.of(), null, null))
                .encryption(Encryption.providerManaged("AES256"))
                .build();
        Suppression suppressed = new Suppression("aws.s3.versioning", "aws:" + OWNER + ":applicants",
                "public download mirror; history is kept in git", LocalDate.of(2027, 6, 30));
        ResourceReport publicBucket = new ResourceReport(applicants, analyzer.assess(applicants), List.of(
                finding(PUBLIC_ACL, FindingStatus.FAIL,
                        "the bucket ACL lets anyone list and read objects, and nothing blocks public ACLs",
                        "bucket ACL: AllUsers has READ", "Block Public Access: IgnorePublicAcls is off at bucket "
                                + "and account level, so the ACL grant is in force for every object in the bucket"),
                finding(ENCRYPTION, FindingStatus.FAIL, "encrypted with an S3-managed key (AES256), not a "
                        + "customer-managed KMS key, so key use is not logged and the key cannot be revoked "
                        + "separately from the bucket itself").asBaselined(),
                finding(VERSIONING, FindingStatus.FAIL, "versioning was never enabled").withSuppression(suppressed),
                finding(LOGGING, FindingStatus.PASS, "server access logs go to 'audit-logs'"),
                finding(PUBLIC_POLICY, FindingStatus.PASS, "the bucket has no policy")));

        Resource partner = s3("partner-exchange")
                .region("eu-central-1")
                .guardrails(Guardrails.s3(BlockPublicAccess.ALL, BlockPublicAccess.ALL,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .grant(new Grant(Grantee.account(PARTNER), Set.of(Permission.READ), Channel.POLICY,
                        "policy statement 'PartnerRead'", "allows s3:GetObject to account " + PARTNER, List.of(),
                        null, null))
                .policy(new PolicyFacts(true, false, List.of(), true))
                .encryption(Encryption.customerManaged("aws:kms",
                        "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .build();
        ResourceReport crossAccount = new ResourceReport(partner, analyzer.assess(partner), List.of(
                finding(CROSS_ACCOUNT, FindingStatus.FAIL, "policy statement 'PartnerRead' lets account "
                        + PARTNER + " read objects", "policy statement 'PartnerRead': Principal arn:aws:iam::"
                        + PARTNER + ":root, Action s3:GetObject"),
                finding(PUBLIC_ACL, FindingStatus.PASS, "ACLs are disabled (BucketOwnerEnforced)"),
                finding(ENCRYPTION, FindingStatus.PASS, "encrypted with a customer-managed KMS key")));

        Resource payroll = Resource.builder("aws", OWNER, "payroll-exports")
                .region("eu-west-1")
                .collected(Fact.ACL, Fact.OBJECT_OWNERSHIP, Fact.BLOCK_PUBLIC_ACCESS_BUCKET)
                .unknown(Fact.POLICY, "GetBucketPolicy", "s3:GetBucketPolicy", "AccessDenied")
                .unknown(Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT, "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock",
                        "AccessDenied")
                .unknown(Fact.ENCRYPTION, "GetBucketEncryption", "s3:GetEncryptionConfiguration", "AccessDenied")
                .guardrails(Guardrails.s3(null, BlockPublicAccess.NONE, ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .build();
        ResourceReport unknownBucket = new ResourceReport(payroll, analyzer.assess(payroll), List.of(
                finding(PUBLIC_POLICY, FindingStatus.UNKNOWN, "could not read POLICY: GetBucketPolicy failed with "
                        + "AccessDenied (needs s3:GetBucketPolicy)",
                        "could not read POLICY: GetBucketPolicy failed with AccessDenied (needs s3:GetBucketPolicy)"),
                finding(ENCRYPTION, FindingStatus.UNKNOWN, "could not read ENCRYPTION: GetBucketEncryption failed "
                        + "with AccessDenied (needs s3:GetEncryptionConfiguration)"),
                finding(VERSIONING, FindingStatus.FAIL, "versioning was never enabled",
                        "suppression expired on 2026-01-31: export files are recreated nightly"),
                finding(PUBLIC_ACL, FindingStatus.PASS, "ACLs are disabled (BucketOwnerEnforced)")));

        Resource hostile = s3(HOSTILE_ID)
                .guardrails(Guardrails.s3(BlockPublicAccess.ALL, BlockPublicAccess.ALL,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .encryption(new Encryption(EncryptionState.UNKNOWN, true, "aws:kms", "alias/<unknown>&\"key\"",
                        true, false))
                .build();
        ResourceReport privateBucket = new ResourceReport(hostile, analyzer.assess(hostile), List.of(
                finding(ENCRYPTION, FindingStatus.FAIL, "key \"alias/<unknown>&\" could not be classified;\n"
                        + "FAIL injected line <b>bold</b> & more", "algorithm <aws:kms> & key 'alias/x'\u0002"),
                finding(PUBLIC_ACL, FindingStatus.PASS, "ACLs are disabled (BucketOwnerEnforced)")));

        return new ScanReport("0.1.0-test",
                List.of(PUBLIC_ACL, PUBLIC_POLICY, CROSS_ACCOUNT, ENCRYPTION, VERSIONING, LOGGING),
                List.of(privateBucket, unknownBucket, crossAccount, publicBucket),
                List.of(new ScanError("azure", "azure:sub-0001", ScanError.Kind.ACCESS_DENIED,
                        "listing storage accounts failed with AuthorizationFailed (needs "
                                + "Microsoft.Storage/storageAccounts/read)")),
                List.of("suppression expired on 2026-01-31 and no longer applies: aws.s3.versioning on "
                        + "aws:111122223333:payroll-exports (export files are recreated nightly), expires 2026-01-31"));
    }

    /** An S3 bucket whose exposure facts were all read, with every guardrail off unless a test sets one. */
    private static Resource.Builder s3(String id) {
        return Resource.builder("aws", OWNER, id)
                .region("eu-west-1")
                .collected(Fact.ACL, Fact.POLICY, Fact.POLICY_STATUS, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                        Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT, Fact.OBJECT_OWNERSHIP, Fact.ENCRYPTION)
                .guardrails(Guardrails.s3(BlockPublicAccess.NONE, BlockPublicAccess.NONE,
                        ObjectOwnership.OBJECT_WRITER))
                .policy(PolicyFacts.NONE);
    }
}
