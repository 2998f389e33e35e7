package dev.bucketguard.azure;

import com.azure.resourcemanager.storage.fluent.StorageManagementClient;
import com.azure.resourcemanager.storage.fluent.models.ListContainerItemInner;
import com.azure.resourcemanager.storage.fluent.models.ObjectReplicationPolicyInner;
import com.azure.resourcemanager.storage.fluent.models.PrivateEndpointConnectionInner;
import com.azure.resourcemanager.storage.fluent.models.StorageAccountInner;
import com.azure.resourcemanager.storage.models.KeySource;
import com.azure.resourcemanager.storage.models.NetworkRuleSet;
import com.azure.resourcemanager.storage.models.PrivateEndpointServiceConnectionStatus;
import com.azure.resourcemanager.storage.models.PublicAccess;
import com.azure.resourcemanager.storage.models.ResourceAccessRule;
import com.azure.storage.blob.models.BlobServiceProperties;
import com.azure.storage.blob.models.PublicAccessType;
import dev.bucketguard.cloud.azure.AccountSettings;
import dev.bucketguard.cloud.azure.AnalyticsLogging;
import dev.bucketguard.cloud.azure.AnonymousProbe;
import dev.bucketguard.cloud.azure.AzureChannels;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.DeleteRetention;
import dev.bucketguard.cloud.azure.DiagnosticSetting;
import dev.bucketguard.cloud.azure.NetworkAccess;
import dev.bucketguard.cloud.azure.NetworkDefaultAction;
import dev.bucketguard.cloud.azure.PublicNetworkAccess;
import dev.bucketguard.cloud.azure.SasExpirationAction;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.StoredAccessPolicy;
import dev.bucketguard.cloud.azure.Switch;
import dev.bucketguard.cloud.azure.TlsVersion;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.model.Website;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one storage account into the model: the facts asked for and no others, each failure an {@link Unknown} that
 * names the call and the role action it needs.
 */
final class AccountReader {
    /** The facts in the storage account's own ARM properties. */
    static final Set<Fact> ACCOUNT_PROPERTY_FACTS = Set.of(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.NETWORK_RULES,
            AzureFacts.RESOURCE_ACCESS_RULES, AzureFacts.PRIVATE_ENDPOINTS, AzureFacts.ENCRYPTION);
    static final Set<Fact> SERVICE_PROPERTY_FACTS = Set.of(AzureFacts.WEBSITE, AzureFacts.LOGGING,
            AzureFacts.SOFT_DELETE);

    static final String ACCOUNT_READ = "Microsoft.Storage/storageAccounts/read";
    static final String CONTAINERS_READ = "Microsoft.Storage/storageAccounts/blobServices/containers/read";
    static final String REPLICATION_READ = "Microsoft.Storage/storageAccounts/objectReplicationPolicies/read";
    static final String SERVICE_READ = "Microsoft.Storage/storageAccounts/blobServices/read";
    static final String ACL_READ = "Microsoft.Storage/storageAccounts/blobServices/containers/getAcl/action";
    static final String BLOBS_READ = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";

    private final Set<Fact> facts;
    private final boolean probe;
    private final Resource.Builder b;
    private StorageAccount details = StorageAccount.UNREAD;
    private AccountSettings settings;
    private NetworkAccess network;
    private Website website;
    private Logging logging;
    private AnalyticsLogging analyticsLogging;
    private List<DiagnosticSetting> diagnosticSettings;
    private List<StoredAccessPolicy> policies;
    private DeleteRetention softDelete;
    private List<AnonymousProbe> probes;

    private AccountReader(String subscription, String tenant, String name, String region, Set<Fact> facts,
                          boolean probe) {
        this.facts = facts;
        this.probe = probe;
        this.b = Resource.builder(AzureCloud.ID, subscription, name).kind(AzureCloud.STORAGE_ACCOUNT).region(region);
        if (tenant != null) {
            b.parent(AzureCloud.TENANT, tenant);
        }
    }

    private boolean wants(Fact f) {
        return facts.contains(f);
    }

    private void unknown(Fact f, String call, String permission, String error) {
        if (wants(f)) {
            b.unknown(f, call, permission, error);
        }
    }

    private void known(Fact f) {
        if (wants(f)) {
            b.collected(f);
        }
    }

    private Resource build() {
        details = new StorageAccount(settings, network, website, logging, policies, softDelete, probes,
                analyticsLogging, diagnosticSettings);
        boolean any = settings != null || network != null || website != null || logging != null || policies != null
                || softDelete != null || probes != null || diagnosticSettings != null;
        return b.details(any ? details : null).build();
    }

    // ---------------------------------------------------------------- ARM

    /**
     * How to reach an account found through ARM.
     *
     * @param client       the subscription's storage management client
     * @param subscription the subscription id
     * @param tenants      subscription id to tenant id, for every subscription the scan knows
     * @param dataPlane    the data plane at the account's blob endpoint, or a reason it is not called
     * @param diagnostics  the scan's diagnostic settings reader
     */
    record Arm(StorageManagementClient client, String subscription, Map<String, String> tenants,
               java.util.function.Function<String, Object> dataPlane, Diagnostics diagnostics) {
    }

    static Resource readArm(Arm arm, StorageAccountInner listed, Set<Fact> facts, boolean probe) {
        String tenant = arm.tenants().get(arm.subscription());
        AccountReader r = new AccountReader(arm.subscription(), tenant, listed.name(), listed.location(),
                facts, probe);
        r.arm(arm, listed);
        return r.build();
    }

    private void arm(Arm arm, StorageAccountInner listed) {
        String group = resourceGroup(listed.id());
        StorageAccountInner account = listed;
        String call = "StorageAccounts.list";
        if (listed.provisioningState() == null && listed.primaryEndpoints() == null
                && facts.stream().anyMatch(f -> ACCOUNT_PROPERTY_FACTS.contains(f))) {
            // The listing named the account without its properties: read them on their own.
            call = "StorageAccounts.getByResourceGroup";
            try {
                account = arm.client().getStorageAccounts().getByResourceGroup(group, listed.name());
            } catch (RuntimeException e) {
                String error = ErrorCodes.of(e);
                ACCOUNT_PROPERTY_FACTS.forEach(f -> unknown(f, "StorageAccounts.getByResourceGroup", ACCOUNT_READ,
                        error));
                account = null;
            }
        }
        if (account != null) {
            accountProperties(account, arm.subscription(), arm.tenants());
        }
        Map<String, PublicAccessType> containers = null;
        boolean needContainers = wants(AzureFacts.CONTAINER_ACCESS) || wants(AzureFacts.STORED_ACCESS_POLICIES)
                || probe;
        if (needContainers) {
            try {
                containers = new TreeMap<>();
                for (ListContainerItemInner c : arm.client().getBlobContainers().list(group, listed.name())) {
                    if (!Boolean.TRUE.equals(c.deleted())) {
                        containers.put(c.name(), level(c.publicAccess()));
                    }
                }
                if (wants(AzureFacts.CONTAINER_ACCESS)) {
                    known(AzureFacts.CONTAINER_ACCESS);
                    containers.forEach(this::containerGrant);
                }
            } catch (RuntimeException e) {
                containers = null;
                unknown(AzureFacts.CONTAINER_ACCESS, "BlobContainers.list", CONTAINERS_READ, ErrorCodes.of(e));
            }
        }
        if (wants(AzureFacts.OBJECT_REPLICATION)) {
            objectReplication(arm, group, listed.name());
        }
        if (wants(AzureFacts.DIAGNOSTIC_SETTINGS) && !Diagnostics.accountId(listed.id())) {
            unknown(AzureFacts.DIAGNOSTIC_SETTINGS, Diagnostics.SETTINGS_CALL, Diagnostics.SETTINGS_READ,
                    "not called: ARM gave no usable account id");
        } else if (wants(AzureFacts.DIAGNOSTIC_SETTINGS)) {
            try {
                diagnosticSettings = arm.diagnostics().settings(listed.id());
                known(AzureFacts.DIAGNOSTIC_SETTINGS);
            } catch (RuntimeException e) {
                unknown(AzureFacts.DIAGNOSTIC_SETTINGS, Diagnostics.SETTINGS_CALL, Diagnostics.SETTINGS_READ,
                        ErrorCodes.of(e));
            }
        }
        boolean needDataPlane = facts.stream().anyMatch(SERVICE_PROPERTY_FACTS::contains)
                || wants(AzureFacts.STORED_ACCESS_POLICIES) || probe;
        if (!needDataPlane) {
            return;
        }
        String blob = account != null && account.primaryEndpoints() != null ? account.primaryEndpoints().blob()
                : null;
        Object plane = blob == null ? "ARM gave no blob endpoint" : arm.dataPlane().apply(blob);
        if (plane instanceof DataPlane data) {
            dataPlane(data, containers);
        } else {
            String why = plane.toString();
            SERVICE_PROPERTY_FACTS.forEach(f -> unknown(f, "BlobServiceClient.getProperties", SERVICE_READ, why));
            unknown(AzureFacts.STORED_ACCESS_POLICIES, "BlobContainerClient.getAccessPolicy", ACL_READ, why);
            if (probe) {
                b.unknown(AzureFacts.ANONYMOUS_PROBE, "anonymous GET", "none (unauthenticated)", why);
            }
        }
    }

    static String resourceGroup(String id) {
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if ("resourceGroups".equalsIgnoreCase(parts[i])) {
                return parts[i + 1];
            }
        }
        return null;
    }

    static String subscriptionOf(String id) {
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if ("subscriptions".equalsIgnoreCase(parts[i])) {
                return parts[i + 1];
            }
        }
        return null;
    }

    private static String nameOf(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private void accountProperties(StorageAccountInner a, String subscription, Map<String, String> tenants) {
        if (wants(AzureFacts.ACCOUNT_SETTINGS)) {
            known(AzureFacts.ACCOUNT_SETTINGS);
            var sas = a.sasPolicy();
            SasExpirationAction action = sas == null || sas.expirationAction() == null ? SasExpirationAction.NONE
                    : "Block".equalsIgnoreCase(sas.expirationAction().toString()) ? SasExpirationAction.BLOCK
                    : SasExpirationAction.LOG;
            settings = new AccountSettings(
                    toSwitch(a.allowBlobPublicAccess()),
                    // SEMANTICS 2.2: supportsHttpsTrafficOnly null means true.
                    !Boolean.FALSE.equals(a.enableHttpsTrafficOnly()),
                    tls(a.minimumTlsVersion() == null ? null : a.minimumTlsVersion().toString()),
                    toSwitch(a.allowSharedKeyAccess()),
                    action,
                    sas == null ? null : sas.sasExpirationPeriod(),
                    a.keyPolicy() == null ? null : a.keyPolicy().keyExpirationPeriodInDays(),
                    toSwitch(a.allowCrossTenantReplication()),
                    a.encryption() != null && Boolean.TRUE.equals(a.encryption().requireInfrastructureEncryption()));
        }
        if (wants(AzureFacts.NETWORK_RULES)) {
            known(AzureFacts.NETWORK_RULES);
            network = network(a.networkRuleSet(), a.publicNetworkAccess() == null ? null
                    : a.publicNetworkAccess().toString());
        }
        if (wants(AzureFacts.RESOURCE_ACCESS_RULES)) {
            known(AzureFacts.RESOURCE_ACCESS_RULES);
            NetworkRuleSet rules = a.networkRuleSet();
            List<ResourceAccessRule> access = rules == null || rules.resourceAccessRules() == null ? List.of()
                    : rules.resourceAccessRules();
            for (ResourceAccessRule rule : access) {
                if (rule.tenantId() == null) {
                    continue;
                }
                b.grant(new Grant(new Grantee(dev.bucketguard.model.GranteeKind.ACCOUNT, rule.tenantId(),
                        rule.resourceId()), Set.of(Permission.READ, Permission.LIST, Permission.WRITE),
                        AzureChannels.NETWORK_RULE, "resource access rule for " + (rule.resourceId() == null
                        ? "tenant " + rule.tenantId() : "'" + rule.resourceId() + "'"),
                        "admits resource instances of tenant " + rule.tenantId() + " through the firewall",
                        List.of(), null));
            }
        }
        if (wants(AzureFacts.PRIVATE_ENDPOINTS)) {
            known(AzureFacts.PRIVATE_ENDPOINTS);
            List<PrivateEndpointConnectionInner> connections = a.privateEndpointConnections() == null ? List.of()
                    : a.privateEndpointConnections();
            for (PrivateEndpointConnectionInner c : connections) {
                boolean approved = c.privateLinkServiceConnectionState() != null
                        && PrivateEndpointServiceConnectionStatus.APPROVED.equals(
                        c.privateLinkServiceConnectionState().status());
                String endpointId = c.privateEndpoint() == null ? null : c.privateEndpoint().id();
                Grantee other = approved && endpointId != null ? otherSide(endpointId, subscription, tenants) : null;
                if (other != null) {
                    b.grant(new Grant(other, Set.of(Permission.READ, Permission.LIST, Permission.WRITE),
                            AzureChannels.PRIVATE_ENDPOINT, "private endpoint '" + nameOf(endpointId) + "' (Approved)",
                            "a private endpoint in subscription " + subscriptionOf(endpointId), List.of(), null));
                }
            }
        }
        if (wants(AzureFacts.ENCRYPTION)) {
            known(AzureFacts.ENCRYPTION);
            var e = a.encryption();
            boolean dbl = e != null && Boolean.TRUE.equals(e.requireInfrastructureEncryption());
            if (e != null && KeySource.MICROSOFT_KEYVAULT.equals(e.keySource())) {
                var kv = e.keyVaultProperties();
                String key = kv == null ? null : kv.keyVaultUri() == null ? kv.keyName()
                        : kv.keyVaultUri().replaceAll("/+$", "") + "/keys/" + kv.keyName();
                b.encryption(new Encryption(dev.bucketguard.model.EncryptionState.CUSTOMER_MANAGED, true,
                        "Microsoft.Keyvault", key, false, dbl));
            } else {
                b.encryption(new Encryption(dev.bucketguard.model.EncryptionState.PROVIDER_MANAGED, true,
                        "Microsoft.Storage", null, false, dbl));
            }
        }
    }

    /**
     * The other side of a private endpoint or replication policy, by its resource id: null when it is in the
     * account's own subscription; its tenant when the scan knows the subscription; else the subscription itself, which
     * is outside unless trusted.
     */
    private static Grantee otherSide(String resourceId, String own, Map<String, String> tenants) {
        String sub = subscriptionOf(resourceId);
        if (sub == null || sub.equalsIgnoreCase(own)) {
            return null;
        }
        String tenant = tenants.get(sub.toLowerCase(Locale.ROOT));
        return new Grantee(dev.bucketguard.model.GranteeKind.ACCOUNT, tenant != null ? tenant : sub, resourceId);
    }

    private void objectReplication(Arm arm, String group, String name) {
        try {
            List<ObjectReplicationPolicyInner> all = new ArrayList<>();
            arm.client().getObjectReplicationPoliciesOperations().list(group, name).forEach(all::add);
            known(AzureFacts.OBJECT_REPLICATION);
            for (ObjectReplicationPolicyInner p : all) {
                String src = p.sourceAccount();
                String dst = p.destinationAccount();
                boolean weAreSource = src != null && (src.equalsIgnoreCase(name) || src.endsWith("/" + name));
                String other = weAreSource ? dst : src;
                // A bare account name is an account of this subscription: only full ids reach elsewhere.
                Grantee who = other == null || !other.contains("/") ? null
                        : otherSide(other, arm.subscription(), arm.tenants());
                if (who != null) {
                    String policy = p.policyId() != null ? p.policyId() : p.name();
                    b.grant(new Grant(who, Set.of(Permission.READ), AzureChannels.OBJECT_REPLICATION,
                            "object replication policy '" + policy + "' " + (weAreSource ? "to" : "from")
                                    + " account '" + nameOf(other) + "'",
                            weAreSource ? "copies blobs to an account in subscription " + subscriptionOf(other)
                                    : "receives blobs from an account in subscription " + subscriptionOf(other),
                            List.of(), null));
                }
            }
        } catch (RuntimeException e) {
            unknown(AzureFacts.OBJECT_REPLICATION, "ObjectReplicationPolicies.list", REPLICATION_READ,
                    ErrorCodes.of(e));
        }
    }

    // ---------------------------------------------------------------- data plane (both modes)

    private void dataPlane(DataPlane data, Map<String, PublicAccessType> containers) {
        if (facts.stream().anyMatch(SERVICE_PROPERTY_FACTS::contains)) {
            try {
                BlobServiceProperties p = data.properties();
                if (wants(AzureFacts.WEBSITE)) {
                    known(AzureFacts.WEBSITE);
                    boolean on = p.getStaticWebsite() != null && p.getStaticWebsite().isEnabled();
                    website = on ? new Website(true, null) : Website.OFF;
                }
                if (wants(AzureFacts.LOGGING)) {
                    known(AzureFacts.LOGGING);
                    var l = p.getLogging();
                    boolean on = l != null && (l.isRead() || l.isWrite() || l.isDelete());
                    logging = on ? new Logging(true, "$logs") : Logging.OFF;
                    var kept = l == null ? null : l.getRetentionPolicy();
                    analyticsLogging = l == null ? AnalyticsLogging.OFF : new AnalyticsLogging(l.isRead(),
                            l.isWrite(), l.isDelete(), kept != null && kept.isEnabled() ? kept.getDays() : null);
                }
                if (wants(AzureFacts.SOFT_DELETE)) {
                    known(AzureFacts.SOFT_DELETE);
                    var d = p.getDeleteRetentionPolicy();
                    softDelete = d != null && d.isEnabled() ? new DeleteRetention(true, d.getDays())
                            : DeleteRetention.OFF;
                }
            } catch (RuntimeException e) {
                String error = ErrorCodes.of(e);
                SERVICE_PROPERTY_FACTS.forEach(f -> unknown(f, "BlobServiceClient.getProperties", SERVICE_READ,
                        error));
            }
        }
        if (wants(AzureFacts.STORED_ACCESS_POLICIES)) {
            if (containers == null) {
                unknown(AzureFacts.STORED_ACCESS_POLICIES, "BlobContainers.list", CONTAINERS_READ,
                        "the containers could not be listed");
            } else {
                try {
                    List<StoredAccessPolicy> all = new ArrayList<>();
                    for (String c : containers.keySet()) {
                        all.addAll(data.storedPolicies(c));
                    }
                    known(AzureFacts.STORED_ACCESS_POLICIES);
                    policies = all;
                } catch (RuntimeException e) {
                    unknown(AzureFacts.STORED_ACCESS_POLICIES, "BlobContainerClient.getAccessPolicy", ACL_READ,
                            ErrorCodes.of(e));
                }
            }
        }
        if (probe) {
            if (containers == null) {
                b.unknown(AzureFacts.ANONYMOUS_PROBE, "BlobContainers.list", CONTAINERS_READ,
                        "the containers could not be listed, so none was probed");
            } else {
                List<AnonymousProbe> out = new ArrayList<>();
                containers.forEach((name, level) -> {
                    if (level != null) {
                        out.add(data.probe(name, level));
                    }
                });
                b.collected(AzureFacts.ANONYMOUS_PROBE);
                probes = out;
            }
        }
    }

    // ---------------------------------------------------------------- connection string

    static final String CONNECTION_STRING_ONLY = "a connection string reaches the data plane only (scan with ARM"
            + " credentials to read it)";

    static Resource readConnectionString(String accountName, DataPlane data, Set<Fact> facts, boolean probe) {
        AccountReader r = new AccountReader(AzureProvider.CONNECTION_STRING_SUBSCRIPTION, null, accountName, null,
                facts, probe);
        // No call was made: the permission says what an ARM scan would need.
        ACCOUNT_PROPERTY_FACTS.forEach(f -> r.unknown(f, null, ACCOUNT_READ, CONNECTION_STRING_ONLY));
        r.unknown(AzureFacts.OBJECT_REPLICATION, null, REPLICATION_READ, CONNECTION_STRING_ONLY);
        r.unknown(AzureFacts.DIAGNOSTIC_SETTINGS, null, Diagnostics.SETTINGS_READ, CONNECTION_STRING_ONLY);
        Map<String, PublicAccessType> containers = null;
        if (facts.contains(AzureFacts.CONTAINER_ACCESS) || facts.contains(AzureFacts.STORED_ACCESS_POLICIES)
                || probe) {
            try {
                containers = data.containers();
                if (r.wants(AzureFacts.CONTAINER_ACCESS)) {
                    r.known(AzureFacts.CONTAINER_ACCESS);
                    containers.forEach(r::containerGrant);
                }
            } catch (RuntimeException e) {
                r.unknown(AzureFacts.CONTAINER_ACCESS, "BlobServiceClient.listBlobContainers", CONTAINERS_READ,
                        ErrorCodes.of(e));
            }
        }
        r.dataPlane(data, containers);
        return r.build();
    }

    // ---------------------------------------------------------------- mapping

    private void containerGrant(String container, PublicAccessType level) {
        if (level == null) {
            return;
        }
        boolean listable = level == PublicAccessType.CONTAINER;
        b.grant(new Grant(Grantee.anonymous(), listable ? Set.of(Permission.READ, Permission.LIST)
                : Set.of(Permission.READ), AzureChannels.CONTAINER_ACCESS_LEVEL,
                "container '" + container + "' (level " + (listable ? "Container" : "Blob") + ")",
                listable ? "public access level Container: blobs readable and the container listable"
                        : "public access level Blob: blobs readable by name, container not listable",
                List.of(), container));
    }

    private static PublicAccessType level(PublicAccess access) {
        if (access == null || PublicAccess.NONE.equals(access)) {
            return null;
        }
        return PublicAccess.CONTAINER.equals(access) ? PublicAccessType.CONTAINER : PublicAccessType.BLOB;
    }

    static Switch toSwitch(Boolean b) {
        return b == null ? Switch.NOT_SET : b ? Switch.TRUE : Switch.FALSE;
    }

    static TlsVersion tls(String v) {
        if (v == null) {
            return TlsVersion.NOT_SET;
        }
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "TLS1_0" -> TlsVersion.TLS1_0;
            case "TLS1_1" -> TlsVersion.TLS1_1;
            case "TLS1_2" -> TlsVersion.TLS1_2;
            case "TLS1_3" -> TlsVersion.TLS1_3;
            // An unknown newer value: read as the oldest, so nothing passes on a guess.
            default -> TlsVersion.NOT_SET;
        };
    }

    static NetworkAccess network(NetworkRuleSet rules, String publicNetworkAccess) {
        PublicNetworkAccess pna = publicNetworkAccess == null ? PublicNetworkAccess.NOT_SET
                : switch (publicNetworkAccess.toLowerCase(Locale.ROOT)) {
                    case "enabled" -> PublicNetworkAccess.ENABLED;
                    case "disabled" -> PublicNetworkAccess.DISABLED;
                    case "securedbyperimeter" -> PublicNetworkAccess.SECURED_BY_PERIMETER;
                    default -> PublicNetworkAccess.NOT_SET;
                };
        if (rules == null) {
            return NetworkAccess.noRuleSet(pna);
        }
        NetworkDefaultAction action = rules.defaultAction() != null
                && "Deny".equalsIgnoreCase(rules.defaultAction().toString())
                ? NetworkDefaultAction.DENY : NetworkDefaultAction.ALLOW;
        List<String> ips = new ArrayList<>();
        if (rules.ipRules() != null) {
            rules.ipRules().forEach(r -> ips.add(r.ipAddressOrRange()));
        }
        if (rules.ipv6Rules() != null) {
            rules.ipv6Rules().forEach(r -> ips.add(r.ipAddressOrRange()));
        }
        List<String> vnets = new ArrayList<>();
        if (rules.virtualNetworkRules() != null) {
            rules.virtualNetworkRules().forEach(r -> vnets.add(r.virtualNetworkResourceId()));
        }
        return new NetworkAccess(pna, action, ips, vnets, rules.bypass() == null ? null : rules.bypass().toString(),
                false);
    }

    /** Every requested fact unknown for one reason: an account whose reading failed as a whole. */
    static Resource unreadable(String subscription, String tenant, String name, Set<Fact> facts, String error) {
        AccountReader r = new AccountReader(subscription, tenant, name, null, facts, false);
        facts.forEach(f -> r.b.unknown(f, "read " + name, ACCOUNT_READ, error));
        return r.build();
    }
}
