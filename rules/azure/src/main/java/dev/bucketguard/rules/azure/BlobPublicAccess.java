package dev.bucketguard.rules.azure;

import dev.bucketguard.spi.PublicVerdict;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The exposure verdict of an Azure storage account: PUBLIC fails, UNKNOWN stays UNKNOWN. */
@RuleDefinition(
        id = "azure.blob.public-access",
        severity = Severity.CRITICAL,
        provider = "azure",
        // The verdict decides with unread facts (an account switch can make unread containers irrelevant), so
        // they are read, not required: the engine must not answer UNKNOWN where the verdict knows better.
        reads = {"ACCOUNT_SETTINGS", "CONTAINER_ACCESS", "NETWORK_RULES", "WEBSITE"})
public final class BlobPublicAccess extends PublicVerdict {
    public BlobPublicAccess() {
        super("the storage account");
    }
}
