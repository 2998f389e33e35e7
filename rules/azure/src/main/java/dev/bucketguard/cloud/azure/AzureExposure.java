package dev.bucketguard.cloud.azure;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Optional;

/**
 * The exposure verdict of a storage account (SEMANTICS.md 5.2). Containers are grants through
 * {@link AzureChannels#CONTAINER_ACCESS_LEVEL}, which {@code allowBlobPublicAccess} neutralises; the static website's
 * {@code $web} container is anonymous from the website fact itself, whatever the switch says; publicNetworkAccess
 * Disabled neutralises both, and a firewall that admits only selected networks scopes them (CROSS_ACCOUNT).
 * Resource access rules, object replication and private endpoints of other tenants are the cross-tenant step.
 *
 * <p>Never PRIVATE with a fact it needs unread: an unread switch leaves the containers undecided, an unread (or
 * uncollected) website is unread, not off.
 */
final class AzureExposure extends VerdictBuilder {
    private final StorageAccount account;

    AzureExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
        this.account = StorageAccount.of(resource);
    }

    @Override
    public Verdict verdict() {
        flags();
        grantFacts(AzureFacts.CROSS_TENANT);
        AccountSettings settings = resource.knows(AzureFacts.ACCOUNT_SETTINGS) ? account.settings() : null;
        Switch allow = settings == null ? null : settings.allowBlobPublicAccess();
        Boolean abpa = allow == null ? null : allow.on(true);
        NetworkAccess network = resource.knows(AzureFacts.NETWORK_RULES) ? account.network() : null;
        boolean networkDisabled = network != null && network.publicNetworkAccess() == PublicNetworkAccess.DISABLED;
        Boolean websiteOn = resource.knows(AzureFacts.WEBSITE) && account.website() != null
                ? account.website().enabled() : null;
        List<AnonymousProbe> proofs = resource.knows(AzureFacts.ANONYMOUS_PROBE)
                ? account.probes().stream().filter(AnonymousProbe::succeeded).toList() : List.of();

        for (Grant g : resource.grants()) {
            boolean containerLevel = AzureChannels.CONTAINER_ACCESS_LEVEL.equals(g.via());
            if (g.grantee().isPublic() && networkDisabled) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.NEUTRALISED, "publicNetworkAccess is Disabled"));
            } else if (containerLevel && Boolean.FALSE.equals(abpa)) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.NEUTRALISED,
                        "allowBlobPublicAccess is false on the storage account"));
            } else if (containerLevel && abpa == null) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.UNDECIDED,
                        "the storage account's settings could not be read (allowBlobPublicAccess)"));
            } else {
                effects.add(new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null));
            }
        }

        if (networkDisabled) {
            reasons.add("publicNetworkAccess is Disabled: no request reaches the account's public endpoint");
            return crossTenantOrPrivate();
        }

        List<Grant> anonymous = effects.stream().filter(GrantEffect::inForce).map(GrantEffect::grant)
                .filter(g -> g.grantee().isPublic() && (AzureChannels.CONTAINER_ACCESS_LEVEL.equals(g.via())
                        || AzureChannels.WEBSITE_ENDPOINT.equals(g.via())))
                .toList();
        boolean website = Boolean.TRUE.equals(websiteOn)
                || anonymous.stream().anyMatch(g -> AzureChannels.WEBSITE_ENDPOINT.equals(g.via()));
        Boolean open = network == null ? null : open(network);

        if (!anonymous.isEmpty() || website) {
            anonymous.forEach(g -> reasons.add(describe(g)));
            undecidedContainers();
            if (Boolean.TRUE.equals(websiteOn)) {
                reasons.add("the static website is on: its $web container is served anonymously whatever"
                        + " allowBlobPublicAccess says");
            }
            if (anonymous.stream().anyMatch(g -> AzureChannels.CONTAINER_ACCESS_LEVEL.equals(g.via()))) {
                reasons.add(allowBlobPublicAccess(allow));
            }
            if (anonymous.stream().anyMatch(g -> g.allows(Permission.LIST))) {
                tags.add(ExposureTag.LISTABLE);
            }
            if (website) {
                tags.add(ExposureTag.WEBSITE);
            }
            proofs(proofs);
            if (Boolean.TRUE.equals(open)) {
                reasons.add(networkReason(network));
                return done(Exposure.PUBLIC);
            }
            if (open == null) {
                unread(AzureFacts.NETWORK_RULES);
                return done(proofs.isEmpty() ? Exposure.UNKNOWN : Exposure.PUBLIC);
            }
            tags.add(ExposureTag.NETWORK_SCOPED);
            reasons.add("the firewall admits only selected networks (default action Deny, no IP rule broader than /"
                    + NetworkAccess.BROADEST_SCOPED_PREFIX + "): anonymous access is scoped to them");
            return done(Exposure.CROSS_ACCOUNT);
        }

        if (!proofs.isEmpty()) {
            // The configuration could not say (an unread switch or container list), the anonymous request did.
            undecidedContainers();
            proofs(proofs);
            if (Boolean.FALSE.equals(open)) {
                tags.add(ExposureTag.NETWORK_SCOPED);
                reasons.add("the firewall admits only selected networks: anonymous access is scoped to them");
                return done(Exposure.CROSS_ACCOUNT);
            }
            return done(Exposure.PUBLIC);
        }

        boolean undecidedContainers = effects.stream().anyMatch(e -> e.effect() == GrantEffect.Effect.UNDECIDED
                && AzureChannels.CONTAINER_ACCESS_LEVEL.equals(e.grant().via()));
        boolean containersUnread = !Boolean.FALSE.equals(abpa) && !resource.knows(AzureFacts.CONTAINER_ACCESS);
        boolean websiteUnread = websiteOn == null;
        if (undecidedContainers || containersUnread || websiteUnread) {
            undecidedContainers();
            if (abpa == null) {
                unread(AzureFacts.ACCOUNT_SETTINGS);
            } else if (containersUnread) {
                reasons.add(allowBlobPublicAccess(allow));
            }
            if (containersUnread) {
                unread(AzureFacts.CONTAINER_ACCESS);
            }
            if (websiteUnread) {
                unread(AzureFacts.WEBSITE);
                reasons.add("an unread static website may serve $web anonymously whatever allowBlobPublicAccess says");
            }
            return done(Exposure.UNKNOWN);
        }
        return crossTenantOrPrivate();
    }

    private Verdict crossTenantOrPrivate() {
        Exposure cross = crossAccountStep();
        if (cross != null) {
            return done(cross);
        }
        reasons.add("no container is anonymously readable and no grant reaches another tenant");
        return done(Exposure.PRIVATE);
    }

    /** SEMANTICS 5.2's "open": default Allow, or an IP rule broader than /8. */
    static boolean open(NetworkAccess network) {
        return network.defaultAction() == NetworkDefaultAction.ALLOW || network.broadIpRule().isPresent();
    }

    private static String networkReason(NetworkAccess network) {
        if (network.defaultAction() == NetworkDefaultAction.ALLOW) {
            return Boolean.TRUE.equals(network.ruleSetAbsent())
                    ? "the account has no network rule set, read as default action Allow: the storage account"
                            + " accepts requests from the internet"
                    : "the firewall's default action is Allow: the storage account accepts requests from the internet";
        }
        Optional<String> broad = network.broadIpRule();
        return "the firewall admits " + broad.orElse("?") + ", broader than /" + NetworkAccess.BROADEST_SCOPED_PREFIX
                + ": the storage account accepts requests from the internet";
    }

    private void undecidedContainers() {
        effects.stream().filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED
                        && AzureChannels.CONTAINER_ACCESS_LEVEL.equals(e.grant().via()))
                .forEach(e -> reasons.add(describe(e.grant()) + ", if allowBlobPublicAccess allows it"));
    }

    private void proofs(List<AnonymousProbe> proofs) {
        if (!proofs.isEmpty()) {
            tags.add(AzureCloud.PROVEN_ANONYMOUS);
            proofs.forEach(p -> reasons.add(p.describe() + ": proven anonymous from where the scan ran"));
        }
    }

    private void unread(Fact fact) {
        resource.whyUnknown(fact).map(Unknown::describe).ifPresent(reasons::add);
    }

    private static String allowBlobPublicAccess(Switch allow) {
        if (allow == null) {
            return "allowBlobPublicAccess could not be read";
        }
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
        boolean storedPolicies = resource.knows(AzureFacts.STORED_ACCESS_POLICIES)
                && !account.storedAccessPolicies().isEmpty();
        if (storedPolicies || resource.grants().stream()
                .anyMatch(g -> AzureChannels.STORED_ACCESS_POLICY.equals(g.via()))) {
            tags.add(AzureCloud.STORED_POLICIES);
        }
        if (settings != null && !settings.httpsTrafficOnly()) {
            tags.add(ExposureTag.HTTP_ALLOWED);
        }
        if (settings != null && (settings.effectiveMinimumTls() == TlsVersion.TLS1_0
                || settings.effectiveMinimumTls() == TlsVersion.TLS1_1)) {
            tags.add(ExposureTag.TLS_LT_1_2);
        }
    }
}
