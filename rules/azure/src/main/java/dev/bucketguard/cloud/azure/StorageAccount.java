package dev.bucketguard.cloud.azure;

import dev.bucketguard.model.Details;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Website;

/**
 * What Azure knows about a storage account beyond the envelope. Each component belongs to one {@link AzureFacts}
 * fact and is non-null exactly when the resource knows that fact (see {@link Details}).
 *
 * @param settings the account's properties ({@link AzureFacts#ACCOUNT_SETTINGS})
 * @param network  public network access and the firewall ({@link AzureFacts#NETWORK_RULES})
 * @param website  the static website ({@link AzureFacts#WEBSITE})
 * @param logging  classic Storage Analytics logging ({@link AzureFacts#LOGGING})
 */
public record StorageAccount(AccountSettings settings, NetworkAccess network, Website website, Logging logging)
        implements Details {
    public static final StorageAccount UNREAD = new StorageAccount(null, null, null, null);
}
