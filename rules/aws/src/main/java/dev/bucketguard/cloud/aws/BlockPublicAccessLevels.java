package dev.bucketguard.cloud.aws;

import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;

/**
 * Block Public Access at bucket and account level, combined the way S3 combines them: a setting is in effect when it
 * is on at either level ({@code docs/exposure.md}). A level is null when it could not be read; a level that was
 * read and never configured is {@link BlockPublicAccess#NONE}. The verdict and the rules both combine the levels here.
 *
 * @param bucket  bucket level; null when unread
 * @param account account level; null when unread
 */
public record BlockPublicAccessLevels(BlockPublicAccess bucket, BlockPublicAccess account) {

    /** The levels of a bucket as read. */
    public static BlockPublicAccessLevels of(Resource r) {
        S3Bucket b = S3Bucket.of(r);
        return new BlockPublicAccessLevels(
                level(r, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, b.bucketBlockPublicAccess()),
                level(r, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, b.accountBlockPublicAccess()));
    }

    private static BlockPublicAccess level(Resource r, Fact fact, BlockPublicAccess value) {
        return r.knows(fact) ? value : null;
    }

    /** The setting at bucket level; null when unread. */
    public Boolean atBucket(BlockPublicAccess.Setting s) {
        return s.in(bucket);
    }

    /** The setting at account level; null when unread. */
    public Boolean atAccount(BlockPublicAccess.Setting s) {
        return s.in(account);
    }

    /**
     * The setting in effect, three-valued: true when on at either level, false when off at both, null otherwise (a
     * level that could decide could not be read).
     */
    public Boolean effective(BlockPublicAccess.Setting s) {
        Boolean b = s.in(bucket);
        Boolean a = s.in(account);
        if (Boolean.TRUE.equals(b) || Boolean.TRUE.equals(a)) {
            return true;
        }
        return b == null || a == null ? null : false;
    }

    /** "RestrictPublicBuckets is on at account", "… is off at bucket and account", "… could not be read at …". */
    public String state(BlockPublicAccess.Setting s) {
        return VerdictBuilder.state(s.label(), s.in(bucket), s.in(account), "bucket", "account");
    }

    /** "BlockPublicAcls: off at bucket, on at account, in effect on", for evidence. */
    public String line(BlockPublicAccess.Setting s) {
        return s.label() + ": " + word(s.in(bucket)) + " at bucket, " + word(s.in(account)) + " at account, in effect "
                + word(effective(s));
    }

    /** "on", "off" or "unknown". */
    public static String word(Boolean b) {
        return b == null ? "unknown" : b ? "on" : "off";
    }
}
