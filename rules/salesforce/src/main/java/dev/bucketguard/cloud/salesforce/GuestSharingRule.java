package dev.bucketguard.cloud.salesforce;

/**
 * A guest user sharing rule ({@code SharingRules.sharingGuestRules}, Metadata API; {@link SalesforceFacts#SHARING_RULES}).
 *
 * @param object                 the object it shares
 * @param name                   its full name
 * @param label                  its label
 * @param criteria               the criteria, as text ({@code Status__c equals Submitted}); null when none
 * @param accessLevel            {@code Read} (the only level guests can get)
 * @param includeHvuOwnedRecords {@code includeHVUOwnedRecords}: records owned by high-volume users are shared too
 */
public record GuestSharingRule(String object, String name, String label, String criteria, String accessLevel,
                               boolean includeHvuOwnedRecords) {
    public GuestSharingRule {
        Lists.require(object, "object");
        Lists.require(name, "name");
    }
}
