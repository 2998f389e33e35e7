package dev.bucketguard.scan;

import dev.bucketguard.spi.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One rule's answer for one resource.
 *
 * @param ruleId      the rule's stable id
 * @param title       the rule's title
 * @param severity    the rule's severity
 * @param status      FAIL, UNKNOWN, SUPPRESSED or PASS
 * @param message     one sentence for people
 * @param evidence    the facts behind it
 * @param suppression the suppression that covers it (status SUPPRESSED), else null
 * @param baselined   true when the same failing finding is in the baseline report: it does not gate
 */
public record Finding(String ruleId, String title, Severity severity, FindingStatus status, String message,
                      List<String> evidence, Suppression suppression, boolean baselined) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, title, severity, FindingStatus.SUPPRESSED, message, evidence, s, baselined);
    }

    public Finding asBaselined() {
        return new Finding(ruleId, title, severity, status, message, evidence, suppression, true);
    }

    /** True for a FAIL that is neither suppressed nor in the baseline: the findings a gate counts. */
    public boolean gates() {
        return status == FindingStatus.FAIL && !baselined;
    }
}
