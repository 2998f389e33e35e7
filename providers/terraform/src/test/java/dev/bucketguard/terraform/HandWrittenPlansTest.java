package dev.bucketguard.terraform;

import static dev.bucketguard.terraform.Plans.hand;
import static dev.bucketguard.terraform.Plans.reasons;
import static dev.bucketguard.terraform.Plans.resource;
import static dev.bucketguard.terraform.Plans.scan;
import static dev.bucketguard.terraform.Plans.status;
import static dev.bucketguard.terraform.Plans.verdicts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.azure.AccountSettings;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.NetworkAccess;
import dev.bucketguard.cloud.azure.PublicNetworkAccess;
import dev.bucketguard.cloud.azure.SasExpirationAction;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.Switch;
import dev.bucketguard.cloud.azure.TlsVersion;
import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Resource;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * azurerm and google plans, written by hand in the documented format of {@code terraform show -json} (no azurerm or
 * google provider runs here): one file per behaviour, named after it, and one realistic plan across three clouds.
 */
class HandWrittenPlansTest {
    private static ResourceReport only(String scenario) {
        ScanReport report = scan(hand(scenario));
        assertEquals(1, report.resources().size(), verdicts(report).toString());
        return report.resources().get(0);
    }

    @Test
    void aBlobLevelContainerInAnAccountThatAllowsAnonymousAccessIsPublic() {
        ResourceReport r = only("azure-container-public-account-allows");
        assertEquals("acmedocs", r.resource().id());
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "azure.blob.public-access"));
        assertTrue(reasons(r).contains("container 'statements' (level Blob, azurerm_storage_container.statements)"),
                reasons(r));
    }

    @Test
    void theAccountSwitchOffNeutralisesAContainerLevelContainer() {
        ResourceReport r = only("azure-container-public-account-forbids");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        assertEquals(FindingStatus.PASS, status(r, "azure.storage.allow-blob-public-access"));
    }

    @Test
    void theOldArgumentNamesOfAzurermTwoAreRead() {
        ResourceReport r = only("azure-old-argument-names");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "azure.storage.https-only"));
        assertEquals(FindingStatus.FAIL, status(r, "azure.storage.minimum-tls"));
    }

    @Test
    void aContainerWhoseAccountIsOutsideThePlanTakesTheAccountSwitchAsNotInForce() {
        ResourceReport r = only("azure-container-only");
        assertEquals("acmeexisting", r.resource().id());
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertTrue(reasons(r).contains("storage account 'acmeexisting' is not in this plan: its"
                + " allow_nested_items_to_be_public and network rules were not given"), reasons(r));
    }

    @Test
    void accountSettingsGiveTheSwitchOfAnAccountOutsideThePlan() {
        Resource existing = Resource.builder("azure", "sub-1", "acmeexisting").kind(AzureCloud.STORAGE_ACCOUNT)
                .collected(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.NETWORK_RULES)
                .details(new StorageAccount(new AccountSettings(Switch.FALSE, true, TlsVersion.TLS1_2, Switch.FALSE,
                        SasExpirationAction.NONE), NetworkAccess.noRuleSet(PublicNetworkAccess.ENABLED), null, null,
                        null, null, null)).build();
        ScanReport report = scan(new TerraformOptions(hand("azure-container-only"), null, List.of(existing)));
        ResourceReport r = resource(report, "acmeexisting");
        // No longer PUBLIC (the switch forbids the container's level); what else the account holds is still unknown.
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure(), reasons(r));
        assertEquals(FindingStatus.PASS, status(r, "azure.storage.allow-blob-public-access"));
        assertTrue(reasons(r).contains("its account settings and network rules are taken from --account-settings"),
                reasons(r));
    }

    @Test
    void companionNetworkRulesAndCustomerManagedKeyCount() {
        ResourceReport r = only("azure-network-rules-deny");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        assertEquals(FindingStatus.PASS, status(r, "azure.storage.network-default-deny"));
        assertEquals(FindingStatus.PASS, status(r, "azure.storage.customer-managed-key"));
        assertEquals(EncryptionState.CUSTOMER_MANAGED, r.resource().encryption().state());
    }

    @Test
    void aContainerLevelKnownOnlyAfterApplyIsUnknownNamingTheAttribute() {
        ResourceReport r = only("azure-unknown-access-type");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure());
        assertTrue(reasons(r).contains("azurerm_storage_container.media.container_access_type is known only after"
                + " apply"), reasons(r));
    }

    @Test
    void aStaticWebsiteIsPublicWhateverTheSwitch() {
        ResourceReport r = only("azure-static-website");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "azure.blob.static-website"));
    }

    @Test
    void anAllUsersMemberOnABucketWithInheritedPreventionIsPublicAndTheOrgPolicyIsSaidToBeOutsideThePlan() {
        ResourceReport r = only("gcp-iam-member-all-users");
        assertEquals("gcp:acme-prod:acme-kyc-documents", r.resource().ref());
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "gcp.storage.public-access"));
        assertTrue(reasons(r).contains("the organisation policy storage.publicAccessPrevention is not in this plan"),
                reasons(r));
    }

    @Test
    void enforcedPublicAccessPreventionNeutralisesAllUsers() {
        assertEquals(Exposure.PRIVATE, only("gcp-public-access-prevention-enforced").verdict().exposure());
    }

    @Test
    void aPredefinedPublicReadAclIsPublicWhileUniformAccessIsOff() {
        ResourceReport r = only("gcp-predefined-acl-public-read");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "gcp.storage.public-acl"));
    }

    @Test
    void uniformAccessSwitchesAclsOff() {
        ResourceReport r = only("gcp-uniform-access-disables-acls");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        assertEquals(FindingStatus.PASS, status(r, "gcp.storage.uniform-access"));
    }

    @Test
    void aWholeIamPolicyIsReadFromItsPolicyData() {
        ResourceReport r = only("gcp-iam-policy-data");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "gcp.storage.external-members"));
    }

    @Test
    void anIamMemberKnownOnlyAfterApplyIsUnknown() {
        ResourceReport r = only("gcp-iam-member-unknown");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure());
        assertTrue(reasons(r).contains("google_storage_bucket_iam_member.writer.member is known only after apply"),
                reasons(r));
    }

    @Test
    void aPlainNewBucketTakesTheProvidersDefaultsAndIsNotUnknown() {
        ResourceReport r = only("gcp-plain-new-bucket");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        assertTrue(r.resource().unknowns().isEmpty(), r.resource().unknowns().toString());
    }

    @Test
    void anIamBindingToAllAuthenticatedUsersIsPublic() {
        ResourceReport r = only("gcp-iam-binding-all-authenticated-users");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "gcp.storage.public-access"));
        assertTrue(reasons(r).contains("google_storage_bucket_iam_binding.readers"), reasons(r));
    }

    @Test
    void aDefaultObjectAclForAllUsersIsPublic() {
        ResourceReport r = only("gcp-default-object-acl-all-users");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "gcp.storage.public-acl"));
        assertTrue(reasons(r).contains("default object ACL entry allUsers (google_storage_default_object_acl.exports)"),
                reasons(r));
    }

    @Test
    void aBucketAccessControlEntryForAllUsersIsPublic() {
        ResourceReport r = only("gcp-bucket-access-control-all-users");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "gcp.storage.public-acl"));
        assertTrue(reasons(r).contains("bucket ACL entry allUsers (google_storage_bucket_access_control.public)"),
                reasons(r));
    }

    @Test
    void anObjectAclForAllUsersMakesThatObjectPublic() {
        ResourceReport r = only("gcp-object-acl-all-users");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "gcp.storage.public-object"));
    }

    @Test
    void theBucketsOwnSettingsAreRead() {
        ResourceReport r = only("gcp-bucket-settings");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        assertEquals(EncryptionState.CUSTOMER_MANAGED, r.resource().encryption().state());
        for (String rule : List.of("gcp.storage.logging", "gcp.storage.versioning", "gcp.storage.retention",
                "gcp.storage.uniform-access", "gcp.storage.public-access-prevention",
                "gcp.storage.customer-managed-key")) {
            assertEquals(FindingStatus.PASS, status(r, rule), rule);
        }
    }

    @Test
    void uniformAccessKnownOnlyAfterApplyLeavesAPublicAclUndecided() {
        ResourceReport r = only("gcp-uniform-access-known-after-apply");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("google_storage_bucket.intake.uniform_bucket_level_access is known only after"
                + " apply"), reasons(r));
    }

    @Test
    void inlineNetworkRulesAndCustomerManagedKeyOfTheAccountCount() {
        ResourceReport r = only("azure-inline-network-rules-and-key");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure());
        assertEquals(FindingStatus.PASS, status(r, "azure.storage.network-default-deny"));
        assertEquals(FindingStatus.PASS, status(r, "azure.storage.customer-managed-key"));
    }

    @Test
    void publicNetworkAccessDecidedAtApplyIsUnknownNotEnabledOrDisabled() {
        ResourceReport r = only("azure-public-network-access-known-after-apply");
        assertEquals(FindingStatus.UNKNOWN, status(r, "azure.storage.public-network-access"));
        assertTrue(r.resource().unknowns().stream().anyMatch(u -> u.error().equals("azurerm_storage_account.intake"
                + ".public_network_access_enabled is known only after apply")), r.resource().unknowns().toString());
    }

    @Test
    void aPrivateContainerAddedToAnExistingAccountLeavesItsOtherContainersUnknown() {
        ResourceReport r = only("azure-existing-account-new-private-container");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("the other containers of storage account 'acmerecords' is not in this plan"),
                reasons(r));
    }

    @Test
    void anInlineStaticWebsiteIsPublicWhateverTheSwitch() {
        ResourceReport r = only("azure-inline-static-website");
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertEquals(FindingStatus.FAIL, status(r, "azure.blob.static-website"));
        assertEquals(FindingStatus.PASS, status(r, "azure.storage.allow-blob-public-access"));
    }

    @Test
    void aContainerAttachesThroughTheConfigurationToAnAccountNamedOnlyAtApply() {
        ResourceReport r = only("azure-account-name-known-after-apply");
        assertEquals("azurerm_storage_account.docs", r.resource().id());
        assertEquals(Exposure.PUBLIC, r.verdict().exposure());
        assertTrue(reasons(r).contains("container 'letters' (level Blob, azurerm_storage_container.letters)"),
                reasons(r));
    }

    @Test
    void grantsToStorageMadeByRoleAssignmentsOrProjectIamAreListedAsNotScanned() {
        ScanReport report = scan(hand("grants-outside-storage-types"));
        assertEquals(List.of("azurerm_role_assignment.partner_reader", "google_project_iam_member.partner_viewer"),
                report.errors().stream().map(e -> e.scope()).sorted().toList());
        assertTrue(report.errors().get(0).message().contains("grants access to storage, which bucketguard does not"
                + " read"), report.errors().get(0).message());
    }

    @Test
    void projectGrantsOfBasicRolesReachStorageToo() {
        // roles/viewer reads every bucket's objects of the project (the plan's own bucket among them); editor and
        // owner write them; roles/logging.viewer reaches no bucket.
        ScanReport report = scan(hand("gcp-project-basic-roles"));
        assertEquals(List.of("google_project_iam_member.auditor_viewer", "google_project_iam_member.contractor_editor",
                "google_project_iam_policy.project"), report.errors().stream().map(e -> e.scope()).sorted().toList());
    }

    @Test
    void underForEachAnIamMemberAttachesToTheBucketOfItsOwnKey() {
        ScanReport report = scan(hand("gcp-for-each-names-known-after-apply"));
        assertEquals(Map.of("google_storage_bucket.tenant[\"alpha\"]", Exposure.PRIVATE,
                "google_storage_bucket.tenant[\"beta\"]", Exposure.PUBLIC), verdicts(report));
        assertTrue(report.errors().isEmpty(), Plans.errors(report).toString());
    }

    @Test
    void anIamMemberWhoseBucketIsNotKnownLeavesEveryBucketsIamPolicyUnknown() {
        ScanReport report = scan(hand("gcp-iam-member-bucket-unknown"));
        ResourceReport r = resource(report, "acme-intake-eu");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("google_storage_bucket_iam_member.somewhere may set this on bucket"
                + " 'acme-intake-eu'"), reasons(r));
        assertEquals(List.of("google_storage_bucket_iam_member.somewhere"),
                report.errors().stream().map(e -> e.scope()).toList());
    }

    @Test
    void aContainerWhoseAccountIsNotKnownLeavesEveryAccountsContainersUnknown() {
        ScanReport report = scan(hand("azure-container-account-unknown"));
        ResourceReport r = resource(report, "acmedocsarchive");
        assertEquals(Exposure.UNKNOWN, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("azurerm_storage_container.drop may set this on storage account"
                + " 'acmedocsarchive'"), reasons(r));
    }

    @Test
    void aRealisticPlanAcrossThreeClouds() {
        ScanReport report = scan(hand("three-clouds"));
        assertEquals(Map.of("acme-onboarding-uploads", Exposure.PUBLIC, "acme-statements-0", Exposure.PRIVATE,
                "acme-statements-1", Exposure.CROSS_ACCOUNT, "acmecustdocs", Exposure.PUBLIC,
                "acme-kyc-eu", Exposure.PUBLIC), verdicts(report), "acme-old-exports is destroyed");
        // data.aws_caller_identity names the account the plan deploys to.
        assertEquals("111122223333", resource(report, "acme-statements-1").resource().account());
        assertEquals(List.of("444455556666"), resource(report, "acme-statements-1").verdict().outsiders());
        // The unsupported type is listed as not scanned; the blob (which sets no access) is not.
        assertEquals(List.of("module.aws_onboarding.aws_s3_bucket_replication_configuration.this"),
                report.errors().stream().map(e -> e.scope()).toList());
        assertTrue(report.errors().get(0).message().contains("resource type aws_s3_bucket_replication_configuration"
                + " may change who reaches stored data and bucketguard does not read it; it is not scanned"));
    }

    @Test
    void theAccountIdOptionWinsOverTheCallerIdentityOfThePlan() {
        ScanReport report = scan(new TerraformOptions(hand("three-clouds"), "444455556666", List.of()));
        ResourceReport r = resource(report, "acme-statements-1");
        assertEquals("444455556666", r.resource().account());
        // The account its policy names is now the plan's own.
        assertEquals(Exposure.PRIVATE, r.verdict().exposure(), reasons(r));
    }

    @Test
    void accountSettingsGiveTheGoogleOrganisationPolicy() {
        Resource settings = Resource.builder("gcp", "acme-prod", "acme-any").kind(GcpCloud.BUCKET)
                .collected(GcpFacts.ORG_POLICY).details(new GcpBucket(null, null, true, null, null)).build();
        ScanReport report = scan(new TerraformOptions(hand("gcp-iam-member-all-users"), null, List.of(settings)));
        ResourceReport r = resource(report, "acme-kyc-documents");
        assertEquals(Exposure.PRIVATE, r.verdict().exposure(), reasons(r));
        assertTrue(reasons(r).contains("taken from --account-settings"), reasons(r));
    }
}
