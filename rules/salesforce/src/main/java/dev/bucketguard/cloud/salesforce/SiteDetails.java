package dev.bucketguard.cloud.salesforce;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What Salesforce knows about one site (kind {@code SITE}): its settings, its guest user and that user's access. Each
 * component belongs to one {@link SalesforceFacts} fact; a non-list component is non-null exactly when the resource
 * knows its fact, and the lists are never null (whether they were read is {@code Resource.knows} of their fact).
 *
 * @param settings          the {@code Site} and {@code Network} rows ({@link SalesforceFacts#SITES})
 * @param guest             the guest user and its permission sets ({@link SalesforceFacts#GUEST_USER})
 * @param systemPermissions the guest's system permissions that are on ({@link SalesforceFacts#SYSTEM_PERMISSIONS})
 * @param objects           object permissions, one per object with a row ({@link SalesforceFacts#OBJECT_PERMISSIONS})
 * @param fields            field permissions with Read or Edit, with their classification
 *                          ({@link SalesforceFacts#FIELD_PERMISSIONS}, {@link SalesforceFacts#FIELD_CLASSIFICATION})
 * @param sharingRules      guest user sharing rules ({@link SalesforceFacts#SHARING_RULES}, Metadata API)
 * @param shareCounts       share rows to the guest, counted per object and cause ({@link SalesforceFacts#SHARE_COUNTS})
 * @param legacyRecords     records owned by or shared to the guest before enforcement ({@link SalesforceFacts#LEGACY_ACCESS})
 * @param groupMemberships  public groups and queues the guest belongs to ({@link SalesforceFacts#LEGACY_ACCESS})
 * @param apexClasses       guest-callable Apex classes ({@link SalesforceFacts#APEX_CLASSES})
 * @param flows             guest-runnable flows ({@link SalesforceFacts#FLOWS})
 * @param externalSharing   org-wide defaults of the objects involved ({@link SalesforceFacts#EXTERNAL_SHARING})
 * @param members           what logged-in members and self-registration read ({@link SalesforceFacts#MEMBER_ACCESS})
 * @param publicAccess      Experience Builder's public access ({@link SalesforceFacts#PUBLIC_ACCESS}, Metadata API)
 */
public record SiteDetails(
        SiteSettings settings,
        GuestUser guest,
        List<SystemPermission> systemPermissions,
        List<ObjectAccess> objects,
        List<FieldAccess> fields,
        List<GuestSharingRule> sharingRules,
        List<ShareCount> shareCounts,
        List<LegacyRecords> legacyRecords,
        List<String> groupMemberships,
        List<ApexClassAccess> apexClasses,
        List<FlowAccess> flows,
        List<ExternalSharing> externalSharing,
        MemberAccess members,
        PublicAccess publicAccess) {

    public static final SiteDetails UNREAD = new SiteDetails(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public SiteDetails {
        systemPermissions = Lists.sorted(systemPermissions, Comparator.comparing(SystemPermission::name));
        objects = Lists.sorted(objects, Comparator.comparing(ObjectAccess::object));
        fields = Lists.sorted(fields, Comparator.comparing(FieldAccess::object).thenComparing(FieldAccess::field));
        sharingRules = Lists.sorted(sharingRules,
                Comparator.comparing(GuestSharingRule::object).thenComparing(GuestSharingRule::name));
        shareCounts = Lists.sorted(shareCounts,
                Comparator.comparing(ShareCount::object).thenComparing(ShareCount::rowCause));
        legacyRecords = Lists.sorted(legacyRecords, Comparator.comparing(LegacyRecords::object));
        groupMemberships = Lists.names(groupMemberships);
        apexClasses = Lists.sorted(apexClasses, Comparator.comparing(ApexClassAccess::name));
        flows = Lists.sorted(flows, Comparator.comparing(FlowAccess::name));
        externalSharing = Lists.sorted(externalSharing, Comparator.comparing(ExternalSharing::object));
    }

    /** The guest's object permissions on {@code object}, if it has a row. */
    public Optional<ObjectAccess> object(String object) {
        return objects.stream().filter(o -> o.object().equals(object)).findFirst();
    }

    /** The fields of {@code object} the guest may read. */
    public List<FieldAccess> readableFields(String object) {
        return fields.stream().filter(f -> f.object().equals(object) && f.read()).toList();
    }

    /** The external sharing default of {@code object}, if read. */
    public Optional<ExternalSharing> externalSharing(String object) {
        return externalSharing.stream().filter(e -> e.object().equals(object)).findFirst();
    }

    /** True when the guest holds this system permission. */
    public boolean holds(String permission) {
        return systemPermissions.stream().anyMatch(p -> p.name().equals(permission));
    }

    /** The system permission, if held. */
    public Optional<SystemPermission> systemPermission(String permission) {
        return systemPermissions.stream().filter(p -> p.name().equals(permission)).findFirst();
    }
}
