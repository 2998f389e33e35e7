package dev.bucketguard.spi;

import dev.bucketguard.forensics.ReadAudit;
import java.util.Objects;

/**
 * What a rule may read besides the resource and its exposure verdict: the resource's forensic-readiness answer, as
 * its cloud computed it, and the scan's parameters. The engine builds one per resource; rules that need it implement
 * {@link ContextualRule}.
 *
 * @param readAudit  whether reads of the resource are recorded, and for how long
 * @param parameters the scan's parameters, such as {@link ScanParameters#LOG_RETENTION_DAYS}
 */
public record RuleContext(ReadAudit readAudit, ScanParameters parameters) {
    /** Parameters at their defaults and the read audit not assessed: what a rule called without a scan sees. */
    public static final RuleContext NONE = new RuleContext(
            ReadAudit.notAssessed("the rule was called outside a scan"), ScanParameters.DEFAULTS);

    public RuleContext {
        Objects.requireNonNull(readAudit, "readAudit");
        Objects.requireNonNull(parameters, "parameters");
    }
}
