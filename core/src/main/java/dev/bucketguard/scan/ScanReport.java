package dev.bucketguard.scan;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a scan: every resource with its verdict and findings, the errors that kept anything from being read,
 * and warnings (expired suppressions and the like). Resources are ordered by provider, account and id, so the same
 * input gives the same report.
 *
 * @param toolVersion the bucketguard version that made it
 * @param rules       the metadata of the rules that ran, by id
 * @param resources   the resources
 * @param errors      scan errors
 * @param warnings    notes for people, such as an expired suppression
 */
public record ScanReport(String toolVersion, List<RuleMetadata> rules, List<ResourceReport> resources,
                         List<ScanError> errors, List<String> warnings) {

    /** The version of the JSON report format: the major on any incompatible change, the minor on additions. */
    public static final String FORMAT_VERSION = "1.1";

    public ScanReport {
        rules = rules.stream().sorted(Comparator.comparing(RuleMetadata::id)).toList();
        resources = resources.stream().sorted(Comparator
                .comparing((ResourceReport r) -> r.resource().provider())
                .thenComparing(r -> r.resource().account())
                .thenComparing(r -> r.resource().id())).toList();
        errors = errors.stream().sorted(Comparator.comparing(ScanError::provider).thenComparing(ScanError::scope)
                .thenComparing(ScanError::message)).toList();
        warnings = List.copyOf(warnings);
    }

    public Summary summary() {
        Map<Exposure, Integer> exposure = new EnumMap<>(Exposure.class);
        Map<FindingStatus, Integer> status = new EnumMap<>(FindingStatus.class);
        Map<Severity, Integer> failing = new EnumMap<>(Severity.class);
        for (Exposure e : Exposure.values()) {
            exposure.put(e, 0);
        }
        for (FindingStatus s : FindingStatus.values()) {
            status.put(s, 0);
        }
        for (Severity s : Severity.values()) {
            failing.put(s, 0);
        }
        int noTrace = 0;
        int noTraceExposed = 0;
        for (ResourceReport r : resources) {
            exposure.merge(r.verdict().exposure(), 1, Integer::sum);
            if (r.readAudit().leavesNoTrace()) {
                noTrace++;
                if (r.verdict().exposure() == Exposure.PUBLIC || r.verdict().exposure() == Exposure.CROSS_ACCOUNT) {
                    noTraceExposed++;
                }
            }
            for (Finding f : r.findings()) {
                status.merge(f.status(), 1, Integer::sum);
                if (f.status() == FindingStatus.FAIL) {
                    failing.merge(f.severity(), 1, Integer::sum);
                }
            }
        }
        return new Summary(resources.size(), exposure, status, failing, errors.size(), noTrace, noTraceExposed);
    }

    /**
     * Counts for the report's summary.
     *
     * @param resources the number of resources
     * @param exposure  resources by verdict
     * @param findings  findings by status
     * @param failuresBySeverity failing findings by severity
     * @param errors    scan errors
     * @param readsUnrecorded        resources whose reads would leave no trace (read audit NO)
     * @param readsUnrecordedExposed those of them that are PUBLIC or CROSS_ACCOUNT
     */
    public record Summary(int resources, Map<Exposure, Integer> exposure, Map<FindingStatus, Integer> findings,
                          Map<Severity, Integer> failuresBySeverity, int errors, int readsUnrecorded,
                          int readsUnrecordedExposed) {
    }
}
