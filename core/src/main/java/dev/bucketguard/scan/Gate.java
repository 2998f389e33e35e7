package dev.bucketguard.scan;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.spi.Severity;

/**
 * Decides whether a report should stop a pipeline.
 *
 * <ul>
 *   <li>FAILED: a FAIL finding at or above the threshold that is neither suppressed nor in the baseline.</li>
 *   <li>INCOMPLETE (when failing on unknowns): nothing failed, but the scan could not read everything it needed:
 *       a scan error, a resource whose exposure is UNKNOWN, or an UNKNOWN finding at or above the threshold.</li>
 *   <li>PASSED otherwise.</li>
 * </ul>
 *
 * @param threshold     the lowest severity that fails; null for none ({@code --fail-on none})
 * @param failOnUnknown whether an incomplete scan is reported as INCOMPLETE rather than PASSED
 */
public record Gate(Severity threshold, boolean failOnUnknown) {

    /** What a gate decided. */
    public enum Outcome { PASSED, FAILED, INCOMPLETE }

    public Outcome evaluate(ScanReport report) {
        boolean failed = false;
        boolean incomplete = !report.errors().isEmpty();
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
        return incomplete && failOnUnknown ? Outcome.INCOMPLETE : Outcome.PASSED;
    }
}
