package dev.bucketguard.rules.gcp;

import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.ShortLogRetention;

/** The records of reads of the bucket's objects are kept at least --log-retention-days. */
@RuleDefinition(id = "gcp.storage.log-retention", severity = Severity.MEDIUM, provider = "gcp",
        reads = {"LOGGING", "DATA_ACCESS_AUDIT", "LOG_ROUTING"})
public final class LogRetention extends ShortLogRetention {
    public LogRetention() {
        super("this bucket");
    }
}
