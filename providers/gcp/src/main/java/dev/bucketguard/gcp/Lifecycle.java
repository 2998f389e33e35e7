package dev.bucketguard.gcp;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo.LifecycleRule;
import com.google.cloud.storage.Storage;
import dev.bucketguard.forensics.Retention;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a storage bucket keeps the objects under a prefix (usage logs, or logs a sink writes there): the shortest
 * age of its lifecycle rules that delete live objects under that prefix. Each bucket's rules are read once in a scan,
 * however many buckets log to it under however many prefixes.
 */
final class Lifecycle {
    static final String CALL = "buckets.get";
    static final String PERMISSION = "storage.buckets.get";

    private final Storage storage;
    private final Map<String, Rules> read = new ConcurrentHashMap<>();

    /** A bucket's lifecycle rules, or why they could not be read. */
    private record Rules(List<? extends LifecycleRule> rules, Retention unreadable) {
    }

    Lifecycle(Storage storage) {
        this.storage = storage;
    }

    /** How long {@code bucket} keeps objects under {@code prefix}; unknown, with the permission, when unreadable. */
    Retention retention(String bucket, String prefix) {
        Rules r = read.computeIfAbsent(bucket, this::rules);
        return r.unreadable() != null ? r.unreadable() : of(bucket, r.rules(), prefix);
    }

    private Rules rules(String bucket) {
        Bucket b;
        try {
            b = storage.get(bucket, Storage.BucketGetOption.fields(Storage.BucketField.LIFECYCLE,
                    Storage.BucketField.NAME));
        } catch (RuntimeException e) {
            return new Rules(null, Retention.unknown("the lifecycle of bucket '" + bucket + "': "
                    + AuditLogReader.failure(CALL, PERMISSION, e)));
        }
        if (b == null) {
            return new Rules(null, Retention.unknown("bucket '" + bucket + "' was not found (" + CALL
                    + " answered 404)"));
        }
        return new Rules(b.getLifecycleRules(), null);
    }

    /**
     * The retention the rules give objects under the prefix: the shortest {@code age} of a Delete rule for live
     * objects whose prefixes reach it; unknown when such a rule deletes by another condition (a date, a custom time, a
     * storage class alone), which bucketguard does not evaluate; until deleted when none does.
     */
    static Retention of(String bucket, List<? extends LifecycleRule> rules, String prefix) {
        Integer shortest = null;
        boolean unclear = false;
        for (LifecycleRule rule : rules == null ? List.<LifecycleRule>of() : rules) {
            if (rule.getAction() == null || !"Delete".equals(rule.getAction().getActionType())) {
                continue;
            }
            var c = rule.getCondition();
            if (c == null || Boolean.FALSE.equals(c.getIsLive()) || c.getNumberOfNewerVersions() != null
                    || c.getDaysSinceNoncurrentTime() != null || c.getNoncurrentTimeBeforeOffsetDateTime() != null
                    || !reaches(c.getMatchesPrefix(), prefix)) {
                continue;
            }
            if (c.getAge() != null) {
                shortest = shortest == null ? c.getAge() : Math.min(shortest, c.getAge());
            } else {
                unclear = true;
            }
        }
        if (unclear) {
            return Retention.unknown("a lifecycle Delete rule of bucket '" + bucket + "' deletes by a condition"
                    + " other than age, which bucketguard does not evaluate");
        }
        return shortest == null ? Retention.untilDeleted("no lifecycle rule of bucket '" + bucket + "' deletes them")
                : Retention.days(shortest, "a lifecycle rule of bucket '" + bucket + "' deletes them after "
                + shortest + " days");
    }

    /** True when a rule limited to these prefixes (none: every object) can delete objects under {@code prefix}. */
    static boolean reaches(List<String> prefixes, String prefix) {
        if (prefixes == null || prefixes.isEmpty()) {
            return true;
        }
        return prefixes.stream().anyMatch(p -> prefix.startsWith(p) || p.startsWith(prefix));
    }
}
