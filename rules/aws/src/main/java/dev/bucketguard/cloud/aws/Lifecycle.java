package dev.bucketguard.cloud.aws;

import dev.bucketguard.forensics.Retention;
import java.util.List;

/**
 * The lifecycle expirations of a bucket that receives logs, as read.
 *
 * @param expirations its enabled rules that expire current objects, in the bucket's order; empty when it has none
 *                    (NoSuchLifecycleConfiguration): then nothing expires its logs
 */
public record Lifecycle(List<Expiration> expirations) {
    /** A bucket without lifecycle configuration. */
    public static final Lifecycle NONE = new Lifecycle(List.of());

    public Lifecycle {
        expirations = expirations == null ? List.of() : List.copyOf(expirations);
    }

    /**
     * How long objects written under {@code keyPrefix} are kept: the shortest expiration of any rule that may reach one
     * of them (its prefix and the key prefix overlap, whatever further filter narrows it), since a log expired by one
     * rule is gone whatever another says; until deleted when no rule reaches them. A date expiration keeps nothing
     * past that date, so it counts as 0 days: the short side, never the comfortable one.
     */
    public Retention retentionOf(String keyPrefix) {
        String keys = keyPrefix == null ? "" : keyPrefix;
        Expiration shortest = null;
        int shortestDays = Integer.MAX_VALUE;
        for (Expiration e : expirations) {
            if (!(keys.startsWith(e.prefix()) || e.prefix().startsWith(keys))) {
                continue;
            }
            int d = e.days() == null ? 0 : e.days();
            if (d < shortestDays) {
                shortest = e;
                shortestDays = d;
            }
        }
        String where = keys.isEmpty() ? "every key" : "keys under '" + keys + "'";
        if (shortest == null) {
            return Retention.untilDeleted("no lifecycle rule expires " + where);
        }
        String how = shortest.days() != null ? "after " + shortest.days() + " days" : "on " + shortest.date();
        return Retention.days(shortestDays, shortest.describe() + " expires " + where + " " + how
                + (shortest.narrowed() ? " (some of them, by tag or size)" : ""));
    }
}
