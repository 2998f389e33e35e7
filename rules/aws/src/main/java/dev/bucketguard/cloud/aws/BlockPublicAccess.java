package dev.bucketguard.cloud.aws;

import java.util.function.Predicate;

/**
 * S3 Block Public Access at one level (account, bucket or access point). A level that is not configured is all
 * false ({@link #NONE}); a level that could not be read is not represented by this record at all (the resource
 * lists an {@link dev.bucketguard.model.Unknown} instead). {@link BlockPublicAccessLevels} combines the bucket and
 * account levels.
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

    /** One setting of the four, by its S3 name. */
    public boolean is(Setting s) {
        return s.reader.test(this);
    }

    /** The four Block Public Access settings, named as S3 names them. */
    public enum Setting {
        BLOCK_PUBLIC_ACLS("BlockPublicAcls", BlockPublicAccess::blockPublicAcls),
        IGNORE_PUBLIC_ACLS("IgnorePublicAcls", BlockPublicAccess::ignorePublicAcls),
        BLOCK_PUBLIC_POLICY("BlockPublicPolicy", BlockPublicAccess::blockPublicPolicy),
        RESTRICT_PUBLIC_BUCKETS("RestrictPublicBuckets", BlockPublicAccess::restrictPublicBuckets);

        private final String label;
        private final Predicate<BlockPublicAccess> reader;

        Setting(String label, Predicate<BlockPublicAccess> reader) {
            this.label = label;
            this.reader = reader;
        }

        /** The name S3 gives it: {@code RestrictPublicBuckets}. */
        public String label() {
            return label;
        }

        /** The setting at one level; null when that level could not be read. */
        public Boolean in(BlockPublicAccess level) {
            return level == null ? null : reader.test(level);
        }
    }
}
