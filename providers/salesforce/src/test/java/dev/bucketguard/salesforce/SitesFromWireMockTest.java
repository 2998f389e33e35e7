package dev.bucketguard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.cloud.salesforce.ApexClassAccess;
import dev.bucketguard.cloud.salesforce.ApexSharing;
import dev.bucketguard.cloud.salesforce.FlowAccess;
import dev.bucketguard.cloud.salesforce.ObjectAccess;
import dev.bucketguard.cloud.salesforce.PermissionSource;
import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.cloud.salesforce.SystemPermission;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sites whose reading takes a decision: Apex whose reach is hidden, ambiguous Networks, groups and muting. */
class SitesFromWireMockTest {
    private final WireMockOrg org = new WireMockOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    private Resource site(String id) {
        return org.collect(org.provider()).resources().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private static Verdict verdict(Resource r) {
        return new SalesforceCloud().verdict(r, TrustZone.OWNER_ONLY);
    }

    @Test
    void dynamicSoqlAndHiddenManagedSourceAreReasonsAndAClassWithoutEntryPointIsLeftOutFromWireMock() {
        org.fixture("account-opening-site").fixture("apex-dynamic-and-managed");
        Resource site = site("Account Opening");
        Map<String, ApexClassAccess> classes = SalesforceDetails.site(site).apexClasses().stream()
                .collect(Collectors.toMap(ApexClassAccess::name, Function.identity()));
        assertEquals(List.of("SearchController", "vendor__PortalApi"), classes.keySet().stream().sorted().toList(),
                "MathUtil has no entry point (its @AuraEnabled is in a comment)");
        ApexClassAccess search = classes.get("SearchController");
        assertTrue(search.dynamicSoql());
        assertEquals(ApexSharing.WITH_SHARING, search.sharing());
        assertEquals(List.of(), search.objects(), "the SOQL in a comment names nothing");
        ApexClassAccess managed = classes.get("vendor__PortalApi");
        assertTrue(managed.sourceHidden());
        assertEquals(ApexSharing.UNREAD, managed.sharing());
        Verdict v = verdict(site);
        assertEquals(Exposure.UNKNOWN, v.exposure(), v.reasons().toString());
    }

    @Test
    void twoNetworksWithTheSitesPrefixAreAnAmbiguityNotAGuessFromWireMock() {
        org.fixture("account-opening-site").fixture("ambiguous-network");
        Resource site = site("Account_Opening");
        SiteDetails s = SalesforceDetails.site(site);
        assertNull(s.settings().network());
        assertTrue(s.settings().networkProblem().startsWith("ambiguous: 2 Networks (Account Opening, Account Opening"
                + " (old))"), s.settings().networkProblem());
        assertFalse(verdict(site).exposure() == Exposure.PRIVATE, verdict(site).reasons().toString());
    }

    @Test
    void anInactiveSiteIsPrivateOneSwitchFromExposureFromWireMock() {
        org.fixture("account-opening-site").fixture("inactive-site");
        Verdict v = verdict(site("Account Opening"));
        assertEquals(Exposure.PRIVATE, v.exposure());
        assertTrue(v.reasons().toString().contains("inactive"), v.reasons().toString());
    }

    @Test
    void aPermissionSetGroupAddsToTheUnionAndItsMutingSetRemovesFromWireMock() {
        org.fixture("account-opening-site").fixture("permission-set-group-with-muting");
        SiteDetails s = SalesforceDetails.site(site("Account Opening"));
        assertEquals(List.of("Account Opening Profile", "Guest Extras"), s.guest().sets().stream()
                .map(PermissionSource::name).sorted().toList());
        assertEquals(List.of("0QM000000000MUT1AA"), s.guest().mutingSets());
        ObjectAccess contact = s.object("Contact").orElseThrow();
        assertTrue(contact.read());
        assertFalse(contact.edit(), "Edit on Contact is muted");
        assertEquals(List.of("permission set group 'Guest Extras'"), contact.sources());
        assertTrue(s.holds(SystemPermission.API_ENABLED));
    }

    @Test
    void membersReadingAnObjectTheGuestCannotMakeTheSiteCrossAccountNotUnknownFromWireMock() {
        org.fixture("account-opening-site").fixture("no-sharing-rule").fixture("members-read-contact");
        Resource site = site("Account Opening");
        assertTrue(org.queries().stream().anyMatch(q -> q.contains("FROM EntityDefinition")
                && q.contains("'Contact'")), "the sharing default of the object members read is asked for: "
                + org.queries());
        assertEquals(List.of("Applicant__c", "Contact"), SalesforceDetails.site(site).externalSharing().stream()
                .map(e -> e.object()).toList());
        Verdict v = verdict(site);
        assertEquals(Exposure.CROSS_ACCOUNT, v.exposure(), v.reasons().toString());
        assertTrue(v.reasons().toString().contains("logged-in members of the site (profile 'Customer Community User')"
                + " can read Contact"), v.reasons().toString());
    }

    @Test
    void aSystemModeFlowWithoutSharingReadsTheObjectsItsMetadataNamesFromWireMock() {
        org.fixture("account-opening-site").fixture("no-sharing-rule").fixture("flow-system-without-sharing");
        Resource site = site("Account Opening");
        FlowAccess flow = SalesforceDetails.site(site).flows().get(0);
        assertEquals(List.of("Applicant__c"), flow.objects());
        assertFalse(flow.objectsUnread());
        assertTrue(org.queries().contains("SELECT Id, Metadata FROM Flow WHERE Id = '301000000000FLW1AA'"),
                org.queries().toString());
        Verdict v = verdict(site);
        assertEquals(Exposure.PUBLIC, v.exposure(), v.reasons().toString());
        assertTrue(v.reasons().toString().contains("guest-runnable flow 'Application Status Lookup' reads"
                + " Applicant__c in system context without sharing"), v.reasons().toString());
        assertFalse(v.reasons().toString().contains("whose reach cannot be read"), v.reasons().toString());
    }

    @Test
    void aFlowWhoseMetadataCannotBeReadLeavesTheSiteUnknownNotPrivateFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("no-sharing-rule").fixture("flow-system-without-sharing")
                .answer("tooling Flow 301000000000FLW1AA", new ObjectMapper().readTree("{\"status\": 403, \"body\":"
                        + " [{\"errorCode\": \"INSUFFICIENT_ACCESS\", \"message\": \"no access\"}]}"));
        Resource site = site("Account Opening");
        assertTrue(SalesforceDetails.site(site).flows().get(0).objectsUnread());
        Verdict v = verdict(site);
        assertEquals(Exposure.UNKNOWN, v.exposure(), v.reasons().toString());
        assertTrue(v.reasons().toString().contains("guest-callable code whose reach cannot be read: flow"
                + " 'Application Status Lookup'"), v.reasons().toString());
    }
}
