package dev.bucketguard.model;

/**
 * Versioning and retention.
 *
 * @param status          Enabled, Suspended, or null when never enabled
 * @param mfaDelete       S3 MFA delete; null when never set
 * @param retentionDays   a retention period in days (GCS retention policy, S3 Object Lock default); null when none
 * @param retentionLocked whether that retention is locked; null when none
 */
public record Versioning(String status, Boolean mfaDelete, Integer retentionDays, Boolean retentionLocked) {
    public static final Versioning NEVER_ENABLED = new Versioning(null, null, null, null);

    public boolean enabled() {
        return "Enabled".equalsIgnoreCase(status);
    }
}
