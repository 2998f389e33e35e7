package dev.bucketguard.scan;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Resource;
import java.util.Comparator;
import java.util.List;

/**
 * One resource with its verdict, its read audit and findings.
 *
 * @param resource  the resource as collected
 * @param verdict   its exposure verdict
 * @param readAudit whether reads of it are recorded, and for how long
 * @param findings  one finding per applicable rule, worst first, then by rule id
 */
public record ResourceReport(Resource resource, Verdict verdict, ReadAudit readAudit, List<Finding> findings) {

    /** Worst first: FAIL before UNKNOWN before SUPPRESSED before PASS, then severity, then rule id. */
    public static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing(Finding::status)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::ruleId);

    public ResourceReport {
        java.util.Objects.requireNonNull(readAudit, "readAudit");
        findings = findings.stream().sorted(FINDING_ORDER).toList();
    }

    /** A resource whose read audit was not assessed. */
    public ResourceReport(Resource resource, Verdict verdict, List<Finding> findings) {
        this(resource, verdict, ReadAudit.notAssessed("not assessed"), findings);
    }

    /** The most severe gating FAIL, or null. */
    public Finding worstFailure() {
        return findings.stream().filter(f -> f.status() == FindingStatus.FAIL).findFirst().orElse(null);
    }
}
