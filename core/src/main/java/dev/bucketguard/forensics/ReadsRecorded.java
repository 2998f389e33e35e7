package dev.bucketguard.forensics;

/** Whether a read of a resource would be recorded. */
public enum ReadsRecorded {
    /** At least one mechanism records reads of this resource. */
    YES,
    /** Every mechanism was read, and none records reads of this resource: a read leaves no trace. */
    NO,
    /** No mechanism is known to record reads, and a setting that could say so could not be read. */
    UNKNOWN,
    /** The question was not asked: its cloud does not answer it, or the selected rules did not need it read. */
    NOT_ASSESSED;

    /** Lower case with spaces, as the text report prints it: "not assessed". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
