package dev.bucketguard.cloud.aws;

import dev.bucketguard.forensics.Retention;
import java.util.Objects;

/**
 * A bucket that receives logs (a server access log target, a trail's bucket) with what decides how long it keeps
 * them.
 *
 * @param bucket      the destination bucket's name
 * @param prefix      the key prefix the logs are written under; "" for none
 * @param lifecycle   the destination's lifecycle expirations; null when it is outside the scan
 * @param outsideScan why its lifecycle was not read (it is not one of the scanned account's buckets); null when read
 */
public record LogDestination(String bucket, String prefix, Lifecycle lifecycle, String outsideScan) {
    public LogDestination {
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : prefix;
        if ((lifecycle == null) == (outsideScan == null)) {
            throw new IllegalArgumentException("a log destination has either its lifecycle or why it was not read");
        }
    }

    /** How long it keeps the logs under its prefix. */
    public Retention retention() {
        return lifecycle == null ? Retention.unknown(outsideScan) : lifecycle.retentionOf(prefix);
    }

    /** "bucket acct-logs, prefix uploads/". */
    public String describe() {
        return "bucket " + bucket + (prefix.isEmpty() ? "" : ", prefix " + prefix);
    }
}
