package dev.bucketguard.scan;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.spi.Severity;

/**
 * Decides whether a report should stop a pipeline.
 *
 * <ul>
 *   <li>FAILED: a FAIL finding at or above the threshold that is neither suppressed nor in the baseline.</li>
 *   <li>INCOMPLETE: nothing failed, but the scan could not read everything it needed. A scan error (a listing
 *       that failed, an account that could not be read, a resource the reader refused) always counts: what was
 *       never read cannot be waved through. A resource whose exposure is UNKNOWN, or an UNKNOWN finding at or
 *       above the threshold, counts only when failing on unknowns.</li>
 *   <li>PASSED otherwise.</li>
 * </ul>
 *
 * @param threshold     the lowest severity that fails; null for none ({@code --fail-on none})
 * @param failOnUnknown whether UNKNOWN verdicts and findings make the scan INCOMPLETE rather than PASSED
 */
public record Gate(Severity threshold, boolean failOnUnknown) {

    /** What a gate decided. */
    public enum Outcome { PASSED, FAILED, INCOMPLETE }

    public Outcome evaluate(ScanReport report) {
        boolean failed = false;
        boolean unread = !report.errors().isEmpty();
        boolean incomplete = false;
        for (ResourceReport r : report.resources()) {
            if (r.verdict().exposure() == Exposure.UNKNOWN) {
                incomplete = true;
            }
            for (Finding f : r.findings()) {
                boolean counts = threshold != null && f.severity().atLeast(threshold);
                if (counts && f.gates()) {
                    failed = true;
                }
                if (counts && f.status() == FindingStatus.UNKNOWN) {
                    incomplete = true;
                }
            }
        }
        if (failed) {
            return Outcome.FAILED;
        }
        return unread || (incomplete && failOnUnknown) ? Outcome.INCOMPLETE : Outcome.PASSED;
    }
}
