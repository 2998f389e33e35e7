package dev.bucketguard.cloud.aws;

/**
 * S3 Block Public Access at one level (account, bucket or access point). A level that is not configured is all
 * false ({@link #NONE}); a level that could not be read is not represented by this record at all (the resource
 * lists an {@link Unknown} instead).
 */
public record BlockPublicAccess(
        boolean blockPublicAcls,
        boolean ignorePublicAcls,
        boolean blockPublicPolicy,
        boolean restrictPublicBuckets) {

    /** Not configured: every flag off. */
    public static final BlockPublicAccess NONE = new BlockPublicAccess(false, false, false, false);
    /** All four flags on. */
    public static final BlockPublicAccess ALL = new BlockPublicAccess(true, true, true, true);

    public boolean allOn() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }
}
