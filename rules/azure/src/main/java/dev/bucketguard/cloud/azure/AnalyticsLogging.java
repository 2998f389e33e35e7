package dev.bucketguard.cloud.azure;

/**
 * Classic Storage Analytics logging of the blob service, to the account's {@code $logs} container
 * ({@link AzureFacts#LOGGING}).
 *
 * @param read                 read requests are logged
 * @param write                write requests are logged
 * @param delete               delete requests are logged
 * @param retentionPolicyDays  the days the retention policy keeps the logs; null when the policy is off, so that
 *                             nothing deletes them
 */
public record AnalyticsLogging(boolean read, boolean write, boolean delete, Integer retentionPolicyDays) {
    public static final AnalyticsLogging OFF = new AnalyticsLogging(false, false, false, null);
}
