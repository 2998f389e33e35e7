package dev.bucketguard.cloud.salesforce;

/**
 * Records of one object the guest owns, or that were shared to it manually or by Apex before enforcement; they stay
 * visible until cleaned up ({@link SalesforceFacts#LEGACY_ACCESS}). Counts only.
 *
 * @param object the object
 * @param owned  records with {@code OwnerId} = the guest; null when not read
 * @param shared share rows to the guest with a cause other than {@code GuestRule}; null when not read
 * @param error  why a count could not be read, naming the permission; null when both were read
 */
public record LegacyRecords(String object, Long owned, Long shared, String error) {
    public LegacyRecords {
        Lists.require(object, "object");
        if ((owned == null || shared == null) && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("legacy records of " + object + " miss a count and give no error");
        }
    }

    /** True when a record is owned by or shared to the guest; null when that could not be read. */
    public Boolean any() {
        if ((owned != null && owned > 0) || (shared != null && shared > 0)) {
            return true;
        }
        return owned == null || shared == null ? null : false;
    }
}
