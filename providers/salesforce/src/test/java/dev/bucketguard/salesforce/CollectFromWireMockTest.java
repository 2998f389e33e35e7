package dev.bucketguard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.salesforce.ApexClassAccess;
import dev.bucketguard.cloud.salesforce.ApexEntryPoint;
import dev.bucketguard.cloud.salesforce.ApexSharing;
import dev.bucketguard.cloud.salesforce.FieldAccess;
import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.cloud.salesforce.OrgDetails;
import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.cloud.salesforce.ShareCount;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.Inventory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the provider reads from a WireMock org served in the REST and Tooling APIs' documented shapes, one fixture per
 * behaviour: the collected model (sites, grants, facts, unknowns naming their permission), before any verdict.
 */
class CollectFromWireMockTest {
    private final WireMockOrg org = new WireMockOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    private Inventory collect() {
        return org.collect(org.provider());
    }

    private static Resource one(Inventory inv, String id) {
        return inv.resources().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + inv.resources().stream().map(Resource::id)
                        .toList()));
    }

    private static List<Resource> ofKind(Inventory inv, String kind) {
        return inv.resources().stream().filter(r -> r.kind().name().equals(kind)).toList();
    }

    @Test
    void theAccountOpeningSiteIsOneResourceNamedAfterItsNetworkWithTheGuestRuleSharesCountedFromWireMock() {
        org.fixture("account-opening-site").fixture("guest-sharing-rule");
        Inventory inv = collect();
        assertEquals(1, ofKind(inv, "SITE").size(), "two Site rows and one Network are one site");
        Resource site = one(inv, "Account Opening");
        assertEquals("00D000000000001AAA", site.account());
        assertTrue(site.unknowns().stream().allMatch(u -> SalesforceFacts.METADATA_ONLY.contains(u.fact())),
                "only the Metadata API facts are unknown: " + site.unknowns());
        SiteDetails s = SalesforceDetails.site(site);
        assertEquals("Account Opening Profile", s.guest().profileName());
        assertTrue(s.object("Applicant__c").orElseThrow().read());
        assertEquals(List.of(new ShareCount("Applicant__c", ShareCount.GUEST_RULE, 37176L, null)), s.shareCounts());
        Map<String, FieldAccess> fields = s.readableFields("Applicant__c").stream()
                .collect(Collectors.toMap(FieldAccess::field, f -> f));
        assertEquals("Restricted", fields.get("Birthdate__c").classification().securityClassification());
        assertEquals(List.of("GDPR", "PII"), fields.get("Birthdate__c").classification().complianceGroups());
        assertTrue(fields.get("Phone__c").classification().unclassified());
        assertEquals(1, site.grants().size());
        assertEquals("Applicant__c", site.grants().get(0).scope());
        assertTrue(site.grants().get(0).detail().contains("Debit_Card_PIN__c"), site.grants().get(0).detail());
        assertTrue(site.grants().get(0).source().contains("Account Opening Profile"));
        Unknown rules = site.whyUnknown(SalesforceFacts.SHARING_RULES).orElseThrow();
        assertTrue(rules.error().contains("--metadata"), rules.error());
    }

    @Test
    void withoutASharingRuleTheGuestStillHasReadButNoShareRowFromWireMock() {
        org.fixture("account-opening-site").fixture("no-sharing-rule");
        SiteDetails s = SalesforceDetails.site(one(collect(), "Account Opening"));
        assertTrue(s.object("Applicant__c").orElseThrow().read());
        assertEquals(List.of(new ShareCount("Applicant__c", ShareCount.GUEST_RULE, 0L, null)), s.shareCounts());
        assertEquals(0L, s.legacyRecords().get(0).owned());
    }

    @Test
    void aGuestCallableWithoutSharingClassNamesTheObjectItQueriesFromWireMock() {
        org.fixture("account-opening-site").fixture("apex-without-sharing");
        Resource site = one(collect(), "Account Opening");
        SiteDetails s = SalesforceDetails.site(site);
        assertTrue(s.objects().isEmpty(), "no object permission");
        ApexClassAccess c = s.apexClasses().get(0);
        assertEquals("ApplicantLookupController", c.name());
        assertEquals(ApexSharing.WITHOUT_SHARING, c.sharing());
        assertEquals(List.of(ApexEntryPoint.AURA_ENABLED), c.entryPoints());
        assertEquals(List.of("Applicant__c"), c.objects());
        assertEquals("48.0", c.apiVersion());
        assertFalse(c.dynamicSoql());
        assertEquals("Apex class 'ApplicantLookupController'", site.grants().get(0).source());
        assertTrue(org.queries().stream().anyMatch(q -> q.contains("FROM Applicant__Share")),
                "share rows of the object the class reaches are counted");
    }

    @Test
    void viewSetupDeniedLeavesNoSiteAndAnUnknownOrgNamingThePermissionFromWireMock() {
        org.fixture("account-opening-site").fixture("view-setup-denied");
        Inventory inv = collect();
        assertTrue(ofKind(inv, "SITE").isEmpty(), "no site is invented");
        Resource o = one(inv, "00D000000000001AAA");
        Unknown sites = o.whyUnknown(SalesforceFacts.SITES).orElseThrow();
        assertEquals("query Site", sites.call());
        assertEquals("View Setup and Configuration", sites.permission());
        assertTrue(sites.error().contains("INSUFFICIENT_ACCESS"), sites.error());
        assertEquals("View Setup and Configuration",
                o.whyUnknown(SalesforceFacts.HEALTH_CHECK).orElseThrow().permission());
        assertEquals("View Event Log Files", o.whyUnknown(SalesforceFacts.EVENT_LOGS).orElseThrow().permission());
        assertFalse(org.queries().stream().anyMatch(q -> q.contains("FROM ObjectPermissions")),
                "nothing that hangs off the sites is asked");
    }

    @Test
    void aPartialNetworkListIsAReasonOnTheSiteNotAGuessFromWireMock() {
        org.fixture("account-opening-site").fixture("partial-network-list");
        Resource site = one(collect(), "Account_Opening");
        SiteDetails s = SalesforceDetails.site(site);
        assertNull(s.settings().network());
        assertTrue(s.settings().experience());
        assertTrue(s.settings().networkProblem().contains("partial"), s.settings().networkProblem());
        assertTrue(s.settings().networkProblem().contains("Create and Set Up Experiences"));
        Unknown members = site.whyUnknown(SalesforceFacts.MEMBER_ACCESS).orElseThrow();
        assertTrue(members.permission().contains("View All Data"), members.permission());
    }

    @Test
    void pagesAreFollowedThroughNextRecordsUrlFromWireMock() {
        org.fixture("paging");
        Inventory inv = collect();
        assertEquals(6, ofKind(inv, "FILE_LINK").size());
        assertEquals(3, org.requests().stream().filter(r -> r.getUrl().contains("ContentDistribution")
                || r.getUrl().contains("/query/01g")).count(), "three pages, three requests");
        OrgDetails o = SalesforceDetails.org(one(inv, "00D000000000001AAA"));
        assertEquals(new OrgDetails.LinkInventory(6, true), o.linkInventory());
    }

    @Test
    void anOpenLinkToAContactsFileIsReadWithoutItsUrlOrPasswordFromWireMock() {
        org.fixture("link-open-contact");
        Resource r = one(collect(), "05D000000000LNK1AA");
        FileLink l = SalesforceDetails.link(r);
        assertEquals("Contact", l.relatedObject());
        assertTrue(l.open());
        assertTrue(l.linkLatestVersion());
        assertEquals("2026-12-01T00:00:00Z", l.readAt());
        assertEquals(1, r.grants().size());
        assertTrue(org.queries().stream().noneMatch(q -> q.contains("KeyPrefix")), "a Contact's prefix is known");
        String soql = org.queries().stream().filter(q -> q.contains("FROM ContentDistribution")).findFirst()
                .orElseThrow();
        assertFalse(soql.contains("Password,") || soql.contains(" Password ") || soql.contains("DistributionPublicUrl")
                || soql.contains("ContentDownloadUrl"), "no secret field is selected: " + soql);
    }

    @Test
    void aLinkToACustomObjectsRecordNamesItsObjectThroughOneKeyPrefixQueryFromWireMock() {
        org.fixture("link-custom-object-record");
        assertEquals("Applicant__c", SalesforceDetails.link(one(collect(), "05D000000000LNK4AA")).relatedObject());
        List<String> lookups = org.queries().stream().filter(q -> q.contains("KeyPrefix IN")).toList();
        assertEquals(List.of("SELECT QualifiedApiName, KeyPrefix FROM EntityDefinition WHERE KeyPrefix IN ('a01')"),
                lookups, "one lookup, for the prefix not known by heart");
    }

    @Test
    void theScanningUsersWriteCapablePermissionsAreReadSoTheRuleCanNameThemFromWireMock() throws Exception {
        org.answer("query UserPermissionAccess", new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"PermissionsApiEnabled\": true, \"PermissionsViewSetup\": true, \"PermissionsAuthorApex\": true,"
                + " \"PermissionsCustomizeApplication\": true, \"PermissionsManageUsers\": false}]"));
        Inventory inv = collect();
        Resource orgResource = inv.resources().get(inv.resources().size() - 1);
        assertEquals(List.of("ApiEnabled", "AuthorApex", "CustomizeApplication", "ViewSetup"),
                SalesforceDetails.org(orgResource).scanner().held());
        String soql = org.queries().stream().filter(q -> q.contains("FROM UserPermissionAccess")).findFirst()
                .orElseThrow();
        assertTrue(soql.contains("PermissionsAuthorApex") && soql.contains("PermissionsManageUsers")
                && soql.contains("PermissionsCustomizeApplication"), soql);
    }

    @Test
    void withMetadataEventSettingsAreReadThroughOneReadMetadataAndWithoutItNothingIsPostedFromWireMock() {
        org.readMetadata("EventSettings", Map.of("fullName", "Event", "enableDeleteMonitoringData", "true",
                "enableEventLogGeneration", "true", "eventLogRetentionDuration", "30"), null);
        Inventory without = collect();
        Resource plain = without.resources().get(without.resources().size() - 1);
        assertFalse(plain.knows(SalesforceFacts.EVENT_SETTINGS));
        assertTrue(plain.whyUnknown(SalesforceFacts.EVENT_SETTINGS).orElseThrow().describe()
                .contains("Metadata API reads are opt-in (--metadata)"));
        assertEquals(List.of(), org.readMetadataRequests(), "no POST without --metadata");

        Inventory with = org.collect(org.provider(new SalesforceOptions(org.url(), null, null, null, null, null, null,
                4, true)));
        Resource o = with.resources().get(with.resources().size() - 1);
        assertEquals(new OrgDetails.EventSettings(30, true, true), SalesforceDetails.org(o).eventSettings());
        assertEquals(1, org.readMetadataRequests().size());
        assertEquals(List.of(), org.mutatingRequests(), "the readMetadata envelope is the only POST");
        assertFalse(org.readMetadataRequests().get(0).containsHeader("Authorization"),
                "the session travels in the SOAP header only");
    }

    @Test
    void aReadMetadataFaultIsUnknownNamingThePermissionFromWireMock() {
        org.readMetadata("EventSettings", Map.of(), "INSUFFICIENT_ACCESS");
        Inventory inv = org.collect(org.provider(new SalesforceOptions(org.url(), null, null, null, null, null, null,
                4, true)));
        Resource o = inv.resources().get(inv.resources().size() - 1);
        String why = o.whyUnknown(SalesforceFacts.EVENT_SETTINGS).orElseThrow().describe();
        assertTrue(why.contains("readMetadata EventSettings failed with HTTP 500 INSUFFICIENT_ACCESS"), why);
        assertTrue(why.contains("Modify Metadata Through Metadata API Functions"), why);
        assertFalse(why.contains(WireMockOrg.TOKEN), why);
    }

    @Test
    void aPasswordProtectedLinkIsAGrantConditionedOnThePasswordFromWireMock() {
        org.fixture("link-password");
        Resource r = one(collect(), "05D000000000LNK2AA");
        assertTrue(SalesforceDetails.link(r).passwordRequired());
        assertEquals(List.of("password required"), r.grants().get(0).conditions());
    }

    @Test
    void anExpiredLinkIsPrivateFromWireMock() {
        org.fixture("link-expired");
        Resource r = one(collect(), "05D000000000LNK3AA");
        assertTrue(SalesforceDetails.link(r).expired());
        assertEquals(Exposure.PRIVATE, new SalesforceCloud().verdict(r, TrustZone.OWNER_ONLY).exposure());
    }

    @Test
    void eventLogsOfOneDayAreReadAsOneDayOfFreeTypesFromWireMock() {
        org.fixture("event-logs-one-day");
        OrgDetails o = SalesforceDetails.org(one(collect(), "00D000000000001AAA"));
        assertEquals(new OrgDetails.EventLogs(List.of("ApiTotalUsage", "Login"), 1), o.eventLogs());
        assertTrue(o.eventLogs().guestReadTypes().isEmpty());
    }

    @Test
    void thirtyDaysOfEventLogsInTheBaseOrgFromWireMock() {
        OrgDetails o = SalesforceDetails.org(one(collect(), "00D000000000001AAA"));
        assertEquals(30, o.eventLogs().retentionDays());
        assertNotNull(o.scanner());
        assertTrue(o.scanner().holds(OrgDetails.ScannerPermissions.QUERY_ALL_FILES));
    }

    @Test
    void everyQueryIsOnePerKindOfFactAndTheModelIsValidFromWireMock() {
        org.fixture("account-opening-site").fixture("guest-sharing-rule");
        Inventory inv = collect();
        SalesforceCloud cloud = new SalesforceCloud();
        for (Resource r : inv.resources()) {
            assertEquals(List.of(), cloud.problems(r), r.ref());
        }
        Map<String, Long> byQuery = org.queries().stream().collect(Collectors.groupingBy(SalesforceApi::object,
                Collectors.counting()));
        byQuery.forEach((object, n) -> assertEquals(1L, n, object + " was queried " + n + " times"));
        assertTrue(org.mutatingRequests().isEmpty());
    }
}
