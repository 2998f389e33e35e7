package dev.bucketguard.rules.azure;

import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.PublicVerdict;
import java.util.EnumSet;
import java.util.List;

/** The exposure verdict of an Azure storage account: PUBLIC fails, UNKNOWN stays UNKNOWN. */
public final class BlobPublicAccess extends PublicVerdict {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "azure.blob.public-access",
            "Azure storage account allows anonymous blob access",
            Severity.CRITICAL,
            "azure",
            "Reports the exposure verdict (SEMANTICS.md 5.2): fails when a container is anonymously readable (level"
                    + " Blob or Container, or the $web container of a static website) while allowBlobPublicAccess is"
                    + " true or unset (null is treated as true) and the firewall admits the internet. UNKNOWN when the"
                    + " account settings, container levels or network rules could not be read. Unlike peers, a public"
                    + " container level does not fail when the account switch overrides it.",
            "Anyone who knows or guesses a blob URL can download it without credentials; at Container level they can"
                    + " also list every blob in the container.",
            new Remediation(
                    "Azure portal > Storage account > Settings > Configuration: set 'Allow Blob anonymous access' to"
                            + " Disabled. Then set each container's 'Change access level' to Private.",
                    "az storage account update --name ACCOUNT --resource-group RG --allow-blob-public-access false\n"
                            + "az storage container set-permission --name CONTAINER --account-name ACCOUNT"
                            + " --public-access off --auth-mode login",
                    """
                    resource "azurerm_storage_account" "this" {
                      # ...
                      allow_nested_items_to_be_public = false
                      public_network_access_enabled   = false
                    }
                    """),
            List.of("CIS Microsoft Azure Foundations Benchmark v3.0.0 4.17",
                    "CIS Microsoft Azure Foundations Benchmark v3.0.0 4.6",
                    "https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent"),
            EnumSet.of(Fact.ACCOUNT_SETTINGS, Fact.CONTAINER_ACCESS, Fact.NETWORK_RULES));

    public BlobPublicAccess() {
        super("the storage account");
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }
}
