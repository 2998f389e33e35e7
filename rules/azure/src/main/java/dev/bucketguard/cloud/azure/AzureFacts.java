package dev.bucketguard.cloud.azure;

import dev.bucketguard.model.Fact;
import java.util.Set;

/** The facts of an Azure storage account. */
public final class AzureFacts {
    /** The account's properties from ARM (allowBlobPublicAccess, HTTPS only, TLS, shared key, SAS policy). */
    public static final Fact ACCOUNT_SETTINGS = Fact.of("ACCOUNT_SETTINGS");
    /** Each container's anonymous access level: grants through {@link AzureChannels#CONTAINER_ACCESS_LEVEL}. */
    public static final Fact CONTAINER_ACCESS = Fact.of("CONTAINER_ACCESS");
    /** Stored access policies (signed identifiers): grants through {@link AzureChannels#STORED_ACCESS_POLICY}. */
    public static final Fact STORED_ACCESS_POLICIES = Fact.of("STORED_ACCESS_POLICIES");
    /** Public network access and the firewall; grants through {@link AzureChannels#NETWORK_RULE}. */
    public static final Fact NETWORK_RULES = Fact.of("NETWORK_RULES");
    /** The static website (and so the anonymous {@code $web} container). */
    public static final Fact WEBSITE = Fact.of("WEBSITE");
    /** Classic Storage Analytics logging. */
    public static final Fact LOGGING = Fact.of("LOGGING");
    /** Encryption at rest: the envelope's encryption. */
    public static final Fact ENCRYPTION = Fact.ENCRYPTION;

    public static final Set<Fact> ALL = Set.of(ACCOUNT_SETTINGS, CONTAINER_ACCESS, STORED_ACCESS_POLICIES,
            NETWORK_RULES, WEBSITE, LOGGING, ENCRYPTION);

    /** What the verdict reads (SEMANTICS.md 5.2). */
    public static final Set<Fact> VERDICT = Set.of(ACCOUNT_SETTINGS, CONTAINER_ACCESS, NETWORK_RULES, WEBSITE);

    private AzureFacts() {
    }
}
