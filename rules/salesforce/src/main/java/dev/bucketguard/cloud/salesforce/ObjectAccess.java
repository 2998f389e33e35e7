package dev.bucketguard.cloud.salesforce;

import java.util.List;

/**
 * The guest's object permissions on one object, OR-ed over its union ({@link SalesforceFacts#OBJECT_PERMISSIONS}).
 *
 * @param object           the {@code SobjectType}, {@code Applicant__c}
 * @param read             {@code PermissionsRead}
 * @param create           {@code PermissionsCreate}
 * @param edit             {@code PermissionsEdit}
 * @param delete           {@code PermissionsDelete}
 * @param viewAllRecords   {@code PermissionsViewAllRecords}
 * @param modifyAllRecords {@code PermissionsModifyAllRecords}
 * @param sources          the profile and permission sets with a row for the object, sorted
 * @param lastModified     the latest {@code LastModifiedDate} of those rows (ISO-8601 instant): the exposure window
 *                         starts no later; null when not read
 */
public record ObjectAccess(
        String object,
        boolean read,
        boolean create,
        boolean edit,
        boolean delete,
        boolean viewAllRecords,
        boolean modifyAllRecords,
        List<String> sources,
        String lastModified) {

    public ObjectAccess {
        Lists.require(object, "object");
        sources = Lists.names(sources);
        lastModified = Lists.instant(lastModified, "lastModified");
    }

    /** A permission guests may no longer hold since Winter '21 (Edit, Delete, View All, Modify All). */
    public boolean forbidden() {
        return edit || delete || viewAllRecords || modifyAllRecords;
    }
}
