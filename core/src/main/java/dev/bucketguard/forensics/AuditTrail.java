package dev.bucketguard.forensics;

import java.util.Objects;

/**
 * One mechanism that records reads of a resource, where it delivers them and how long they are kept there.
 *
 * @param mechanism   the cloud's name for it, with its own name where it has one: "server access logging",
 *                    "trail 'org-trail'"
 * @param destination where the records go, in the cloud's words ("bucket acct-logs, prefix uploads/"); null when
 *                    it could not be read
 * @param retention   how long they are kept there
 */
public record AuditTrail(String mechanism, String destination, Retention retention) {
    public AuditTrail {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(retention, "retention");
    }

    /** "server access logging to bucket acct-logs, kept 30 days". */
    public String describe() {
        return mechanism + (destination == null ? "" : " to " + destination) + ", " + retention.describe();
    }
}
