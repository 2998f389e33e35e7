package dev.bucketguard.cloud.azure;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.Map;
import java.util.Set;

/** Storage accounts, grants and read failures for the Azure verdict tests, as the Azure provider records them. */
final class Fixtures {
    static final String SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String TENANT = "contoso-tenant";
    static final String FOREIGN_TENANT = "fabrikam-tenant";

    /** Shared keys off, TLS 1.2, HTTPS only, no SAS policy: only the case under test shows. */
    static final AccountSettings HARDENED = new AccountSettings(Switch.TRUE, true, TlsVersion.TLS1_2, Switch.FALSE,
            SasExpirationAction.NONE);

    /** The call and permission each fact needs, as the provider records a denied read. */
    private static final Map<Fact, String[]> CALLS = Map.of(
            AzureFacts.ACCOUNT_SETTINGS,
            new String[] {"StorageAccounts.getByResourceGroup", "Microsoft.Storage/storageAccounts/read"},
            AzureFacts.CONTAINER_ACCESS,
            new String[] {"BlobContainers.list", "Microsoft.Storage/storageAccounts/blobServices/containers/read"},
            AzureFacts.NETWORK_RULES,
            new String[] {"StorageAccounts.getByResourceGroup", "Microsoft.Storage/storageAccounts/read"},
            AzureFacts.WEBSITE,
            new String[] {"BlobServiceClient.getProperties", "Microsoft.Storage/storageAccounts/blobServices/read"});

    private Fixtures() {
    }

    static Unknown denied(Fact fact) {
        String[] call = CALLS.get(fact);
        return new Unknown(fact, call[0], call[1], "AuthorizationFailure");
    }

    static AccountSettings settings(Switch allowBlobPublicAccess) {
        return new AccountSettings(allowBlobPublicAccess, HARDENED.httpsTrafficOnly(), HARDENED.minimumTlsVersion(),
                HARDENED.allowSharedKeyAccess(), HARDENED.sasExpirationAction());
    }

    /**
     * A storage account in tenant {@link #TENANT} with its settings, container levels and network rules read;
     * {@code network} null means the network rules were denied.
     */
    static Resource.Builder account(AccountSettings settings, NetworkAccess network) {
        Resource.Builder b = Resource.builder(AzureCloud.ID, SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT)
                .parent(AzureCloud.TENANT, TENANT)
                .collected(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.CONTAINER_ACCESS)
                .details(new StorageAccount(settings, network, null, null));
        return network == null ? b.unknown(denied(AzureFacts.NETWORK_RULES)) : b.collected(AzureFacts.NETWORK_RULES);
    }

    static NetworkAccess network(PublicNetworkAccess access, boolean internetOpen) {
        return new NetworkAccess(access, internetOpen);
    }

    static Grant grant(Grantee who, Channel via, String source, Permission... permissions) {
        return new Grant(who, Set.of(permissions), via, source);
    }

    static Verdict verdict(Resource r) {
        return new AzureCloud().verdict(r, TrustZone.OWNER_ONLY);
    }
}
