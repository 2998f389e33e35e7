package dev.bucketguard.terraform;

import static dev.bucketguard.terraform.Plans.aws;
import static dev.bucketguard.terraform.Plans.reasons;
import static dev.bucketguard.terraform.Plans.resource;
import static dev.bucketguard.terraform.Plans.scan;
import static dev.bucketguard.terraform.Plans.status;
import static dev.bucketguard.terraform.Plans.verdicts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.snapshot.SnapshotProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Plans made by real {@code terraform plan} runs of the scenarios under {@code src/test/terraform/aws} (hashicorp/aws
 * 5.100.0; see scripts/terraform-plans.sh), judged by the same verdict and rules as a live scan.
 */
class AwsPlanTest {
    private static final String NEW_BUCKET_DEFAULTS = "S3's new-bucket defaults (Block Public Access on, ACLs"
            + " disabled) would refuse this at apply unless they are switched off";
    private static final String ACCOUNT_NOT_GIVEN = "RestrictPublicBuckets: not in this plan; the account setting was"
            + " not given";

    @Test
    void aNewBucketMadePublicByItsPolicyIsPublicAndTheReasonSaysS3sDefaultsWouldRefuseIt() {
        ResourceReport r = resource(scan(aws("public-policy-new-bucket")), "acme-public-site");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.public-policy"));
        assertTrue(reasons(r).contains("policy statement 'PublicRead' grants read to anyone"), reasons(r));
        assertTrue(reasons(r).contains(NEW_BUCKET_DEFAULTS), reasons(r));
        assertTrue(reasons(r).contains(ACCOUNT_NOT_GIVEN), reasons(r));
        assertEquals("eu-west-1", r.resource().region());
    }

    @Test
    void aPlainNewBucketTakesS3sNewBucketDefaultsAndIsNotUnknown() {
        ResourceReport r = resource(scan(aws("plain-new-bucket")), "acme-customer-records");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        assertTrue(r.resource().unknowns().isEmpty(), r.resource().unknowns().toString());
        assertEquals(FindingStatus.PASS, status(r, "aws.s3.bucket-block-public-access"));
        assertEquals(FindingStatus.PASS, status(r, "aws.s3.acls-enabled"));
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.encryption-customer-key"), "SSE-S3 is the default");
    }

    @Test
    void everySplitResourceCountsAndAKmsKeyOfThePlanIsCustomerManaged() {
        ResourceReport r = resource(scan(aws("private-bucket-complete")), "acme-records");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        for (String rule : List.of("aws.s3.encryption-customer-key", "aws.s3.tls-only", "aws.s3.versioning",
                "aws.s3.access-logging", "aws.s3.bucket-block-public-access", "aws.s3.acls-enabled",
                "aws.s3.public-policy", "aws.s3.public-acl")) {
            assertEquals(FindingStatus.PASS, status(r, rule), rule);
        }
    }

    @Test
    void theV3InlineAclAndWebsiteOfAwsS3BucketAreRead() {
        ResourceReport r = resource(scan(aws("public-acl-v3-inline")), "acme-legacy-downloads");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.public-acl"));
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.website-public"));
        assertTrue(reasons(r).contains("canned ACL 'public-read' grants anyone"), reasons(r));
    }

    @Test
    void aV3InlineReplicationIsListedAsNotScannedAndTheBucketStillIs() {
        ScanReport report = scan(aws("v3-inline-replication"));
        assertEquals(Map.of("acme-claims-archive", Exposure.PRIVATE), verdicts(report));
        assertEquals(List.of("aws_s3_bucket.claims: aws_s3_bucket.claims: replication_configuration may copy the data"
                + " to another account, and bucketguard does not read it; it is not scanned (the bucket's other"
                + " settings are)"), Plans.errors(report));
        assertEquals(FindingStatus.PASS, status(resource(report, "acme-claims-archive"), "aws.s3.versioning"));
    }

    @Test
    void aPublicAclWithExplicitGuardrailsOffIsPublicWithoutTheDefaultsNote() {
        ResourceReport r = resource(scan(aws("public-acl-split")), "acme-uploads");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.public-acl"));
        assertTrue(reasons(r).contains("grants list, write to anyone"), reasons(r));
        assertFalse(reasons(r).contains(NEW_BUCKET_DEFAULTS), reasons(r));
    }

    @Test
    void aRenderedPolicyDocumentNamingAnotherAccountIsCrossAccountUnlessTrusted() {
        ResourceReport r = resource(scan(aws("policy-document")), "acme-reports");
        assertEquals(Exposure.CROSS_ACCOUNT, r.verdict().exposure());
        assertEquals(List.of("999988887777"), r.verdict().outsiders());
        assertTrue(reasons(r).contains("the account this plan deploys to is not known"), reasons(r));

        ScanReport trusted = scan(new TerraformOptions(aws("policy-document"), "111122223333", List.of()),
                new TrustZone(Set.of("999988887777"), Set.of()));
        ResourceReport t = resource(trusted, "acme-reports");
        assertEquals(Exposure.PRIVATE, t.verdict().exposure());
        assertEquals("111122223333", t.resource().account());
    }

    @Test
    void aPolicyKnownOnlyAfterApplyIsUnknownNamingTheTerraformAttribute() {
        ResourceReport r = resource(scan(aws("policy-unknown-until-apply")), "acme-data");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure());
        assertTrue(reasons(r).contains("aws_s3_bucket_policy.data.policy is known only after apply"), reasons(r));
        assertEquals(FindingStatus.UNKNOWN, status(r, "aws.s3.public-policy"));
    }

    @Test
    void theKnownStatementsOfAPolicyDocumentReadAtApplyAlreadyMakeTheBucketPublic() {
        ResourceReport r = resource(scan(aws("partly-known-document")), "acme-assets");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertTrue(reasons(r).contains("is known only in part before apply (data.aws_iam_policy_document.assets)"),
                reasons(r));
    }

    @Test
    void countAndForEachCompanionsAttachInstanceToInstance() {
        ScanReport report = scan(aws("count-and-for-each"));
        assertEquals(Map.of("acme-tenant-alpha", Exposure.PRIVATE, "acme-tenant-beta", Exposure.PUBLIC,
                "aws_s3_bucket.scratch[0]", Exposure.PRIVATE, "aws_s3_bucket.scratch[1]", Exposure.PUBLIC),
                verdicts(report));
        ResourceReport scratch = resource(report, "aws_s3_bucket.scratch[1]");
        assertTrue(reasons(scratch).contains("aws_s3_bucket_acl.scratch[1]"), reasons(scratch));
        assertTrue(report.errors().isEmpty(), Plans.errors(report).toString());
    }

    @Test
    void aFailingFindingNamesTheCompanionToChangeAndAPassingOneNothing() {
        TerraformProvider provider = new TerraformProvider(new TerraformOptions(aws("modules")));
        ScanReport report = provider.annotate(Plans.scan(provider, TrustZone.OWNER_ONLY));
        ResourceReport downloads = resource(report, "acme-downloads");
        assertTrue(message(downloads, "aws.s3.public-policy").endsWith(
                ". Terraform: change module.downloads.aws_s3_bucket_policy.this[0]."), message(downloads,
                "aws.s3.public-policy"));
        assertFalse(message(resource(report, "acme-archive"), "aws.s3.public-policy").contains("Terraform:"));
        // The account-level setting is not in the plan: no bucket's block is the place to fix it.
        assertFalse(message(downloads, "aws.s3.account-block-public-access").contains("Terraform:"));
    }

    private static String message(ResourceReport r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow().message();
    }

    @Test
    void companionsAttachAcrossModulesThroughOutputsAndVariablesWhenTheBucketNameIsKnownOnlyAfterApply() {
        ScanReport report = scan(aws("module-links"));
        assertEquals(Map.of("module.store.aws_s3_bucket.this", Exposure.PUBLIC, "aws_s3_bucket.shared",
                Exposure.PRIVATE), verdicts(report));
        assertTrue(report.errors().isEmpty(), Plans.errors(report).toString());
        ResourceReport store = resource(report, "module.store.aws_s3_bucket.this");
        assertTrue(reasons(store).contains("bucket ACL (aws_s3_bucket_acl.store)"), reasons(store));
        ResourceReport shared = resource(report, "aws_s3_bucket.shared");
        assertEquals(FindingStatus.PASS, status(shared, "aws.s3.bucket-block-public-access"));
    }

    @Test
    void aWebsiteConfigurationAndAnObjectWithAPublicAclAreRead() {
        ResourceReport r = resource(scan(aws("website-and-public-object")), "acme-brochures");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.public-object"));
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.website-public"));
        assertTrue(reasons(r).contains("ACL of object 'index.html' (aws_s3_object.index) grants read to anyone"),
                reasons(r));
    }

    @Test
    void anAccessPointPolicyOpensAPrivateBucketThroughItsAccessPoint() {
        ResourceReport r = resource(scan(aws("access-point-policy")), "acme-partner-exchange");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "aws.s3.access-point-public"));
        assertTrue(reasons(r).contains("access point 'partners' policy statement #1 grants read to anyone"),
                reasons(r));
    }

    @Test
    void eachAccessPointPolicyUnderCountAttachesToItsOwnAccessPoint() {
        ScanReport report = scan(new TerraformOptions(aws("access-points-count"), "111122223333", List.of()),
                TrustZone.OWNER_ONLY);
        ResourceReport r = resource(report, "acme-claims-exchange");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertTrue(reasons(r).contains("access point 'claims-desk-1' policy statement #1 grants read to anyone"),
                reasons(r));
        assertTrue(report.errors().isEmpty(), Plans.errors(report).toString());
    }

    @Test
    void anAclGranteeDecidedAtApplyIsUnknownNeverAnUnidentifiedGrantee() {
        ResourceReport r = resource(scan(aws("acl-grantee-known-after-apply")), "acme-partner-handover");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("aws_s3_bucket_acl.handover.access_control_policy is known only after apply"),
                reasons(r));
    }

    @Test
    void theAccountBlockPublicAccessOfThePlanWinsAndVersioningDecidedAtApplyIsUnknown() {
        ResourceReport r = resource(scan(aws("account-block-in-plan")), "acme-ledger");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure(), reasons(r));
        assertEquals(FindingStatus.PASS, status(r, "aws.s3.account-block-public-access"));
        assertFalse(reasons(r).contains("the account setting was not given"), reasons(r));
        assertEquals(FindingStatus.UNKNOWN, status(r, "aws.s3.versioning"));
        assertTrue(r.resource().unknowns().stream().anyMatch(u -> u.error().equals(
                "aws_s3_bucket_versioning.ledger.versioning_configuration is known only after apply")),
                r.resource().unknowns().toString());
    }

    @Test
    void companionsIteratingOverTheBucketsAttachByKeyThroughTheirForEach() {
        ScanReport report = scan(aws("for-each-each-value"));
        assertEquals(Map.of("aws_s3_bucket.tenant[\"alpha\"]", Exposure.PRIVATE,
                "aws_s3_bucket.tenant[\"beta\"]", Exposure.PUBLIC), verdicts(report));
        assertTrue(report.errors().isEmpty(), Plans.errors(report).toString());
        assertTrue(reasons(resource(report, "aws_s3_bucket.tenant[\"beta\"]")).contains(
                "aws_s3_bucket_acl.tenant[\"beta\"]"));
    }

    @Test
    void aCompanionWhoseBucketIsNotKnownLeavesWhatItSetsUnknownOnEveryBucketItMayBelongTo() {
        ScanReport report = scan(aws("companion-bucket-unknown"));
        ResourceReport r = resource(report, "acme-intake");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("aws_s3_bucket_policy.somewhere may set this on aws_s3_bucket.intake: which"
                + " bucket it belongs to is known only after apply"), reasons(r));
        assertEquals(List.of("aws_s3_bucket_policy.somewhere"), report.errors().stream().map(e -> e.scope()).toList());
    }

    @Test
    void bucketsOfChildModulesAreScannedWithTheirOwnCompanions() {
        assertEquals(Map.of("acme-downloads", Exposure.PUBLIC, "acme-archive", Exposure.PRIVATE),
                verdicts(scan(aws("modules"))));
    }

    @Test
    void aDestroyedBucketIsNotScannedAndAnExistingBucketsSettingsOutsideThePlanAreNeverTakenAsAbsent() {
        ScanReport report = scan(aws("destroy-and-existing"));
        assertEquals(Set.of("acme-existing"), verdicts(report).keySet(), "acme-old is destroyed");
        ResourceReport r = resource(report, "acme-existing");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertTrue(reasons(r).contains("RestrictPublicBuckets: the bucket-level setting of aws_s3_bucket.existing is"
                + " not in this plan; taken as off"), reasons(r));
        assertEquals(FindingStatus.UNKNOWN, status(r, "aws.s3.public-acl"));
        assertTrue(r.findings().stream().filter(f -> f.ruleId().equals("aws.s3.public-acl")).findFirst().orElseThrow()
                .message().contains("the ACL of existing bucket aws_s3_bucket.existing is not in this plan"));
        // Access points and objects it already has are not declared here either: unknown, never "none".
        assertEquals(FindingStatus.UNKNOWN, status(r, "aws.s3.public-object"));
        assertTrue(r.resource().unknowns().stream().anyMatch(u -> u.error().startsWith("the access points of"
                + " existing bucket aws_s3_bucket.existing is not in this plan")), r.resource().unknowns().toString());
    }

    @Test
    void accountSettingsFromASnapshotStandInForTheAccountLevelAndNameTheAccount() {
        List<Resource> settings = new SnapshotProvider(Plans.resource("../settings/account-bpa-on.snapshot.json"))
                .collect(new FactSelection(Map.of()), Progress.NONE).resources();
        ScanReport report = scan(new TerraformOptions(aws("public-policy-new-bucket"), null, settings));
        ResourceReport r = resource(report, "acme-public-site");
        assertEquals("111122223333", r.resource().account());
        assertEquals(Exposure.PRIVATE, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("account-level Block Public Access is taken from --account-settings"),
                reasons(r));
        assertEquals(FindingStatus.PASS, status(r, "aws.s3.account-block-public-access"));
    }
}
