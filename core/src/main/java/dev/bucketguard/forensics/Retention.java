package dev.bucketguard.forensics;

import java.util.Objects;

/**
 * How long a record of a read is kept where it is delivered.
 *
 * @param kind   DAYS, UNTIL_DELETED (nothing expires it) or UNKNOWN (not readable, or outside the scan)
 * @param days   the number of days for DAYS; null otherwise
 * @param reason one sentence saying what decided it: "lifecycle rule 'expire-logs' expires logs/ after 30 days"
 */
public record Retention(Kind kind, Integer days, String reason) {

    /** The three kinds of answer. */
    public enum Kind { DAYS, UNTIL_DELETED, UNKNOWN }

    public Retention {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if ((kind == Kind.DAYS) != (days != null)) {
            throw new IllegalArgumentException("days is given exactly when the kind is DAYS");
        }
        if (days != null && days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
    }

    public static Retention days(int days, String reason) {
        return new Retention(Kind.DAYS, days, reason);
    }

    public static Retention untilDeleted(String reason) {
        return new Retention(Kind.UNTIL_DELETED, null, reason);
    }

    public static Retention unknown(String reason) {
        return new Retention(Kind.UNKNOWN, null, reason);
    }

    /** Whether records are kept at least {@code requiredDays}; null when that is not known. */
    public Boolean covers(int requiredDays) {
        return switch (kind) {
            case DAYS -> days >= requiredDays;
            case UNTIL_DELETED -> true;
            case UNKNOWN -> null;
        };
    }

    /** "kept 30 days", "kept until deleted", "kept for an unknown time (the reason)". */
    public String describe() {
        return switch (kind) {
            case DAYS -> "kept " + days + (days == 1 ? " day" : " days");
            case UNTIL_DELETED -> "kept until deleted";
            case UNKNOWN -> "kept for an unknown time (" + reason + ")";
        };
    }
}
