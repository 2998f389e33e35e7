package dev.bucketguard.rules.aws;

import dev.bucketguard.model.BlockPublicAccess;
import java.util.function.Predicate;

/** The four Block Public Access settings, named as S3 names them. */
enum BlockPublicAccessSetting {
    BLOCK_PUBLIC_ACLS("BlockPublicAcls", BlockPublicAccess::blockPublicAcls),
    IGNORE_PUBLIC_ACLS("IgnorePublicAcls", BlockPublicAccess::ignorePublicAcls),
    BLOCK_PUBLIC_POLICY("BlockPublicPolicy", BlockPublicAccess::blockPublicPolicy),
    RESTRICT_PUBLIC_BUCKETS("RestrictPublicBuckets", BlockPublicAccess::restrictPublicBuckets);

    private final String label;
    private final Predicate<BlockPublicAccess> reader;

    BlockPublicAccessSetting(String label, Predicate<BlockPublicAccess> reader) {
        this.label = label;
        this.reader = reader;
    }

    String label() {
        return label;
    }

    /** The setting at one level; null when that level could not be read. */
    Boolean in(BlockPublicAccess level) {
        return level == null ? null : reader.test(level);
    }
}
