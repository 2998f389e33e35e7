package dev.bucketguard.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.salesforce.ApexClassAccess;
import dev.bucketguard.cloud.salesforce.ApexEntryPoint;
import dev.bucketguard.cloud.salesforce.ApexSharing;
import dev.bucketguard.cloud.salesforce.ExperienceNetwork;
import dev.bucketguard.cloud.salesforce.ExternalSharing;
import dev.bucketguard.cloud.salesforce.FieldAccess;
import dev.bucketguard.cloud.salesforce.FieldClassification;
import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.cloud.salesforce.FlowAccess;
import dev.bucketguard.cloud.salesforce.GuestSharingRule;
import dev.bucketguard.cloud.salesforce.GuestUser;
import dev.bucketguard.cloud.salesforce.LegacyRecords;
import dev.bucketguard.cloud.salesforce.MemberAccess;
import dev.bucketguard.cloud.salesforce.ObjectAccess;
import dev.bucketguard.cloud.salesforce.OrgDetails;
import dev.bucketguard.cloud.salesforce.PermissionSource;
import dev.bucketguard.cloud.salesforce.PublicAccess;
import dev.bucketguard.cloud.salesforce.SalesforceChannels;
import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.cloud.salesforce.SalesforceGrants;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.cloud.salesforce.ShareCount;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.cloud.salesforce.SiteSettings;
import dev.bucketguard.cloud.salesforce.SystemPermission;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Salesforce's three kinds of resource go through a snapshot and come back equal, through the SPI alone. */
class SalesforceSnapshotTest {
    private static final String ORG = "00Dxx0000001gPFEAY";

    @TempDir
    Path dir;

    static Resource site() {
        SiteSettings settings = new SiteSettings("0DMxx0000000001", "Apply", "ChatterNetwork", "Active", "apply",
                "005xx000001GUEST", null, false, false, true,
                new ExperienceNetwork("0DBxx0000000001", "Apply", "Live", "apply", true, false, false, true,
                        "00exx000000SELF"), null);
        GuestUser guest = new GuestUser("005xx000001GUEST", true, "00exx000000GUEST", "Apply Profile",
                List.of(new PermissionSource("0PSxx01", "Apply Profile", PermissionSource.Type.PROFILE),
                        new PermissionSource("0PSxx02", "Guest Extras", PermissionSource.Type.PERMISSION_SET)),
                List.of("Muted Extras"));
        SiteDetails d = new SiteDetails(settings, guest,
                List.of(new SystemPermission(SystemPermission.API_ENABLED, List.of("profile 'Apply Profile'"))),
                List.of(new ObjectAccess("Applicant__c", true, true, false, false, false, false,
                        List.of("profile 'Apply Profile'"), "2020-07-01T09:00:00Z")),
                List.of(new FieldAccess("Applicant__c", "BirthDate__c", true, false, List.of("profile 'Apply Profile'"),
                                new FieldClassification("Confidential", List.of("PII"))),
                        new FieldAccess("Applicant__c", "Employer__c", true, false, List.of(), null)),
                List.of(new GuestSharingRule("Applicant__c", "Applicant__c.Submitted", "Submitted",
                        "Status__c equals Submitted", "Read", false)),
                List.of(new ShareCount("Applicant__c", ShareCount.GUEST_RULE, 37176L, null),
                        new ShareCount("Contact", ShareCount.GUEST_RULE, null, "INSUFFICIENT_ACCESS (needs View All Data)")),
                List.of(new LegacyRecords("Applicant__c", 0L, 2L, null)),
                List.of("Applicants Queue"),
                List.of(new ApexClassAccess("01pxx01", "ApplicationController", null, "48.0",
                        ApexSharing.WITHOUT_SHARING, List.of(ApexEntryPoint.AURA_ENABLED), List.of("Applicant__c"),
                        false, false, false, List.of("profile 'Apply Profile'"))),
                List.of(new FlowAccess("300xx01", "Check_Status", true, "Flow", FlowAccess.SYSTEM_WITHOUT_SHARING,
                        List.of("Applicant__c"), false, List.of("profile 'Apply Profile'"))),
                List.of(new ExternalSharing("Applicant__c", "Private", "Read")),
                new MemberAccess(List.of("Customer Community User"), List.of("Applicant__c"), List.of("Applicant__c")),
                new PublicAccess("AUTHENTICATED_WITH_PUBLIC_ACCESS_ENABLED", List.of("home", "apply")));
        return Resource.builder(SalesforceCloud.ID, ORG, "Apply").kind(SalesforceCloud.SITE)
                .collected(SalesforceFacts.ALL)
                .unknown(SalesforceFacts.HEALTH_CHECK, "query SecurityHealthCheckRisks", "View Setup and Configuration",
                        "INSUFFICIENT_ACCESS")
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ), SalesforceChannels.OBJECT_PERMISSION,
                        "profile 'Apply Profile'", "fields BirthDate__c, Employer__c", List.of(), "Applicant__c"))
                .details(SalesforceDetails.of(d)).build();
    }

    static Resource link() {
        FileLink l = new FileLink("04Ixx01", "Passport scan", "069xx01", "005xx01", "003xx01", "Contact", false, false,
                null, true, true, true, true, 12, "2021-01-02T03:04:05Z", "2021-02-02T03:04:05Z",
                "2021-01-01T00:00:00Z", "2026-12-07T06:00:00Z");
        return Resource.builder(SalesforceCloud.ID, ORG, "04Ixx01").kind(SalesforceCloud.FILE_LINK)
                .collected(SalesforceFacts.CONTENT_DISTRIBUTION)
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ), SalesforceChannels.PUBLIC_LINK,
                        "link 'Passport scan'"))
                .details(SalesforceDetails.of(l)).build();
    }

    static Resource org() {
        OrgDetails o = new OrgDetails(List.of("Apply"), List.of("Apply"),
                new OrgDetails.EventLogs(List.of("Login", "ApiTotalUsage"), 1),
                new OrgDetails.EventSettings(1, true, true),
                List.of(new OrgDetails.HealthCheckRisk("Minimum password length", "Password Policies", "5", "8",
                        "HIGH_RISK")),
                new OrgDetails.ScannerPermissions(List.of("ViewSetup", "ApiEnabled")),
                new OrgDetails.LinkInventory(1, false));
        return Resource.builder(SalesforceCloud.ID, ORG, ORG).kind(SalesforceCloud.ORG)
                .collected(SalesforceFacts.SITES, SalesforceFacts.EVENT_LOGS, SalesforceFacts.EVENT_SETTINGS,
                        SalesforceFacts.HEALTH_CHECK, SalesforceFacts.SCANNER_PERMISSIONS,
                        SalesforceFacts.CONTENT_DISTRIBUTION)
                .details(SalesforceDetails.of(o)).build();
    }

    @Test
    void aSiteALinkAndTheOrgAreReadBackEqualAndWrittenToTheSameBytes() throws Exception {
        Path file = dir.resolve("salesforce.snapshot.json");
        List<Resource> resources = List.of(site(), link(), org());
        Snapshot.write(resources, file);
        Inventory back = new SnapshotProvider(file).collect(new FactSelection(Map.of()), Progress.NONE);
        assertEquals(List.of(), back.errors());
        assertEquals(Set.copyOf(resources), Set.copyOf(back.resources()));
        String first = Files.readString(file);
        Snapshot.write(back.resources(), file);
        assertEquals(first, Files.readString(file), "same resources, same bytes");
        assertTrue(first.contains("\"securityClassification\" : \"Confidential\""), first);
    }

    @Test
    void theBundledExamplesSalesforceGrantsAreTheOnesItsDetailsGive() throws Exception {
        List<Resource> example = new SnapshotProvider(Path.of("../../examples/account-opening.snapshot.json"))
                .collect(new FactSelection(Map.of()), Progress.NONE).resources().stream()
                .filter(r -> r.provider().equals(SalesforceCloud.ID)).toList();
        assertEquals(List.of("FILE_LINK", "ORG", "SITE"), example.stream().map(r -> r.kind().name()).sorted().toList());
        for (Resource r : example) {
            SalesforceDetails d = r.details(SalesforceDetails.class);
            List<Grant> expected = d.site() != null ? SalesforceGrants.site(d.site())
                    : d.link() != null ? List.of(SalesforceGrants.link(d.link())) : List.of();
            assertEquals(expected, r.grants(), r.ref());
        }
    }

    @Test
    void aMalformedDateInALinkIsOneInputErrorNamingTheField() throws Exception {
        Path file = dir.resolve("salesforce.snapshot.json");
        Snapshot.write(List.of(link(), org()), file);
        String text = Files.readString(file).replace("2021-02-02T03:04:05Z", "yesterday");
        Files.writeString(file, text);
        Inventory back = new SnapshotProvider(file).collect(new FactSelection(Map.of()), Progress.NONE);
        assertEquals(1, back.errors().size(), back.errors().toString());
        assertTrue(back.errors().get(0).message().contains("lastViewDate"), back.errors().get(0).message());
        assertEquals(List.of(ORG), back.resources().stream().map(Resource::id).toList());
    }
}
