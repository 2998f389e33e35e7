package dev.bucketguard.cloud.salesforce;

/**
 * Share rows giving the guest access to records of one object, counted ({@code SELECT COUNT() FROM XShare WHERE
 * UserOrGroupId = guest AND RowCause = ...}); never the rows themselves ({@link SalesforceFacts#SHARE_COUNTS}).
 * Salesforce may stop storing some share rows, so a count is evidence, not proof.
 *
 * @param object   the object, {@code Applicant__c}
 * @param rowCause {@code GuestRule} (a guest user sharing rule), {@code GuestParentImplicit} (Account, through
 *                 related records), or another cause (a legacy manual or Apex share)
 * @param count    the number of rows; null when this count could not be read ({@link #error()} says why)
 * @param error    why the count could not be read, naming the permission (reading the share object needs read
 *                 access to the object); null when read
 */
public record ShareCount(String object, String rowCause, Long count, String error) {
    public static final String GUEST_RULE = "GuestRule";
    public static final String GUEST_PARENT_IMPLICIT = "GuestParentImplicit";

    public ShareCount {
        Lists.require(object, "object");
        Lists.require(rowCause, "rowCause");
        if (count == null && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("share count of " + object + "/" + rowCause
                    + " has neither a count nor an error");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("share count of " + object + "/" + rowCause + " is negative");
        }
    }
}
