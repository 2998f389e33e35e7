package dev.bucketguard.cloud.azure;

import dev.bucketguard.model.Fact;
import java.util.Set;

/** The facts of an Azure storage account. */
public final class AzureFacts {
    /**
     * The account's properties from ARM: allowBlobPublicAccess, HTTPS only, minimum TLS, shared key, SAS and key
     * policies, cross-tenant replication, infrastructure encryption.
     */
    public static final Fact ACCOUNT_SETTINGS = Fact.of("ACCOUNT_SETTINGS");
    /** Each container's anonymous access level: grants through {@link AzureChannels#CONTAINER_ACCESS_LEVEL}. */
    public static final Fact CONTAINER_ACCESS = Fact.of("CONTAINER_ACCESS");
    /** Stored access policies (signed identifiers) of every container: {@link StorageAccount#storedAccessPolicies()}. */
    public static final Fact STORED_ACCESS_POLICIES = Fact.of("STORED_ACCESS_POLICIES");
    /** Public network access and the firewall as ARM states them (default action, IP and virtual network rules). */
    public static final Fact NETWORK_RULES = Fact.of("NETWORK_RULES");
    /** The firewall's resource access rules: grants through {@link AzureChannels#NETWORK_RULE}, one per tenant. */
    public static final Fact RESOURCE_ACCESS_RULES = Fact.of("RESOURCE_ACCESS_RULES");
    /** Object replication policies: grants through {@link AzureChannels#OBJECT_REPLICATION} to the other account. */
    public static final Fact OBJECT_REPLICATION = Fact.of("OBJECT_REPLICATION");
    /** Approved private endpoint connections: grants through {@link AzureChannels#PRIVATE_ENDPOINT}. */
    public static final Fact PRIVATE_ENDPOINTS = Fact.of("PRIVATE_ENDPOINTS");
    /** The static website (and so the anonymous {@code $web} container). */
    public static final Fact WEBSITE = Fact.of("WEBSITE");
    /**
     * Classic Storage Analytics logging: {@link StorageAccount#logging()}, and which requests it records for how long,
     * {@link StorageAccount#analyticsLogging()}.
     */
    public static final Fact LOGGING = Fact.of("LOGGING");
    /**
     * The blob service's diagnostic settings: whether one sends the {@code StorageRead} category, and where, with the
     * retention of each destination: {@link StorageAccount#diagnosticSettings()}.
     */
    public static final Fact DIAGNOSTIC_SETTINGS = Fact.of("DIAGNOSTIC_SETTINGS");
    /** Blob soft delete (the blob service's delete retention policy). */
    public static final Fact SOFT_DELETE = Fact.of("SOFT_DELETE");
    /**
     * Evidence from unauthenticated requests to the containers the configuration calls anonymous; collected only when
     * the user asks for probes.
     */
    public static final Fact ANONYMOUS_PROBE = Fact.of("ANONYMOUS_PROBE");
    /** Encryption at rest: the envelope's encryption. */
    public static final Fact ENCRYPTION = Fact.ENCRYPTION;

    public static final Set<Fact> ALL = Set.of(ACCOUNT_SETTINGS, CONTAINER_ACCESS, STORED_ACCESS_POLICIES,
            NETWORK_RULES, RESOURCE_ACCESS_RULES, OBJECT_REPLICATION, PRIVATE_ENDPOINTS, WEBSITE, LOGGING,
            DIAGNOSTIC_SETTINGS, SOFT_DELETE, ANONYMOUS_PROBE, ENCRYPTION);

    /**
     * What the verdict reads (SEMANTICS.md 5.2): the account switch, the container levels, the website (its {@code $web}
     * is anonymous whatever the switch says), the network, and the three ways another tenant reaches the data.
     */
    public static final Set<Fact> VERDICT = Set.of(ACCOUNT_SETTINGS, CONTAINER_ACCESS, NETWORK_RULES, WEBSITE,
            RESOURCE_ACCESS_RULES, OBJECT_REPLICATION, PRIVATE_ENDPOINTS);

    /** The facts that hold grants to other tenants (SEMANTICS 5.2 step 3). */
    public static final java.util.List<Fact> CROSS_TENANT = java.util.List.of(RESOURCE_ACCESS_RULES,
            OBJECT_REPLICATION, PRIVATE_ENDPOINTS);

    private AzureFacts() {
    }
}
