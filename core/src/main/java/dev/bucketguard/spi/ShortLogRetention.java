package dev.bucketguard.spi;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Resource;
import java.util.List;

/**
 * A ready-made rule on the resource's read audit and {@link ScanParameters#LOG_RETENTION_DAYS}: passes when some
 * record of a read is kept at least that long, fails when none is (or reads are not recorded at all), and is UNKNOWN
 * when a retention or a setting could not be read or the destination is outside the scan.
 */
public abstract class ShortLogRetention implements ContextualRule {
    private final String noun;

    /** @param noun what is read, for messages: "this bucket", "this storage account" */
    protected ShortLogRetention(String noun) {
        this.noun = noun;
    }

    @Override
    public final Outcome evaluate(Resource resource, Verdict verdict, RuleContext context) {
        ReadAudit audit = context.readAudit();
        int days = context.parameters().get(ScanParameters.LOG_RETENTION_DAYS);
        List<String> evidence = new java.util.ArrayList<>();
        for (AuditTrail t : audit.trails()) {
            evidence.add(t.describe() + (t.retention().kind() == Retention.Kind.UNKNOWN ? ""
                    : ": " + t.retention().reason()));
        }
        evidence.addAll(audit.explanation());
        String required = "the required " + days + (days == 1 ? " day" : " days") + " (--log-retention-days)";
        Boolean kept = audit.retainedFor(days);
        if (kept == null) {
            List<String> why = new java.util.ArrayList<>(audit.trails().stream().map(AuditTrail::retention)
                    .filter(r -> r.kind() == Retention.Kind.UNKNOWN).map(Retention::reason).toList());
            why.addAll(audit.explanation());
            return Outcome.unknown("whether records of reads of " + noun + " are kept " + required
                    + " could not be read" + (why.isEmpty() ? "" : ": " + String.join("; ", why)), evidence);
        }
        if (kept) {
            AuditTrail longEnough = audit.trails().stream()
                    .filter(t -> Boolean.TRUE.equals(t.retention().covers(days))).findFirst().orElseThrow();
            return Outcome.pass(longEnough.mechanism() + " keeps records of reads of " + noun + " "
                    + longEnough.retention().describe().substring("kept ".length()) + ", at least " + required,
                    evidence.toArray(String[]::new));
        }
        if (audit.recorded() == ReadsRecorded.NO) {
            return Outcome.fail("no record of a read of " + noun + " is kept at all, against " + required, evidence);
        }
        return Outcome.fail("records of reads of " + noun + " are " + audit.retention().describe() + ", less than "
                + required, evidence);
    }
}
