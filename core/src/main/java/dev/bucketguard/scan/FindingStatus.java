package dev.bucketguard.scan;

/** The status of one rule on one resource. */
public enum FindingStatus {
    /** The rule failed. */
    FAIL,
    /** The rule could not decide because a fact it needs could not be read. */
    UNKNOWN,
    /** A suppression with a reason covers a failing or unknown finding. */
    SUPPRESSED,
    /** The rule passed. */
    PASS
}
