package dev.bucketguard.forensics;

import dev.bucketguard.exposure.Tri;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Objects;

/**
 * The forensic-readiness answer of one resource: would a read of it be recorded, by which mechanisms, for how long,
 * and why. Never NO when a setting that could record reads could not be read: that is UNKNOWN, with the setting in
 * {@link #unread()} naming the call and the permission.
 *
 * @param recorded YES, NO, UNKNOWN or NOT_ASSESSED
 * @param trails   the mechanisms that record reads of this resource, in the cloud's order; empty unless YES
 * @param reasons  what decided it, one sentence each: "server access logging off"
 * @param unread   the settings that could not be read, each with its call and permission
 */
public record ReadAudit(ReadsRecorded recorded, List<AuditTrail> trails, List<String> reasons,
                        List<Unknown> unread) {
    public ReadAudit {
        Objects.requireNonNull(recorded, "recorded");
        trails = trails == null ? List.of() : List.copyOf(trails);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        unread = unread == null ? List.of() : List.copyOf(unread);
        if ((recorded == ReadsRecorded.YES) == trails.isEmpty()) {
            throw new IllegalArgumentException("a read audit names its trails exactly when reads are recorded");
        }
    }

    /** The question was not asked of this resource, for the given reason. */
    public static ReadAudit notAssessed(String reason) {
        return new ReadAudit(ReadsRecorded.NOT_ASSESSED, List.of(), List.of(reason), List.of());
    }

    /**
     * The answer from what each mechanism showed: YES when a trail records reads; otherwise UNKNOWN when a setting
     * was unread, else NO.
     */
    public static ReadAudit of(List<AuditTrail> trails, List<String> reasons, List<Unknown> unread) {
        ReadsRecorded r = !trails.isEmpty() ? ReadsRecorded.YES
                : unread.isEmpty() ? ReadsRecorded.NO : ReadsRecorded.UNKNOWN;
        return new ReadAudit(r, trails, reasons, unread);
    }

    /** True when a read would leave no trace (NO, not UNKNOWN). */
    public boolean leavesNoTrace() {
        return recorded == ReadsRecorded.NO;
    }

    /**
     * The longest retention of the trails: UNTIL_DELETED when one keeps records until deleted, UNKNOWN when one's is
     * not known (it may be the longest), otherwise the most days; null when no trail records reads.
     */
    public Retention retention() {
        Retention best = null;
        for (AuditTrail t : trails) {
            Retention r = t.retention();
            if (best == null || rank(r) > rank(best)
                    || (r.kind() == Retention.Kind.DAYS && best.kind() == Retention.Kind.DAYS && r.days() > best.days())) {
                best = r;
            }
        }
        return best;
    }

    private static int rank(Retention r) {
        return switch (r.kind()) {
            case DAYS -> 0;
            case UNKNOWN -> 1;
            case UNTIL_DELETED -> 2;
        };
    }

    /**
     * Whether some record of a read would be kept at least {@code requiredDays}: false when reads leave no trace or
     * every trail keeps them for less; null when it is not known (an unknown retention, an unread setting that might
     * record reads, or not assessed).
     */
    public Boolean retainedFor(int requiredDays) {
        if (recorded == ReadsRecorded.NO) {
            return false;
        }
        if (recorded == ReadsRecorded.NOT_ASSESSED) {
            return null;
        }
        Boolean any = false;
        for (AuditTrail t : trails) {
            any = Tri.or(any, t.retention().covers(requiredDays));
        }
        return Tri.isFalse(any) && (recorded == ReadsRecorded.UNKNOWN || !unread.isEmpty()) ? null : any;
    }

    /** The reasons and then each unread setting, one line each: what the text report prints in brackets. */
    public List<String> explanation() {
        List<String> out = new java.util.ArrayList<>(reasons);
        unread.forEach(u -> out.add(u.describe()));
        return out;
    }
}
