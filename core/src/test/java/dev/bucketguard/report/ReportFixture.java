package dev.bucketguard.report;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
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
 * statuses, a baselined failure, an expired suppression, a scan error and a resource whose name is hostile. Its
 * resources are plain envelopes of an S3-like cloud, named only by strings: core's tests depend on no cloud module.
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

    static final ResourceKind BUCKET = ResourceKind.of("BUCKET");
    static final Channel ACL_CHANNEL = Channel.of("ACL");
    static final Channel POLICY_CHANNEL = Channel.of("POLICY");
    private static final String GUARDRAILS_ON = "IgnorePublicAcls and RestrictPublicBuckets are on (IgnorePublicAcls "
            + "is on at bucket and account; RestrictPublicBuckets is on at bucket and account): public ACLs and public "
            + "policies are ignored";

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
                Set.of(Fact.of("ACL")), Set.of(), List.of());
    }

    static Finding finding(RuleMetadata m, FindingStatus status, String message, String... evidence) {
        return new Finding(m.id(), m.title(), m.severity(), status, message, List.of(evidence), null, false);
    }

    static ScanReport report() {
        Resource applicants = s3("applicants")
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ, Permission.LIST), ACL_CHANNEL,
                        "bucket ACL", "AllUsers has READ", List.of(), null))
                .encryption(Encryption.providerManaged("AES256"))
                .build();
        Verdict applicantsVerdict = verdict(Exposure.PUBLIC, applicants, Set.of(ExposureTag.LISTABLE), List.of(),
                "bucket ACL grants list, read to anyone (AllUsers has READ)",
                "IgnorePublicAcls is off at bucket and account; ACLs are in force (Object Ownership is not "
                        + "BucketOwnerEnforced)");
        Suppression suppressed = new Suppression("aws.s3.versioning", "aws:" + OWNER + ":applicants",
                "public download mirror; history is kept in git", LocalDate.of(2027, 6, 30));
        ResourceReport publicBucket = new ResourceReport(applicants, applicantsVerdict, ReadAudit.of(List.of(),
                List.of("server access logging off", "no trail records object reads of this bucket"), List.of()),
                List.of(
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
                .grant(new Grant(Grantee.account(PARTNER), Set.of(Permission.READ), POLICY_CHANNEL,
                        "policy statement 'PartnerRead'", "allows s3:GetObject to account " + PARTNER, List.of(),
                        null))
                .encryption(Encryption.customerManaged("aws:kms",
                        "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .build();
        Verdict partnerVerdict = verdict(Exposure.CROSS_ACCOUNT, partner, Set.of(), List.of(PARTNER),
                GUARDRAILS_ON,
                "policy statement 'PartnerRead' grants read to account " + PARTNER + " (allows s3:GetObject to "
                        + "account " + PARTNER + ") (outside the owner account and the trusted set)");
        ResourceReport crossAccount = new ResourceReport(partner, partnerVerdict, ReadAudit.of(List.of(
                new AuditTrail("server access logging", "bucket audit-logs, prefix partner-exchange/",
                        Retention.days(30, "lifecycle rule 'expire' expires partner-exchange/ after 30 days")),
                new AuditTrail("trail 'org-trail'", null, Retention.unknown("bucket org-trail-logs is not in the scan"))),
                List.of(), List.of()),
                List.of(
                finding(CROSS_ACCOUNT, FindingStatus.FAIL, "policy statement 'PartnerRead' lets account "
                        + PARTNER + " read objects", "policy statement 'PartnerRead': Principal arn:aws:iam::"
                        + PARTNER + ":root, Action s3:GetObject"),
                finding(PUBLIC_ACL, FindingStatus.PASS, "ACLs are disabled (BucketOwnerEnforced)"),
                finding(ENCRYPTION, FindingStatus.PASS, "encrypted with a customer-managed KMS key")));

        Resource payroll = Resource.builder("aws", OWNER, "payroll-exports")
                .kind(BUCKET)
                .region("eu-west-1")
                .collected(Fact.of("ACL"), Fact.of("OBJECT_OWNERSHIP"), Fact.of("BLOCK_PUBLIC_ACCESS_BUCKET"))
                .unknown(Fact.of("POLICY"), "GetBucketPolicy", "s3:GetBucketPolicy", "AccessDenied")
                .unknown(Fact.of("BLOCK_PUBLIC_ACCESS_ACCOUNT"), "GetPublicAccessBlock",
                        "s3:GetAccountPublicAccessBlock", "AccessDenied")
                .unknown(Fact.ENCRYPTION, "GetBucketEncryption", "s3:GetEncryptionConfiguration", "AccessDenied")
                .build();
        Verdict payrollVerdict = verdict(Exposure.UNKNOWN, payroll, Set.of(), List.of(),
                "whether the bucket policy is public could not be decided: could not read POLICY: GetBucketPolicy "
                        + "failed with AccessDenied (needs s3:GetBucketPolicy)",
                "RestrictPublicBuckets is off at bucket; could not be read at account",
                "could not read BLOCK_PUBLIC_ACCESS_ACCOUNT: GetPublicAccessBlock failed with AccessDenied (needs "
                        + "s3:GetAccountPublicAccessBlock)");
        ResourceReport unknownBucket = new ResourceReport(payroll, payrollVerdict, ReadAudit.of(List.of(),
                List.of("server access logging off"), List.of(new Unknown(Fact.of("TRAILS"), "DescribeTrails",
                        "cloudtrail:DescribeTrails", "AccessDenied"))),
                List.of(
                finding(PUBLIC_POLICY, FindingStatus.UNKNOWN, "could not read POLICY: GetBucketPolicy failed with "
                        + "AccessDenied (needs s3:GetBucketPolicy)",
                        "could not read POLICY: GetBucketPolicy failed with AccessDenied (needs s3:GetBucketPolicy)"),
                finding(ENCRYPTION, FindingStatus.UNKNOWN, "could not read ENCRYPTION: GetBucketEncryption failed "
                        + "with AccessDenied (needs s3:GetEncryptionConfiguration)"),
                finding(VERSIONING, FindingStatus.FAIL, "versioning was never enabled",
                        "suppression expired on 2026-01-31: export files are recreated nightly"),
                finding(PUBLIC_ACL, FindingStatus.PASS, "ACLs are disabled (BucketOwnerEnforced)")));

        Resource hostile = s3(HOSTILE_ID)
                .encryption(new Encryption(EncryptionState.UNKNOWN, true, "aws:kms", "alias/<unknown>&\"key\"",
                        true, false))
                .build();
        Verdict hostileVerdict = verdict(Exposure.PRIVATE, hostile, Set.of(), List.of(), GUARDRAILS_ON,
                "no policy statement, ACL grant or access point reaches anyone outside the owner account");
        ResourceReport privateBucket = new ResourceReport(hostile, hostileVerdict, ReadAudit.notAssessed(
                "the selected rules did not need it read"),
                List.of(
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

    /**
     * A verdict as a cloud would give it. The reporters render what they are given; the verdicts themselves are
     * tested with their clouds, so this fixture writes them by hand and needs no cloud.
     */
    private static Verdict verdict(Exposure exposure, Resource r, Set<ExposureTag> tags, List<String> outsiders,
                                      String... reasons) {
        List<GrantEffect> effects = r.grants().stream()
                .map(g -> new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null)).toList();
        return new Verdict(exposure, List.of(reasons), tags, effects, outsiders, List.of(), List.of());
    }

    /** A bucket whose exposure facts were all read. */
    private static Resource.Builder s3(String id) {
        return Resource.builder("aws", OWNER, id)
                .kind(BUCKET)
                .region("eu-west-1")
                .collected(Fact.of("ACL"), Fact.of("POLICY"), Fact.of("POLICY_STATUS"),
                        Fact.of("BLOCK_PUBLIC_ACCESS_BUCKET"), Fact.of("BLOCK_PUBLIC_ACCESS_ACCOUNT"),
                        Fact.of("OBJECT_OWNERSHIP"), Fact.ENCRYPTION);
    }
}
