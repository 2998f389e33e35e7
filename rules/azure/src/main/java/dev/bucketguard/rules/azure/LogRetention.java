package dev.bucketguard.rules.azure;

import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.ShortLogRetention;

/** The records of reads of the account's blobs are kept at least --log-retention-days. */
@RuleDefinition(id = "azure.storage.log-retention", severity = Severity.MEDIUM, provider = "azure",
        reads = {"LOGGING", "DIAGNOSTIC_SETTINGS"})
public final class LogRetention extends ShortLogRetention {
    public LogRetention() {
        super("this storage account");
    }
}
