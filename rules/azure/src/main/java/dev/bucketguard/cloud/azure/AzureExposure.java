package dev.bucketguard.cloud.azure;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.List;

/**
 * The exposure verdict of a storage account (SEMANTICS.md 5.2): containers are grants through
 * {@link AzureChannels#CONTAINER_ACCESS_LEVEL}, the {@code $web} container of a static website through
 * {@link AzureChannels#WEBSITE_ENDPOINT}; {@code allowBlobPublicAccess} and {@code publicNetworkAccess} neutralise
 * them, the firewall scopes them.
 */
final class AzureExposure extends VerdictBuilder {
    private final StorageAccount account;

    AzureExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
        this.account = resource.details() == null ? StorageAccount.UNREAD : resource.details(StorageAccount.class);
    }

    @Override
    public Verdict verdict() {
        flags();
        // resourceAccessRules that admit other tenants live in the network rule set.
        grantFacts(List.of(AzureFacts.NETWORK_RULES));
        AccountSettings settings = account.settings();
        if (!resource.knows(AzureFacts.ACCOUNT_SETTINGS) || settings == null) {
            resource.grants().forEach(g -> effects.add(new GrantEffect(g, GrantEffect.Effect.UNDECIDED,
                    "the storage account's settings could not be read")));
            resource.whyUnknown(AzureFacts.ACCOUNT_SETTINGS).map(Unknown::describe).ifPresent(reasons::add);
            return done(Exposure.UNKNOWN);
        }
        Switch allow = settings.allowBlobPublicAccess();
        boolean abpa = allow.on(true);
        NetworkAccess network = resource.knows(AzureFacts.NETWORK_RULES) ? account.network() : null;
        boolean networkDisabled = network != null && network.publicNetworkAccess() == PublicNetworkAccess.DISABLED;
        Boolean open = networkDisabled ? Boolean.FALSE : network == null ? null : network.internetOpen();

        for (Grant g : resource.grants()) {
            if (AzureChannels.CONTAINER_ACCESS_LEVEL.equals(g.via()) && !abpa) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.NEUTRALISED,
                        "allowBlobPublicAccess is false on the storage account"));
            } else if (g.grantee().isPublic() && networkDisabled) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.NEUTRALISED, "publicNetworkAccess is Disabled"));
            } else {
                effects.add(new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null));
            }
        }
        List<Grant> publicContainers = effects.stream().filter(GrantEffect::inForce).map(GrantEffect::grant)
                .filter(g -> g.grantee().isPublic() && (AzureChannels.CONTAINER_ACCESS_LEVEL.equals(g.via())
                        || AzureChannels.WEBSITE_ENDPOINT.equals(g.via())))
                .toList();

        if (!networkDisabled) {
            // A container known to be public decides before unread ones: they could only add to it.
            if (!publicContainers.isEmpty()) {
                publicContainers.forEach(g -> reasons.add(describe(g)));
                reasons.add(allowBlobPublicAccess(allow));
                if (publicContainers.stream().anyMatch(g -> g.allows(Permission.LIST))) {
                    tags.add(ExposureTag.LISTABLE);
                }
                if (publicContainers.stream().anyMatch(g -> AzureChannels.WEBSITE_ENDPOINT.equals(g.via()))) {
                    tags.add(ExposureTag.WEBSITE);
                }
                if (Boolean.TRUE.equals(open)) {
                    reasons.add("the storage account accepts requests from the internet");
                    return done(Exposure.PUBLIC);
                }
                if (open == null) {
                    resource.whyUnknown(AzureFacts.NETWORK_RULES).map(Unknown::describe).ifPresent(reasons::add);
                    return done(Exposure.UNKNOWN);
                }
                tags.add(ExposureTag.NETWORK_SCOPED);
                reasons.add("the firewall admits only selected networks: anonymous access is scoped to them");
                return done(Exposure.CROSS_ACCOUNT);
            }
            boolean containersUnread = abpa && !resource.knows(AzureFacts.CONTAINER_ACCESS);
            // $web is public whatever allowBlobPublicAccess says, so an unread website setting may hide it.
            boolean websiteUnread = resource.collected().contains(AzureFacts.WEBSITE)
                    && !resource.knows(AzureFacts.WEBSITE);
            if (containersUnread || websiteUnread) {
                if (containersUnread) {
                    reasons.add(allowBlobPublicAccess(allow));
                    resource.whyUnknown(AzureFacts.CONTAINER_ACCESS).map(Unknown::describe).ifPresent(reasons::add);
                }
                if (websiteUnread) {
                    resource.whyUnknown(AzureFacts.WEBSITE).map(Unknown::describe).ifPresent(reasons::add);
                }
                return done(Exposure.UNKNOWN);
            }
        } else {
            reasons.add("publicNetworkAccess is Disabled: no request reaches the account from the internet");
        }
        Exposure cross = crossAccountStep();
        if (cross != null) {
            return done(cross);
        }
        reasons.add("no container is anonymously readable and no grant reaches another tenant");
        return done(Exposure.PRIVATE);
    }

    private static String allowBlobPublicAccess(Switch allow) {
        return "allowBlobPublicAccess is " + switch (allow) {
            case NOT_SET -> "not set (treated as true)";
            case TRUE -> "true";
            case FALSE -> "false";
        };
    }

    private void flags() {
        AccountSettings settings = resource.knows(AzureFacts.ACCOUNT_SETTINGS) ? account.settings() : null;
        // Unread settings cannot rule out shared keys with unbounded SAS: the tag stays (the more exposed answer).
        boolean sharedKey = settings == null || settings.allowSharedKeyAccess().on(true);
        boolean sasBlocked = settings != null && settings.sasExpirationAction() == SasExpirationAction.BLOCK;
        if (sharedKey && !sasBlocked) {
            tags.add(AzureCloud.SAS_UNBOUNDED);
        }
        if (resource.grants().stream().anyMatch(g -> AzureChannels.STORED_ACCESS_POLICY.equals(g.via()))) {
            tags.add(AzureCloud.STORED_POLICIES);
        }
        if (settings != null && !settings.httpsTrafficOnly()) {
            tags.add(ExposureTag.HTTP_ALLOWED);
        }
        if (settings != null && (settings.minimumTlsVersion() == TlsVersion.TLS1_0
                || settings.minimumTlsVersion() == TlsVersion.TLS1_1)) {
            tags.add(ExposureTag.TLS_LT_1_2);
        }
    }
}
