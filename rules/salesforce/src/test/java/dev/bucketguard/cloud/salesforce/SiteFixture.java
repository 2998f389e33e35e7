package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bank case as a site the verdict tests change one setting at a time: the Experience site "Apply" of an
 * account-opening org, whose guest profile reads {@code Applicant__c} (birth date, phone, e-mail, address, employer)
 * and whose guest sharing rule shares 37,176 applicants with the guest.
 */
final class SiteFixture {
    static final String ORG = "00Dxx0000001gPFEAY";
    static final String GUEST = "005xx000001GUEST";
    static final String PROFILE = "profile 'Apply Profile'";

    SiteSettings settings = settings("Active", network("Live", false, false));
    GuestUser guest = new GuestUser(GUEST, true, "00exx000000GUEST", "Apply Profile",
            List.of(new PermissionSource("0PSxx01", "Apply Profile", PermissionSource.Type.PROFILE)), List.of());
    List<SystemPermission> systemPermissions = new ArrayList<>();
    List<ObjectAccess> objects = new ArrayList<>(List.of(read("Applicant__c")));
    List<FieldAccess> fields = new ArrayList<>(List.of(field("BirthDate__c", null), field("Phone__c", null),
            field("Email__c", null), field("MailingStreet__c", null), field("Employer__c", null),
            field("Status__c", null)));
    List<GuestSharingRule> sharingRules = new ArrayList<>();
    List<ShareCount> shareCounts = new ArrayList<>(List.of(new ShareCount("Applicant__c", ShareCount.GUEST_RULE,
            37_176L, null)));
    List<LegacyRecords> legacy = new ArrayList<>(List.of(new LegacyRecords("Applicant__c", 0L, 0L, null)));
    List<String> groups = new ArrayList<>();
    List<ApexClassAccess> apex = new ArrayList<>();
    List<FlowAccess> flows = new ArrayList<>();
    List<ExternalSharing> external = new ArrayList<>(List.of(new ExternalSharing("Applicant__c", "Private",
            "Private")));
    MemberAccess members = new MemberAccess(List.of("Customer Community User"), List.of(), List.of());
    final Map<Fact, Unknown> denied = new LinkedHashMap<>();

    static SiteSettings settings(String status, ExperienceNetwork network) {
        return new SiteSettings("0DMxx01", "Apply", "ChatterNetwork", status, "apply", GUEST, null, false, false,
                true, network, null);
    }

    static ExperienceNetwork network(String status, boolean selfRegistration, boolean guestFiles) {
        return new ExperienceNetwork("0DBxx01", "Apply", status, "apply", guestFiles, false, false, selfRegistration,
                selfRegistration ? "00exx000000SELF" : null);
    }

    static ObjectAccess read(String object) {
        return new ObjectAccess(object, true, false, false, false, false, false, List.of(PROFILE),
                "2020-07-01T09:00:00Z");
    }

    static FieldAccess field(String name, FieldClassification classification) {
        return new FieldAccess("Applicant__c", name, true, false, List.of(PROFILE), classification);
    }

    static ApexClassAccess apex(String name, ApexSharing sharing, String version, ApexEntryPoint entry,
                                String... objects) {
        return new ApexClassAccess("01pxx" + name.length(), name, null, version, sharing, List.of(entry),
                List.of(objects), false, false, false, List.of(PROFILE));
    }

    /** Records the fact as denied with the call and permission the provider names. */
    SiteFixture deny(Fact fact, String call, String permission) {
        denied.put(fact, new Unknown(fact, call, permission, "INSUFFICIENT_ACCESS"));
        return this;
    }

    SiteFixture noRecordsShared() {
        shareCounts.replaceAll(c -> new ShareCount(c.object(), c.rowCause(), 0L, null));
        return this;
    }

    SiteDetails details() {
        return new SiteDetails(settings, guest, systemPermissions, objects, fields, sharingRules, shareCounts, legacy,
                groups, apex, flows, external, members, null);
    }

    Resource resource() {
        SiteDetails d = details();
        Resource.Builder b = Resource.builder(SalesforceCloud.ID, ORG, "Apply").kind(SalesforceCloud.SITE)
                .collected(SalesforceFacts.SITE_VERDICT)
                .unknown(SalesforceFacts.SHARING_RULES, null, "Modify Metadata Through Metadata API Functions",
                        "not read without --metadata");
        denied.values().forEach(b::unknown);
        return b.grants(SalesforceGrants.site(d)).details(SalesforceDetails.of(d)).build();
    }

    Verdict verdict() {
        return new SalesforceCloud().verdict(resource(), TrustZone.OWNER_ONLY);
    }
}
