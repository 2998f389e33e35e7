package dev.bucketguard.spi;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Resource;
import java.util.List;

/**
 * A ready-made rule on the resource's read audit: fails when a read would leave no trace, at the rule's severity when
 * the resource is PUBLIC, CROSS_ACCOUNT or UNKNOWN (it may be exposed), one step lower when it is PRIVATE; UNKNOWN when
 * the read audit is. Each cloud subclasses it with its own id and prose, as with {@link PublicVerdict}.
 */
public abstract class UnrecordedReads implements ContextualRule {
    private final String noun;

    /** @param noun what is read, for messages: "this bucket", "this storage account" */
    protected UnrecordedReads(String noun) {
        this.noun = noun;
    }

    @Override
    public final Outcome evaluate(Resource resource, Verdict verdict, RuleContext context) {
        ReadAudit audit = context.readAudit();
        List<String> why = audit.explanation();
        String because = why.isEmpty() ? "" : ": " + String.join("; ", why);
        Outcome o = switch (audit.recorded()) {
            case YES -> Outcome.pass("reads of " + noun + " are recorded by " + String.join(" and ",
                    audit.trails().stream().map(AuditTrail::mechanism).toList()),
                    audit.trails().stream().map(AuditTrail::describe).toArray(String[]::new));
            case NO -> Outcome.fail("a read of " + noun + " would leave no trace" + because, why);
            case UNKNOWN -> Outcome.unknown("whether reads of " + noun + " are recorded could not be read" + because,
                    why);
            case NOT_ASSESSED -> Outcome.unknown("whether reads of " + noun + " are recorded was not assessed"
                    + because, why);
        };
        return verdict.exposure() == Exposure.PRIVATE ? o.withSeverity(lower(metadata().severity())) : o;
    }

    private static Severity lower(Severity s) {
        return s == Severity.INFO ? s : Severity.values()[s.ordinal() + 1];
    }
}
