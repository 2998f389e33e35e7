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
import dev.bucketguard.model.Website;
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
            new String[] {"BlobServiceClient.getProperties", "Microsoft.Storage/storageAccounts/blobServices/read"},
            AzureFacts.RESOURCE_ACCESS_RULES,
            new String[] {"StorageAccounts.list", "Microsoft.Storage/storageAccounts/read"},
            AzureFacts.OBJECT_REPLICATION,
            new String[] {"ObjectReplicationPolicies.list",
                "Microsoft.Storage/storageAccounts/objectReplicationPolicies/read"},
            AzureFacts.PRIVATE_ENDPOINTS,
            new String[] {"StorageAccounts.list", "Microsoft.Storage/storageAccounts/read"});

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
     * A storage account in tenant {@link #TENANT} with every verdict fact read: its settings, container levels,
     * network rules, the website (off) and the three cross-tenant facts (none); {@code network} null means the network
     * rules were denied.
     */
    static Resource.Builder account(AccountSettings settings, NetworkAccess network) {
        Resource.Builder b = Resource.builder(AzureCloud.ID, SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT)
                .parent(AzureCloud.TENANT, TENANT)
                .collected(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.CONTAINER_ACCESS, AzureFacts.WEBSITE,
                        AzureFacts.RESOURCE_ACCESS_RULES, AzureFacts.OBJECT_REPLICATION, AzureFacts.PRIVATE_ENDPOINTS)
                .details(new StorageAccount(settings, network, Website.OFF, null));
        return network == null ? b.unknown(denied(AzureFacts.NETWORK_RULES)) : b.collected(AzureFacts.NETWORK_RULES);
    }

    /** A firewall with default action Allow ({@code internetOpen}) or Deny and no IP rule. */
    static NetworkAccess network(PublicNetworkAccess access, boolean internetOpen) {
        return NetworkAccess.of(access, internetOpen ? NetworkDefaultAction.ALLOW : NetworkDefaultAction.DENY,
                java.util.List.of());
    }

    static Grant grant(Grantee who, Channel via, String source, Permission... permissions) {
        return new Grant(who, Set.of(permissions), via, source);
    }

    static Verdict verdict(Resource r) {
        return new AzureCloud().verdict(r, TrustZone.OWNER_ONLY);
    }
}
