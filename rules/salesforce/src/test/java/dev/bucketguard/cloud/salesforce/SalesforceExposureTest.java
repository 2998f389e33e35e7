package dev.bucketguard.cloud.salesforce;

import static dev.bucketguard.cloud.salesforce.SiteFixture.ORG;
import static dev.bucketguard.cloud.salesforce.SiteFixture.apex;
import static dev.bucketguard.cloud.salesforce.SiteFixture.field;
import static dev.bucketguard.cloud.salesforce.SiteFixture.network;
import static dev.bucketguard.cloud.salesforce.SiteFixture.read;
import static dev.bucketguard.cloud.salesforce.SiteFixture.settings;
import static dev.bucketguard.testkit.VerdictAssertions.assertEffect;
import static dev.bucketguard.testkit.VerdictAssertions.assertNoReason;
import static dev.bucketguard.testkit.VerdictAssertions.assertReason;
import static dev.bucketguard.testkit.VerdictAssertions.assertVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect.Effect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Salesforce verdict (docs/exposure.md, "Salesforce"; SALESFORCE.md section 4), one test per branch. */
class SalesforceExposureTest {

    private static Grant grant(Verdict v, String via, String scope) {
        return v.effects().stream().map(e -> e.grant())
                .filter(g -> g.via().name().equals(via) && scope.equals(g.scope())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + via + " grant on " + scope + " in " + v.effects()));
    }

    // ---- step 1: object Read and records shared ---------------------------------------------------------------

    @Test
    void theBankCaseGuestReadsApplicantsThroughAGuestSharingRuleAndIsPublicWithThePersonalFieldsNamed() {
        Verdict v = new SiteFixture().verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "the guest can read Applicant__c through Salesforce's own pages and controllers: Read from"
                + " profile 'Apply Profile'");
        assertReason(v, "37,176 records shared with the guest by guest sharing rules (GuestRule share rows)");
        assertReason(v, "personal data: BirthDate__c (named like a birth date), Email__c (named like an e-mail"
                + " address), Employer__c (named like an employer), MailingStreet__c (named like an address),"
                + " Phone__c (named like a phone number)");
        assertTrue(v.tags().containsAll(List.of(SalesforceTags.PERSONAL_DATA, SalesforceTags.GUEST_RULE)), v.tags()
                .toString());
        assertEffect(v, grant(v, "OBJECT_PERMISSION", "Applicant__c"), Effect.IN_FORCE, null);
    }

    @Test
    void theSameSiteWithNoRecordSharedIsPrivateAndLatentTakingAZeroShareCountAsEvidence() {
        // Reading taken: without --metadata the guest rules themselves are unread; a GuestRule share-row count of 0 is
        // taken as "no record shared" (SALESFORCE.md 1.3 c calls it evidence, not proof).
        Verdict v = new SiteFixture().noRecordsShared().verdict();

        assertVerdict(v, Exposure.PRIVATE);
        assertTrue(v.tags().contains(SalesforceTags.LATENT), v.tags().toString());
        assertReason(v, "the guest has Read on Applicant__c (profile 'Apply Profile') but no record is shared with it:"
                + " one sharing rule away");
        assertEffect(v, grant(v, "OBJECT_PERMISSION", "Applicant__c"), Effect.NEUTRALISED, "one sharing rule away");
    }

    @Test
    void aShareCountThatCouldNotBeReadIsUnknownNamingThePermission() {
        SiteFixture f = new SiteFixture();
        f.shareCounts.set(0, new ShareCount("Applicant__c", ShareCount.GUEST_RULE, null,
                "Applicant__Share: INSUFFICIENT_ACCESS (needs View All Data)"));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.UNKNOWN);
        assertReason(v, "GuestRule share rows of Applicant__c could not be counted: Applicant__Share:"
                + " INSUFFICIENT_ACCESS (needs View All Data)");
        assertEffect(v, grant(v, "OBJECT_PERMISSION", "Applicant__c"), Effect.UNDECIDED, "could not be read");
    }

    @Test
    void aReadMetadataGuestRuleMakesRecordsReachTheGuestEvenWithoutShareRows() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.sharingRules.add(new GuestSharingRule("Applicant__c", "Applicant__c.Submitted", "Submitted applicants",
                "Status__c equals Submitted", "Read", false));
        Resource r = f.resource().toBuilder().collected(SalesforceFacts.SHARING_RULES).build();
        Resource known = Resource.builder(r.provider(), r.account(), r.id()).kind(r.kind())
                .collected(r.collected()).grants(r.grants()).details(r.details()).build();
        Verdict v = new SalesforceCloud().verdict(known, TrustZone.OWNER_ONLY);

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "guest sharing rule 'Submitted applicants' (Status__c equals Submitted)");
    }

    @Test
    void recordsOwnedByTheGuestBeforeEnforcementArePublicAsLegacy() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.legacy.set(0, new LegacyRecords("Applicant__c", 12L, 0L, null));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "12 records owned by the guest and 0 shared to it before enforcement (legacy)");
        assertTrue(v.tags().contains(SalesforceTags.LEGACY));
    }

    @Test
    void viewAllOnTheObjectReachesEveryRecordAndIsAPolicyViolation() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.objects.set(0, new ObjectAccess("Applicant__c", true, false, false, false, true, false,
                List.of(SiteFixture.PROFILE), null));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "every record of Applicant__c reaches the guest: it holds View All on Applicant__c");
        assertTrue(v.tags().containsAll(List.of(SalesforceTags.VIEW_ALL, SalesforceTags.POLICY_VIOLATION)));
    }

    // ---- personal data: classification first, then names --------------------------------------------------------

    @Test
    void aFieldClassifiedPublicIsNotPersonalWhateverItsNameAndAConfidentialOneIsWhateverItsName() {
        SiteFixture f = new SiteFixture();
        f.fields.clear();
        f.fields.add(field("BirthDate__c", new FieldClassification("Public", List.of())));
        f.fields.add(field("Notes__c", new FieldClassification("Confidential", List.of())));
        f.fields.add(field("Reference__c", new FieldClassification(null, List.of("GDPR"))));
        Verdict v = f.verdict();

        assertReason(v, "personal data: Notes__c (classified Confidential), Reference__c (compliance group GDPR)");
        assertNoReason(v, "BirthDate__c (");
    }

    @Test
    void withNoPersonalFieldThePublicSiteCarriesNoPersonalDataTag() {
        SiteFixture f = new SiteFixture();
        f.fields.clear();
        f.fields.add(field("Status__c", FieldClassification.UNCLASSIFIED));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertFalse(v.tags().contains(SalesforceTags.PERSONAL_DATA), v.tags().toString());
    }

    // ---- whether the site serves -------------------------------------------------------------------------------

    @Test
    void anInactiveSiteIsPrivateOneSwitchFromExposure() {
        SiteFixture f = new SiteFixture();
        f.settings = settings("In Maintenance", network("Live", false, false));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PRIVATE);
        assertReason(v, "inactive: one switch from exposure (Site status 'In Maintenance')");
        assertTrue(v.tags().contains(SalesforceTags.SITE_INACTIVE));
        assertEffect(v, grant(v, "OBJECT_PERMISSION", "Applicant__c"), Effect.NEUTRALISED, "inactive");
    }

    @Test
    void aNetworkUnderConstructionIsInactive() {
        SiteFixture f = new SiteFixture();
        f.settings = settings("Active", network("UnderConstruction", false, false));

        assertReason(f.verdict(), "inactive: one switch from exposure (Network status 'UnderConstruction')");
    }

    @Test
    void anUnreadNetworkIsTakenAsLiveAndLeavesGuestFileAccessUnknown() {
        // Reading taken (⚠ SALESFORCE.md 4): an Experience site whose Network row is not visible is assumed live.
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.settings = new SiteSettings("0DMxx01", "Apply", "ChatterNetwork", "Active", "apply", SiteFixture.GUEST,
                null, false, false, true, null, "the Network list is partial without View All Data");
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.UNKNOWN);
        assertReason(v, "taken as live (⚠)");
        assertReason(v, "whether guest file access is on could not be read");
        assertTrue(v.tags().contains(SalesforceTags.NETWORK_PARTIAL));
    }

    @Test
    void guestFileAccessIsAPublicGrantOfTheSite() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.settings = settings("Active", network("Live", false, true));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "guest file access is on");
        assertEffect(v, grant(v, "GUEST_FILE_ACCESS", SalesforceGrants.SITE_FILES), Effect.IN_FORCE, null);
    }

    // ---- steps 2 and 3: Apex and flows ------------------------------------------------------------------------

    @Test
    void aGuestCallableClassWithoutSharingNamingTheObjectIsPublicEvenWithoutObjectRead() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.objects.clear();
        f.apex.add(apex("ApplicationController", ApexSharing.WITHOUT_SHARING, "48.0", ApexEntryPoint.AURA_ENABLED,
                "Applicant__c"));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "guest-callable Apex class 'ApplicationController' (without sharing, API 48.0, @AuraEnabled)"
                + " queries Applicant__c without sharing");
        assertTrue(v.tags().contains(SalesforceTags.APEX_NO_SHARING));
        assertEffect(v, grant(v, "APEX_CLASS", "Applicant__c"), Effect.IN_FORCE, null);
    }

    @Test
    void aClassWithSharingInSystemModeIsPublicOnlyWhenRecordsAreShared() {
        SiteFixture f = new SiteFixture();
        f.objects.clear();
        f.apex.add(apex("StatusController", ApexSharing.WITH_SHARING, "58.0", ApexEntryPoint.AURA_ENABLED,
                "Applicant__c"));
        Verdict shared = f.verdict();
        Verdict none = f.noRecordsShared().verdict();

        assertVerdict(shared, Exposure.PUBLIC);
        assertTrue(shared.tags().contains(SalesforceTags.CRUD_FLS_BYPASS), shared.tags().toString());
        assertVerdict(none, Exposure.PRIVATE);
        assertEffect(none, grant(none, "APEX_CLASS", "Applicant__c"), Effect.NEUTRALISED, "honours sharing");
    }

    @Test
    void noKeywordBeforeApi67IsWithSharingForAuraAndWithoutForARestResource() {
        // Reading taken (⚠ SALESFORCE.md 1.4): "the current sharing rule remains in effect" is read as no sharing at a
        // top-level REST entry point, so the class is PUBLIC; @AuraEnabled defaults to with sharing since Spring '21.
        SiteFixture aura = new SiteFixture().noRecordsShared();
        aura.objects.clear();
        aura.apex.add(apex("Lookup", ApexSharing.OMITTED, "48.0", ApexEntryPoint.AURA_ENABLED, "Applicant__c"));
        SiteFixture rest = new SiteFixture().noRecordsShared();
        rest.objects.clear();
        rest.apex.add(apex("Lookup", ApexSharing.OMITTED, "48.0", ApexEntryPoint.REST_RESOURCE, "Applicant__c"));
        SiteFixture v67 = new SiteFixture().noRecordsShared();
        v67.objects.clear();
        v67.apex.add(apex("Lookup", ApexSharing.OMITTED, "67.0", ApexEntryPoint.REST_RESOURCE, "Applicant__c"));

        assertVerdict(aura.verdict(), Exposure.PRIVATE);
        assertVerdict(rest.verdict(), Exposure.PUBLIC);
        assertVerdict(v67.verdict(), Exposure.PRIVATE);
    }

    @Test
    void codeWhoseReachCannotBeReadMakesTheSiteUnknownWithoutMakingEveryObjectUnknown() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.apex.add(new ApexClassAccess("01pxx9", "vendor__Portal", "vendor", "52.0", ApexSharing.UNREAD,
                List.of(ApexEntryPoint.AURA_ENABLED), List.of(), false, false, true, List.of(SiteFixture.PROFILE)));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.UNKNOWN);
        assertReason(v, "guest-callable code whose reach cannot be read: Apex class 'vendor__Portal' (managed, source"
                + " hidden)");
        assertEffect(v, grant(v, "OBJECT_PERMISSION", "Applicant__c"), Effect.NEUTRALISED, "one sharing rule away");
    }

    @Test
    void codeWhoseReachCannotBeReadLeavesAPublicSitePublic() {
        SiteFixture f = new SiteFixture();
        f.apex.add(new ApexClassAccess("01pxx9", "Search", null, "58.0", ApexSharing.WITH_SHARING,
                List.of(ApexEntryPoint.AURA_ENABLED), List.of(), true, false, false, List.of(SiteFixture.PROFILE)));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "Apex class 'Search' (dynamic SOQL");
        assertTrue(v.tags().contains(SalesforceTags.CODE_REACH_UNREAD));
    }

    @Test
    void aFlowInSystemContextWithoutSharingIsPublic() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.objects.clear();
        f.flows.add(new FlowAccess("300xx01", "Check_Application", true, "Flow", FlowAccess.SYSTEM_WITHOUT_SHARING,
                List.of("Applicant__c"), false, List.of(SiteFixture.PROFILE)));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "guest-runnable flow 'Check_Application' reads Applicant__c in system context without sharing");
        assertEffect(v, grant(v, "FLOW", "Applicant__c"), Effect.IN_FORCE, null);
    }

    @Test
    void aFlowRunModeBucketguardDoesNotKnowIsUnknownNotPrivate() {
        // Reading taken (⚠ SALESFORCE.md 1.4: the RunInMode values come from peers): any other value is unread.
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.objects.clear();
        f.flows.add(new FlowAccess("300xx01", "Check_Application", true, "Flow", "SystemModeFuture",
                List.of("Applicant__c"), false, List.of(SiteFixture.PROFILE)));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.UNKNOWN);
        assertReason(v, "flow 'Check_Application' runs in mode 'SystemModeFuture', a value bucketguard does not know");
    }

    // ---- steps 4 and 6: self-registration and members ----------------------------------------------------------

    @Test
    void selfRegistrationWhoseProfileReadsAnObjectSharedToMembersIsPublic() {
        // Reading taken (issue 11): anyone can sign up, so a self-registration path is PUBLIC, not CROSS_ACCOUNT.
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.settings = settings("Active", network("Live", true, false));
        f.external.set(0, new ExternalSharing("Applicant__c", "Private", "Read"));
        f.members = new MemberAccess(List.of("Customer Community User"), List.of(), List.of("Applicant__c"));
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "self-registration is on and the self-registration profile reads Applicant__c");
        assertTrue(v.tags().contains(SalesforceTags.SELF_REGISTRATION));
        assertEffect(v, grant(v, "SELF_REGISTRATION", "Applicant__c"), Effect.IN_FORCE, null);
    }

    @Test
    void membersOnlyThroughAPublicReadExternalDefaultIsCrossAccount() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.objects.clear();
        f.external.set(0, new ExternalSharing("Applicant__c", "Private", "Read"));
        f.members = new MemberAccess(List.of("Customer Community User"), List.of("Applicant__c"), List.of());
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.CROSS_ACCOUNT);
        assertReason(v, "logged-in members of the site (Customer Community User) can read Applicant__c: its external"
                + " sharing default is Read");
        assertEquals(List.of("members of site Apply"), v.outsiders());
    }

    @Test
    void anExternalDefaultOfPrivateIsAKnownValueAndAnUnheardOfOneIsUnknown() {
        SiteFixture f = new SiteFixture().noRecordsShared();
        f.objects.clear();
        f.members = new MemberAccess(List.of("Customer Community User"), List.of("Applicant__c"), List.of());
        Verdict privateDefault = f.verdict();
        f.external.set(0, new ExternalSharing("Applicant__c", "Private", "FullAccessForAll"));
        Verdict strange = f.verdict();

        assertVerdict(privateDefault, Exposure.PRIVATE);
        assertVerdict(strange, Exposure.UNKNOWN);
        assertReason(strange, "the external sharing default of Applicant__c is 'FullAccessForAll', a value"
                + " bucketguard does not know");
    }

    // ---- what could not be read --------------------------------------------------------------------------------

    @Test
    void viewSetupDeniedLeavesTheSiteUnknownNamingThePermission() {
        SiteFixture f = new SiteFixture().deny(SalesforceFacts.SITES, "query Site", "View Setup and Configuration");
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.UNKNOWN);
        assertReason(v, "could not read SITES: query Site failed with INSUFFICIENT_ACCESS (needs View Setup and"
                + " Configuration)");
    }

    @Test
    void unreadObjectPermissionsNeverGivePrivate() {
        SiteFixture f = new SiteFixture().noRecordsShared().deny(SalesforceFacts.OBJECT_PERMISSIONS,
                "query ObjectPermissions", "View Setup and Configuration");
        Verdict v = f.verdict();

        assertVerdict(v, Exposure.UNKNOWN);
        assertReason(v, "the objects the guest may reach are not all known: could not read OBJECT_PERMISSIONS");
    }

    @Test
    void unreadApexClassesNeverGivePrivate() {
        SiteFixture f = new SiteFixture().noRecordsShared().deny(SalesforceFacts.APEX_CLASSES, "query ApexClass",
                "View Setup and Configuration");

        assertVerdict(f.verdict(), Exposure.UNKNOWN);
    }

    // ---- file links and the org --------------------------------------------------------------------------------

    static FileLink link(boolean password, boolean expires, String expiry) {
        return new FileLink("04Ixx01", "Passport scan", "069xx01", "005xx01", "003xx01", "Contact", password, expires,
                expiry, true, true, true, true, 3, null, "2026-11-30T10:00:00Z", "2026-11-01T00:00:00Z",
                "2026-12-07T06:00:00Z");
    }

    static Verdict linkVerdict(FileLink l) {
        Resource r = Resource.builder(SalesforceCloud.ID, ORG, l.id()).kind(SalesforceCloud.FILE_LINK)
                .collected(SalesforceFacts.CONTENT_DISTRIBUTION).grant(SalesforceGrants.link(l))
                .details(SalesforceDetails.of(l)).build();
        return new SalesforceCloud().verdict(r, TrustZone.OWNER_ONLY);
    }

    @Test
    void anOpenLinkToAContactsFileIsPublic() {
        Verdict v = linkVerdict(link(false, false, null));

        assertVerdict(v, Exposure.PUBLIC);
        assertReason(v, "link 'Passport scan' to file 069xx01 of a Contact record opens for anyone holding its URL: no"
                + " password, and it never expires");
        assertTrue(v.tags().containsAll(List.of(SalesforceTags.RELATED_RECORD, SalesforceTags.LATEST_VERSION)));
    }

    @Test
    void aPasswordProtectedLinkIsCrossAccountAnExpiredOneIsPrivateAndAFutureExpiryStillOpens() {
        // Reading taken (⚠ SALESFORCE.md 2): a password is a shared secret, so CROSS_ACCOUNT, never PRIVATE.
        Verdict password = linkVerdict(link(true, false, null));
        Verdict expired = linkVerdict(link(false, true, "2026-12-01T00:00:00Z"));
        Verdict later = linkVerdict(link(false, true, "2027-01-01T00:00:00Z"));

        assertVerdict(password, Exposure.CROSS_ACCOUNT);
        assertReason(password, "opens for whoever is given its password");
        assertVerdict(expired, Exposure.PRIVATE);
        assertReason(expired, "expired on 2026-12-01T00:00:00Z: it no longer opens");
        assertVerdict(later, Exposure.PUBLIC);
        assertReason(later, "it expires on 2027-01-01T00:00:00Z");
    }

    @Test
    void anUnreadLinkIsUnknown() {
        Resource r = Resource.builder(SalesforceCloud.ID, ORG, "04Ixx01").kind(SalesforceCloud.FILE_LINK)
                .unknown(SalesforceFacts.CONTENT_DISTRIBUTION, "query ContentDistribution", "Query All Files",
                        "INSUFFICIENT_ACCESS").build();

        assertVerdict(new SalesforceCloud().verdict(r, TrustZone.OWNER_ONLY), Exposure.UNKNOWN);
    }

    @Test
    void theOrgIsUnknownWhenItsSitesCannotBeReadAndPrivateOtherwise() {
        Resource denied = Resource.builder(SalesforceCloud.ID, ORG, ORG).kind(SalesforceCloud.ORG)
                .unknown(SalesforceFacts.SITES, "query Site", "View Setup and Configuration", "INSUFFICIENT_ACCESS")
                .build();
        Resource read = Resource.builder(SalesforceCloud.ID, ORG, ORG).kind(SalesforceCloud.ORG)
                .collected(SalesforceFacts.SITES)
                .details(SalesforceDetails.of(new OrgDetails(List.of("Apply"), List.of("Apply"), null, null, null,
                        null, null))).build();

        Verdict unknown = new SalesforceCloud().verdict(denied, TrustZone.OWNER_ONLY);
        assertVerdict(unknown, Exposure.UNKNOWN);
        assertReason(unknown, "the org's sites could not be read, so none is judged: could not read SITES: query Site"
                + " failed with INSUFFICIENT_ACCESS (needs View Setup and Configuration)");
        assertVerdict(new SalesforceCloud().verdict(read, TrustZone.OWNER_ONLY), Exposure.PRIVATE);
    }

    @Test
    void aSiteResourceWithLinkDetailsIsAProblem() {
        FileLink l = link(false, false, null);
        Resource r = Resource.builder(SalesforceCloud.ID, ORG, "Apply").kind(SalesforceCloud.SITE)
                .collected(SalesforceFacts.SITES).details(SalesforceDetails.of(l)).build();

        assertEquals(List.of("'link' details on a resource of kind SITE (only a FILE_LINK has them)",
                "fact SITES is collected and known, but its value is missing"), new SalesforceCloud().problems(r));
    }
}
