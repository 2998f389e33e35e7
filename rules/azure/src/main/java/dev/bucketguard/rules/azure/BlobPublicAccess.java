package dev.bucketguard.rules.azure;

import dev.bucketguard.spi.PublicVerdict;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The exposure verdict of an Azure storage account: PUBLIC fails, UNKNOWN stays UNKNOWN. */
@RuleDefinition(
        id = "azure.blob.public-access",
        severity = Severity.CRITICAL,
        provider = "azure",
        requires = {"ACCOUNT_SETTINGS", "CONTAINER_ACCESS", "NETWORK_RULES"})
public final class BlobPublicAccess extends PublicVerdict {
    public BlobPublicAccess() {
        super("the storage account");
    }
}
