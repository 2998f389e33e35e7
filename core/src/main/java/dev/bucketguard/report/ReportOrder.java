package dev.bucketguard.report;

import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import java.util.Comparator;

/** Orders and facts that several formats share, so that they never disagree. */
final class ReportOrder {
    /**
     * Worst first, for people: the exposure verdict's rank, then the worst failing severity (a resource that fails
     * nothing comes after every one that does), then the reference.
     */
    static final Comparator<ResourceReport> WORST_FIRST = Comparator
            .comparingInt((ResourceReport r) -> r.verdict().exposure().rank())
            .thenComparingInt(ReportOrder::worstFailingRank)
            .thenComparing(r -> r.resource().ref());

    private ReportOrder() {
    }

    static int worstFailingRank(ResourceReport r) {
        return r.findings().stream().filter(f -> f.status() == FindingStatus.FAIL)
                .mapToInt(f -> f.severity().ordinal()).min().orElse(Severity.values().length);
    }

    /** The key manager, or UNKNOWN when encryption was not read: an unread setting is never reported as NONE. */
    static EncryptionState encryption(Resource r) {
        return r.encryption() == null ? EncryptionState.UNKNOWN : r.encryption().state();
    }

    /** True for the findings a report lists one by one even when it only counts passes. */
    static boolean notable(Finding f) {
        return f.status() != FindingStatus.PASS;
    }
}
