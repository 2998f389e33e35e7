package dev.bucketguard.rules.aws;

import dev.bucketguard.model.BlockPublicAccess;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Public Access at bucket and account level as read, a level being null when it could not be read. A level
 * that was read but carries no record was not configured, so all its settings are off (SEMANTICS.md 1.2).
 */
record BlockPublicAccessLevels(BlockPublicAccess bucket, BlockPublicAccess account) {

    static BlockPublicAccessLevels of(Resource r) {
        return new BlockPublicAccessLevels(
                level(r, Fact.BLOCK_PUBLIC_ACCESS_BUCKET, r.guardrails().s3BucketBlockPublicAccess()),
                level(r, Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT, r.guardrails().s3AccountBlockPublicAccess()));
    }

    private static BlockPublicAccess level(Resource r, Fact fact, BlockPublicAccess value) {
        if (!r.knows(fact)) {
            return null;
        }
        return value == null ? BlockPublicAccess.NONE : value;
    }

    /**
     * The setting in effect: the most restrictive of the two levels (logical OR), three-valued: true when on at either
     * level, false when off at both, null otherwise.
     */
    Boolean effective(BlockPublicAccessSetting s) {
        Boolean b = s.in(bucket);
        Boolean a = s.in(account);
        if (Boolean.TRUE.equals(b) || Boolean.TRUE.equals(a)) {
            return true;
        }
        return b == null || a == null ? null : false;
    }

    /** "RestrictPublicBuckets is on at account", "… is off at bucket and account", "… could not be read at …". */
    String state(BlockPublicAccessSetting s) {
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        sort(s.in(bucket), "bucket", on, off, unread);
        sort(s.in(account), "account", on, off, unread);
        StringBuilder b = new StringBuilder(s.label());
        if (!on.isEmpty()) {
            b.append(" is on at ").append(String.join(" and ", on));
        } else if (!off.isEmpty()) {
            b.append(" is off at ").append(String.join(" and ", off));
        }
        if (!unread.isEmpty()) {
            b.append(on.isEmpty() && off.isEmpty() ? " could not be read at " : "; it could not be read at ")
                    .append(String.join(" and ", unread));
        }
        return b.toString();
    }

    /** "BlockPublicAcls: off at bucket, on at account, in effect on", for evidence. */
    String line(BlockPublicAccessSetting s) {
        Boolean e = effective(s);
        return s.label() + ": " + word(s.in(bucket)) + " at bucket, " + word(s.in(account)) + " at account, in effect "
                + word(e);
    }

    static String word(Boolean b) {
        return b == null ? "unknown" : b ? "on" : "off";
    }

    private static void sort(Boolean v, String level, List<String> on, List<String> off, List<String> unread) {
        (v == null ? unread : v ? on : off).add(level);
    }
}
