package dev.bucketguard.cloud.salesforce;

import java.util.List;

/**
 * The guest's field-level security on one field ({@link SalesforceFacts#FIELD_PERMISSIONS}), with the field's
 * classification ({@link SalesforceFacts#FIELD_CLASSIFICATION}).
 *
 * @param object         the object, {@code Applicant__c}
 * @param field          the field's API name without the object, {@code BirthDate__c}
 * @param read           {@code PermissionsRead} (or a non-permissionable field, readable with the object ⚠)
 * @param edit           {@code PermissionsEdit}
 * @param sources        the profile and permission sets granting it, sorted
 * @param classification the field's classification; null when it was not read
 */
public record FieldAccess(
        String object,
        String field,
        boolean read,
        boolean edit,
        List<String> sources,
        FieldClassification classification) {

    public FieldAccess {
        Lists.require(object, "object");
        Lists.require(field, "field");
        sources = Lists.names(sources);
    }
}
