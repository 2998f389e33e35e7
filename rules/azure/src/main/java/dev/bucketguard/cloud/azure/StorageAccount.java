package dev.bucketguard.cloud.azure;

import dev.bucketguard.model.Details;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Website;
import java.util.List;

/**
 * What Azure knows about a storage account beyond the envelope. Each component belongs to one {@link AzureFacts}
 * fact and is non-null when the resource knows that fact (see {@link Details}); the lists are never null (snapshots
 * leave empty ones out), so whether they were read is {@code Resource.knows} of their fact.
 *
 * @param settings             the account's properties ({@link AzureFacts#ACCOUNT_SETTINGS})
 * @param network              public network access and the firewall ({@link AzureFacts#NETWORK_RULES})
 * @param website              the static website ({@link AzureFacts#WEBSITE})
 * @param logging              classic Storage Analytics logging ({@link AzureFacts#LOGGING})
 * @param storedAccessPolicies the containers' stored access policies ({@link AzureFacts#STORED_ACCESS_POLICIES})
 * @param softDelete           blob soft delete ({@link AzureFacts#SOFT_DELETE})
 * @param probes               anonymous requests sent and their answers ({@link AzureFacts#ANONYMOUS_PROBE})
 * @param analyticsLogging     which requests classic logging records and for how long ({@link AzureFacts#LOGGING});
 *                             null in snapshots written before it was read
 * @param diagnosticSettings   the blob service's diagnostic settings ({@link AzureFacts#DIAGNOSTIC_SETTINGS})
 */
public record StorageAccount(AccountSettings settings, NetworkAccess network, Website website, Logging logging,
                             List<StoredAccessPolicy> storedAccessPolicies, DeleteRetention softDelete,
                             List<AnonymousProbe> probes, AnalyticsLogging analyticsLogging,
                             List<DiagnosticSetting> diagnosticSettings)
        implements Details {
    public static final StorageAccount UNREAD = new StorageAccount(null, null, null, null, null, null, null);

    public StorageAccount {
        storedAccessPolicies = storedAccessPolicies == null ? List.of() : List.copyOf(storedAccessPolicies);
        probes = probes == null ? List.of() : List.copyOf(probes);
        diagnosticSettings = diagnosticSettings == null ? List.of() : List.copyOf(diagnosticSettings);
    }

    /** The seven components before the read audit. */
    public StorageAccount(AccountSettings settings, NetworkAccess network, Website website, Logging logging,
                          List<StoredAccessPolicy> storedAccessPolicies, DeleteRetention softDelete,
                          List<AnonymousProbe> probes) {
        this(settings, network, website, logging, storedAccessPolicies, softDelete, probes, null, null);
    }

    /** The four components that hand-written snapshots had from the start. */
    public StorageAccount(AccountSettings settings, NetworkAccess network, Website website, Logging logging) {
        this(settings, network, website, logging, null, null, null);
    }

    /** The details of a storage account resource; {@link #UNREAD} when none were read. */
    public static StorageAccount of(dev.bucketguard.model.Resource resource) {
        return resource.details() == null ? UNREAD : resource.details(StorageAccount.class);
    }
}
