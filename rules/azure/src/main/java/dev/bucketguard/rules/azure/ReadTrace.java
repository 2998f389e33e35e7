package dev.bucketguard.rules.azure;

import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnrecordedReads;

/** A read of the account's blobs is recorded: a diagnostic setting with StorageRead, or classic logging of reads. */
@RuleDefinition(id = "azure.storage.read-audit", severity = Severity.HIGH, provider = "azure",
        reads = {"LOGGING", "DIAGNOSTIC_SETTINGS"})
public final class ReadTrace extends UnrecordedReads {
    public ReadTrace() {
        super("this storage account");
    }
}
