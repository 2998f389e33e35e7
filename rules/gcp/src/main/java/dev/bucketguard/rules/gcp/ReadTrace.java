package dev.bucketguard.rules.gcp;

import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnrecordedReads;

/** A read of the bucket's objects is recorded: usage logs, or Data Access audit logs that a sink keeps. */
@RuleDefinition(id = "gcp.storage.read-audit", severity = Severity.HIGH, provider = "gcp",
        reads = {"LOGGING", "DATA_ACCESS_AUDIT", "LOG_ROUTING"})
public final class ReadTrace extends UnrecordedReads {
    public ReadTrace() {
        super("this bucket");
    }
}
