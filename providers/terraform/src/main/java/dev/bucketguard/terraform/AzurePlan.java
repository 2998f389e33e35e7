package dev.bucketguard.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bucketguard.cloud.azure.AccountSettings;
import dev.bucketguard.cloud.azure.AzureChannels;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.DeleteRetention;
import dev.bucketguard.cloud.azure.NetworkAccess;
import dev.bucketguard.cloud.azure.NetworkDefaultAction;
import dev.bucketguard.cloud.azure.PublicNetworkAccess;
import dev.bucketguard.cloud.azure.SasExpirationAction;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.Switch;
import dev.bucketguard.cloud.azure.TlsVersion;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Website;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps azurerm storage onto {@link StorageAccount}: {@code azurerm_storage_account} (every setting under its old and
 * new Terraform names), {@code azurerm_storage_container}, {@code azurerm_storage_account_network_rules},
 * {@code azurerm_storage_account_customer_managed_key} and {@code azurerm_storage_account_static_website}.
 */
final class AzurePlan {
    static final String ID = "azure";
    static final String ACCOUNT = "azurerm_storage_account";
    static final String CONTAINER = "azurerm_storage_container";
    static final String NETWORK_RULES = "azurerm_storage_account_network_rules";
    static final String CUSTOMER_KEY = "azurerm_storage_account_customer_managed_key";
    static final String STATIC_WEBSITE = "azurerm_storage_account_static_website";
    static final Set<String> TYPES = Set.of(ACCOUNT, CONTAINER, NETWORK_RULES, CUSTOMER_KEY, STATIC_WEBSITE);
    private static final List<String> COMPANIONS = List.of(CONTAINER, NETWORK_RULES, CUSTOMER_KEY, STATIC_WEBSITE);

    /** Companions whose account is not known: each account of the plan may be theirs. */
    private final List<PlanResource> orphans = new ArrayList<>();
    private static final Map<String, dev.bucketguard.model.Fact> SETS = Map.of(CONTAINER, AzureFacts.CONTAINER_ACCESS,
            NETWORK_RULES, AzureFacts.NETWORK_RULES, CUSTOMER_KEY, AzureFacts.ENCRYPTION, STATIC_WEBSITE,
            AzureFacts.WEBSITE);
    private final String subscription;
    private final Plan plan;
    private final List<Resource> settings;
    private final List<ScanError> errors;
    private final Map<String, Provenance> provenance;

    /** @param settings the storage accounts of {@code --account-settings}, whose switches stand in for accounts outside the plan */
    AzurePlan(Plan plan, List<Resource> settings, List<ScanError> errors, Map<String, Provenance> provenance) {
        this.plan = plan;
        this.settings = settings.stream().filter(r -> ID.equals(r.provider()) && r.knows(AzureFacts.ACCOUNT_SETTINGS)
                && r.details() instanceof StorageAccount sa && sa.settings() != null).toList();
        this.subscription = plan.providerConstant("azurerm", "subscription_id").orElse("unknown-subscription");
        this.errors = errors;
        this.provenance = provenance;
    }

    private static final class AccountPlan {
        final PlanResource account;
        final String name;
        final List<PlanResource> containers = new ArrayList<>();
        final Map<String, PlanResource> companions = new LinkedHashMap<>();

        AccountPlan(PlanResource account, String name) {
            this.account = account;
            this.name = name;
        }

        /** The account's block; for an account outside the plan, the first resource of the plan that names it. */
        PlanResource main() {
            return account != null ? account : containers.isEmpty() ? companions.values().iterator().next()
                    : containers.get(0);
        }
    }

    List<Resource> resources(List<PlanResource> live) {
        List<PlanResource> accounts = live.stream().filter(r -> !r.data() && ACCOUNT.equals(r.type())).toList();
        Links links = new Links(plan, accounts, a -> a.string("name"));
        orphans.clear();
        Map<PlanResource, AccountPlan> byBlock = new LinkedHashMap<>();
        accounts.forEach(a -> byBlock.put(a, new AccountPlan(a, a.string("name"))));
        List<PlanResource> companions = live.stream().filter(c -> !c.data() && COMPANIONS.contains(c.type()))
                .toList();
        // azurerm 3.x names the account, 4.x gives its id (.../storageAccounts/NAME).
        List<AccountPlan> all = links.attach(companions, byBlock, n -> new AccountPlan(null, n),
                c -> c.after().has("storage_account_name") || c.configured("storage_account_name")
                        ? "storage_account_name" : "storage_account_id",
                v -> v.substring(v.lastIndexOf('/') + 1), (a, c) -> {
                    if (CONTAINER.equals(c.type())) {
                        a.containers.add(c);
                    } else {
                        a.companions.putIfAbsent(c.type(), c);
                    }
                }, ID, "storage account", errors, orphans);
        List<Resource> out = new ArrayList<>();
        for (AccountPlan a : all) {
            Plan.mapped(out, errors, ID, a.main().address(), () -> map(a));
        }
        return out;
    }

    private Resource map(AccountPlan a) {
        PlanResource acct = a.account;
        String id = a.name != null ? a.name : acct.address();
        Provenance trail = new Provenance(a.main());
        provenance.put(ID + ":" + subscription + ":" + id, trail);
        Resource.Builder out = Resource.builder(ID, subscription, id).kind(AzureCloud.STORAGE_ACCOUNT)
                .region(acct == null ? null : acct.string("location"));
        out.collected(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.CONTAINER_ACCESS, AzureFacts.NETWORK_RULES,
                AzureFacts.WEBSITE, AzureFacts.RESOURCE_ACCESS_RULES, AzureFacts.OBJECT_REPLICATION,
                AzureFacts.PRIVATE_ENDPOINTS, AzureFacts.ENCRYPTION, AzureFacts.SOFT_DELETE, AzureFacts.LOGGING,
                AzureFacts.STORED_ACCESS_POLICIES);
        Links.undecided(out, orphans, SETS, "storage account '" + id + "'", "account");
        boolean created = acct != null && acct.created();

        // Containers: each one's level is in the plan; containers outside the plan are not.
        for (PlanResource c : a.containers) {
            trail.from(AzureFacts.CONTAINER_ACCESS, c);
            String name = c.string("name") != null ? c.string("name") : c.address();
            if (c.unknown("container_access_type")) {
                out.unknown(Unset.afterApply(AzureFacts.CONTAINER_ACCESS, c, "container_access_type"));
                continue;
            }
            String level = c.after().path("container_access_type").asText("private");
            if (!"private".equals(level)) {
                boolean listable = "container".equals(level);
                out.grant(new Grant(Grantee.anonymous(), listable ? Set.of(Permission.READ, Permission.LIST)
                        : Set.of(Permission.READ), AzureChannels.CONTAINER_ACCESS_LEVEL,
                        "container '" + name + "' (level " + (listable ? "Container" : "Blob") + ", " + c.address()
                                + ")", listable ? "public access level Container: blobs readable and the container"
                        + " listable" : "public access level Blob: blobs readable by name, container not listable",
                        List.of(), name));
            }
        }
        if (!created) {
            // An account that exists already may have containers and stored access policies this plan does not show.
            out.unknown(Unset.outsidePlan(AzureFacts.CONTAINER_ACCESS, (a.containers.isEmpty() ? "the containers"
                    : "the other containers") + " of storage account '" + id + "'"));
            out.unknown(Unset.outsidePlan(AzureFacts.STORED_ACCESS_POLICIES, "the stored access policies of storage"
                    + " account '" + id + "'"));
        }

        AccountSettings settings;
        NetworkAccess network;
        if (acct == null) {
            // Only companions are in the plan: the account's own switches live outside it. They can only reduce
            // exposure, so they are taken as not in force.
            Optional<StorageAccount> known = this.settings.stream().filter(r -> r.id().equals(id))
                    .map(r -> (StorageAccount) r.details()).findFirst();
            if (known.isPresent()) {
                settings = known.get().settings();
                network = known.get().network();
                trail.note("storage account '" + id + "' is not in this plan: its account settings and network rules"
                        + " are taken from --account-settings");
            } else {
                settings = new AccountSettings(Switch.NOT_SET, true, TlsVersion.NOT_SET, Switch.NOT_SET,
                        SasExpirationAction.NONE);
                network = NetworkAccess.noRuleSet(PublicNetworkAccess.NOT_SET);
                trail.note("storage account '" + id + "' is not in this plan: its allow_nested_items_to_be_public and"
                        + " network rules were not given, so they are taken as allowing anonymous access");
            }
            out.unknown(Unset.outsidePlan(AzureFacts.RESOURCE_ACCESS_RULES, "the resource access rules of '" + id
                    + "'"));
            out.unknown(Unset.outsidePlan(AzureFacts.OBJECT_REPLICATION, "object replication of '" + id + "'"));
            out.unknown(Unset.outsidePlan(AzureFacts.PRIVATE_ENDPOINTS, "the private endpoints of '" + id + "'"));
            out.unknown(Unset.outsidePlan(AzureFacts.ENCRYPTION, "the encryption of '" + id + "'"));
            out.unknown(Unset.outsidePlan(AzureFacts.SOFT_DELETE, "blob soft delete of '" + id + "'"));
            out.details(new StorageAccount(settings, network, null, null, null, null, null));
            out.unknown(Unset.outsidePlan(AzureFacts.WEBSITE, "the static website of '" + id + "'"));
            out.unknown(Unset.outsidePlan(AzureFacts.LOGGING, "Storage Analytics logging of '" + id + "'"));
            return out.build();
        }
        trail.from(AzureFacts.ACCOUNT_SETTINGS, acct);
        settings = settings(acct, out);
        network = network(acct, a.companions.get(NETWORK_RULES), trail, out);
        Website website = Website.OFF;
        PlanResource site = a.companions.get(STATIC_WEBSITE);
        if (site != null) {
            trail.from(AzureFacts.WEBSITE, site);
            website = new Website(true, null);
        } else if (acct.after().path("static_website").size() > 0) {
            trail.from(AzureFacts.WEBSITE, acct);
            website = new Website(true, null);
        }
        PlanResource cmk = a.companions.get(CUSTOMER_KEY);
        JsonNode inlineKey = acct.block("customer_managed_key");
        if (cmk != null || !inlineKey.isMissingNode()) {
            PlanResource holder = cmk != null ? cmk : acct;
            trail.from(AzureFacts.ENCRYPTION, holder);
            JsonNode k = cmk != null ? cmk.after() : inlineKey;
            String key = k.path("key_vault_key_id").asText(k.path("key_name").asText(null));
            out.encryption(new Encryption(dev.bucketguard.model.EncryptionState.CUSTOMER_MANAGED, true,
                    "Microsoft.Keyvault", key, false, Boolean.TRUE.equals(settings.infrastructureEncryption())));
        } else {
            out.encryption(new Encryption(dev.bucketguard.model.EncryptionState.PROVIDER_MANAGED, true,
                    "Microsoft.Storage", null, false, Boolean.TRUE.equals(settings.infrastructureEncryption())));
        }
        JsonNode retention = acct.block("blob_properties").path("delete_retention_policy").path(0);
        DeleteRetention softDelete = retention.isMissingNode() ? new DeleteRetention(false, null)
                : new DeleteRetention(true, retention.path("days").asInt(7));
        // Private link access in the firewall lets a resource of another tenant in.
        JsonNode rules = a.companions.containsKey(NETWORK_RULES) ? a.companions.get(NETWORK_RULES).after()
                : acct.block("network_rules");
        for (JsonNode link : rules.path("private_link_access")) {
            String tenant = link.path("endpoint_tenant_id").asText(null);
            String resource = link.path("endpoint_resource_id").asText("");
            if (tenant != null && !tenant.isBlank()) {
                out.grant(new Grant(new Grantee(GranteeKind.ACCOUNT, tenant, resource), Set.of(Permission.READ,
                        Permission.LIST, Permission.WRITE), AzureChannels.NETWORK_RULE, "resource access rule for "
                        + resource, "the firewall admits resource " + resource + " of tenant " + tenant, List.of(),
                        null));
            }
        }
        if (!created) {
            out.unknown(Unset.outsidePlan(AzureFacts.OBJECT_REPLICATION, "object replication of '" + id + "'"));
            out.unknown(Unset.outsidePlan(AzureFacts.PRIVATE_ENDPOINTS, "the private endpoints of '" + id + "'"));
        }
        // azurerm sets no classic Storage Analytics logging for blobs; diagnostic settings are another resource.
        out.unknown(AzureFacts.LOGGING, null, null, "blob logging is not an argument of azurerm_storage_account"
                + " (diagnostic settings are a separate resource); not in this plan");
        out.details(new StorageAccount(settings, network, website, null, List.of(), softDelete, null));
        return out.build();
    }

    private static AccountSettings settings(PlanResource acct, Resource.Builder out) {
        Switch anonymous = flag(acct, out, "allow_nested_items_to_be_public", "allow_blob_public_access");
        Switch https = flag(acct, out, "https_traffic_only_enabled", "enable_https_traffic_only");
        Switch sharedKey = flag(acct, out, "shared_access_key_enabled");
        Switch crossTenant = flag(acct, out, "cross_tenant_replication_enabled");
        Switch infra = flag(acct, out, "infrastructure_encryption_enabled");
        String tls = acct.string("min_tls_version");
        TlsVersion minTls = tls == null ? (acct.configured("min_tls_version") ? TlsVersion.NOT_SET : TlsVersion.TLS1_2)
                : switch (tls) {
                    case "TLS1_0" -> TlsVersion.TLS1_0;
                    case "TLS1_1" -> TlsVersion.TLS1_1;
                    case "TLS1_3" -> TlsVersion.TLS1_3;
                    default -> TlsVersion.TLS1_2;
                };
        JsonNode sas = acct.block("sas_policy");
        SasExpirationAction action = sas.isMissingNode() ? SasExpirationAction.NONE
                : "Block".equals(sas.path("expiration_action").asText("Log")) ? SasExpirationAction.BLOCK
                : SasExpirationAction.LOG;
        String period = sas.path("expiration_period").asText(null);
        return new AccountSettings(anonymous, !Switch.FALSE.equals(https), minTls, sharedKey, action,
                period == null ? null : period.replaceFirst("^(\\d+)\\.(\\d{2}):(\\d{2}):(\\d{2})$", "$1.$2:$3:$4"),
                null, crossTenant, Switch.TRUE.equals(infra));
    }

    /**
     * A boolean setting under its new and old names: the value where the plan has one, NOT_SET (the documented
     * default's reading) where nobody set it; a value the configuration sets that is known only after apply is
     * unknown.
     */
    private static Switch flag(PlanResource acct, Resource.Builder out, String... names) {
        for (String n : names) {
            Boolean v = acct.bool(n);
            if (v != null) {
                return v ? Switch.TRUE : Switch.FALSE;
            }
            if (acct.configured(n) && acct.unknown(n)) {
                out.unknown(Unset.afterApply(AzureFacts.ACCOUNT_SETTINGS, acct, n));
                return Switch.NOT_SET;
            }
        }
        return Switch.NOT_SET;
    }

    private static NetworkAccess network(PlanResource acct, PlanResource rules, Provenance trail,
                                         Resource.Builder out) {
        if (acct.configured("public_network_access_enabled") && acct.unknown("public_network_access_enabled")) {
            out.unknown(Unset.afterApply(AzureFacts.NETWORK_RULES, acct, "public_network_access_enabled"));
            return null;
        }
        Boolean publicAccess = acct.bool("public_network_access_enabled");
        PublicNetworkAccess pna = publicAccess == null ? PublicNetworkAccess.NOT_SET
                : publicAccess ? PublicNetworkAccess.ENABLED : PublicNetworkAccess.DISABLED;
        PlanResource holder = rules;
        JsonNode r;
        if (rules != null) {
            r = rules.after();
        } else if (acct.configured("network_rules")) {
            holder = acct;
            r = acct.block("network_rules");
            if (r.isMissingNode() && acct.unknown("network_rules")) {
                out.unknown(Unset.afterApply(AzureFacts.NETWORK_RULES, acct, "network_rules"));
                return null;
            }
        } else {
            // Nobody set network rules: the account is created with the default Allow (the plan shows it unknown).
            trail.from(AzureFacts.NETWORK_RULES, acct);
            return NetworkAccess.noRuleSet(pna);
        }
        trail.from(AzureFacts.NETWORK_RULES, holder);
        if (holder.unknown("default_action") && rules != null) {
            out.unknown(Unset.afterApply(AzureFacts.NETWORK_RULES, holder, "default_action"));
            return null;
        }
        List<String> ips = new ArrayList<>();
        r.path("ip_rules").forEach(ip -> ips.add(ip.asText()));
        List<String> subnets = new ArrayList<>();
        r.path("virtual_network_subnet_ids").forEach(s -> subnets.add(s.asText()));
        List<String> bypass = new ArrayList<>();
        r.path("bypass").forEach(b -> bypass.add(b.asText()));
        NetworkDefaultAction action = "Deny".equalsIgnoreCase(r.path("default_action").asText("Allow"))
                ? NetworkDefaultAction.DENY : NetworkDefaultAction.ALLOW;
        return new NetworkAccess(pna, action, ips, subnets, bypass.isEmpty() ? null : String.join(", ", bypass),
                false);
    }
}
