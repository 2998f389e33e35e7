package dev.bucketguard.scan;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import java.util.Comparator;
import java.util.List;

/**
 * One resource with its verdict and findings.
 *
 * @param resource   the resource as collected
 * @param verdict its exposure verdict
 * @param findings   one finding per applicable rule, worst first, then by rule id
 */
public record ResourceReport(Resource resource, Verdict verdict, List<Finding> findings) {

    /** Worst first: FAIL before UNKNOWN before SUPPRESSED before PASS, then severity, then rule id. */
    public static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing(Finding::status)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::ruleId);

    public ResourceReport {
        findings = findings.stream().sorted(FINDING_ORDER).toList();
    }

    /** The most severe gating FAIL, or null. */
    public Finding worstFailure() {
        return findings.stream().filter(f -> f.status() == FindingStatus.FAIL).findFirst().orElse(null);
    }
}
