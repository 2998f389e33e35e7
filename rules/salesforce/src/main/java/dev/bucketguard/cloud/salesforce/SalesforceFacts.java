package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.model.Fact;
import java.util.Set;

/**
 * The facts of a Salesforce org, one per kind of setting the provider reads (SALESFORCE.md 1.6). Site facts belong to
 * {@link SiteDetails}, {@link #CONTENT_DISTRIBUTION} to {@link FileLink} (and the org's link inventory), the rest to
 * {@link OrgDetails}. Facts marked "Metadata API" are read only in the opt-in metadata mode; without it they are
 * unknown, named as such.
 */
public final class SalesforceFacts {
    /** {@code Site} and {@code Network} rows: status, type, path prefix, guest options (View Setup and Configuration). */
    public static final Fact SITES = Fact.of("SITES");
    /** The site's guest user, its profile and the permission sets and groups assigned to it, minus muting. */
    public static final Fact GUEST_USER = Fact.of("GUEST_USER");
    /** The guest's system permissions ({@code PermissionSet.Permissions*}: API Enabled, View All Data, ...). */
    public static final Fact SYSTEM_PERMISSIONS = Fact.of("SYSTEM_PERMISSIONS");
    /** {@code ObjectPermissions} of the guest's permission sets. */
    public static final Fact OBJECT_PERMISSIONS = Fact.of("OBJECT_PERMISSIONS");
    /** {@code FieldPermissions} of the guest's permission sets. */
    public static final Fact FIELD_PERMISSIONS = Fact.of("FIELD_PERMISSIONS");
    /** {@code FieldDefinition.SecurityClassification} and {@code ComplianceGroup} of the fields the guest reads (Tooling). */
    public static final Fact FIELD_CLASSIFICATION = Fact.of("FIELD_CLASSIFICATION");
    /** Guest user sharing rules ({@code SharingRules.sharingGuestRules}; Metadata API). */
    public static final Fact SHARING_RULES = Fact.of("SHARING_RULES");
    /** Share rows to the guest counted per object and {@code RowCause} ({@code COUNT()}, never the rows). */
    public static final Fact SHARE_COUNTS = Fact.of("SHARE_COUNTS");
    /** Records the guest owns or that were shared to it before enforcement, and its group or queue memberships. */
    public static final Fact LEGACY_ACCESS = Fact.of("LEGACY_ACCESS");
    /** Guest-callable Apex classes: entry points, sharing keyword, API version, objects named ({@code ApexClass}). */
    public static final Fact APEX_CLASSES = Fact.of("APEX_CLASSES");
    /** Guest-runnable active flows, their run mode ({@code Flow.RunInMode}) and the objects their metadata names. */
    public static final Fact FLOWS = Fact.of("FLOWS");
    /** {@code EntityDefinition.ExternalSharingModel} of the objects involved (Tooling). */
    public static final Fact EXTERNAL_SHARING = Fact.of("EXTERNAL_SHARING");
    /** Logged-in members: {@code NetworkMemberGroup} profiles and permission sets, and what they and self-registration read. */
    public static final Fact MEMBER_ACCESS = Fact.of("MEMBER_ACCESS");
    /** Experience Builder's public access and page access ({@code ExperienceBundle}; Metadata API). */
    public static final Fact PUBLIC_ACCESS = Fact.of("PUBLIC_ACCESS");
    /** {@code ContentDistribution}: one public file link; on the org, the inventory of them. */
    public static final Fact CONTENT_DISTRIBUTION = Fact.of("CONTENT_DISTRIBUTION");
    /** {@code EventLogFile}: the event types produced and the age of the oldest file. */
    public static final Fact EVENT_LOGS = Fact.of("EVENT_LOGS");
    /** {@code EventSettings}: retention, log generation, whether logs can be deleted (Metadata API). */
    public static final Fact EVENT_SETTINGS = Fact.of("EVENT_SETTINGS");
    /** {@code SecurityHealthCheckRisks} (Tooling). */
    public static final Fact HEALTH_CHECK = Fact.of("HEALTH_CHECK");
    /** The scanning user's own permissions ({@code UserPermissionAccess}). */
    public static final Fact SCANNER_PERMISSIONS = Fact.of("SCANNER_PERMISSIONS");

    public static final Set<Fact> ALL = Set.of(SITES, GUEST_USER, SYSTEM_PERMISSIONS, OBJECT_PERMISSIONS,
            FIELD_PERMISSIONS, FIELD_CLASSIFICATION, SHARING_RULES, SHARE_COUNTS, LEGACY_ACCESS, APEX_CLASSES, FLOWS,
            EXTERNAL_SHARING, MEMBER_ACCESS, PUBLIC_ACCESS, CONTENT_DISTRIBUTION, EVENT_LOGS, EVENT_SETTINGS,
            HEALTH_CHECK, SCANNER_PERMISSIONS);

    /** The facts a site's verdict reads (SALESFORCE.md section 4). */
    public static final Set<Fact> SITE_VERDICT = Set.of(SITES, GUEST_USER, SYSTEM_PERMISSIONS, OBJECT_PERMISSIONS,
            FIELD_PERMISSIONS, FIELD_CLASSIFICATION, SHARE_COUNTS, LEGACY_ACCESS, APEX_CLASSES, FLOWS,
            EXTERNAL_SHARING, MEMBER_ACCESS);

    /** What the verdict reads, over the three kinds: the site's facts, the link, and the org's site inventory. */
    public static final Set<Fact> VERDICT = union(SITE_VERDICT, Set.of(CONTENT_DISTRIBUTION));

    /** Facts read only through the Metadata API ({@code --metadata}): without it they are unknown. */
    public static final Set<Fact> METADATA_ONLY = Set.of(SHARING_RULES, PUBLIC_ACCESS, EVENT_SETTINGS);

    private static Set<Fact> union(Set<Fact> a, Set<Fact> b) {
        java.util.Set<Fact> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private SalesforceFacts() {
    }
}
