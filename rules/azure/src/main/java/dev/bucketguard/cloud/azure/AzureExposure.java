package dev.bucketguard.exposure;

import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.List;

/**
 * SEMANTICS.md 5.2, per storage account: containers are grants through {@link Channel#CONTAINER_ACCESS_LEVEL}, the
 * {@code $web} container of a static website through {@link Channel#WEBSITE_ENDPOINT}.
 *
 * <p>Property keys read: {@code azure.allowSharedKeyAccess}, {@code azure.sasPolicy.expirationAction},
 * {@code azure.minimumTlsVersion}.
 */
final class AzureExposure extends Verdicts {

    AzureExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
    }

    @Override
    Assessment assess() {
        flags();
        if (!resource.knows(Fact.ACCOUNT_SETTINGS)) {
            resource.grants().forEach(g -> effects.add(new GrantEffect(g, GrantEffect.Effect.UNDECIDED,
                    "the storage account's settings could not be read")));
            resource.whyUnknown(Fact.ACCOUNT_SETTINGS).map(Unknown::describe).ifPresent(reasons::add);
            return done(Exposure.UNKNOWN);
        }
        Boolean allow = resource.guardrails().azureAllowBlobPublicAccess();
        boolean abpa = allow == null || allow;
        String pna = resource.guardrails().azurePublicNetworkAccess();
        boolean networkDisabled = "Disabled".equalsIgnoreCase(pna);
        Boolean open = networkDisabled ? Boolean.FALSE
                : resource.knows(Fact.NETWORK_RULES) ? resource.guardrails().azureNetworkOpen() : null;

        for (Grant g : resource.grants()) {
            if (g.via() == Channel.CONTAINER_ACCESS_LEVEL && !abpa) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.NEUTRALISED,
                        "allowBlobPublicAccess is false on the storage account"));
            } else if (g.grantee().isPublic() && networkDisabled) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.NEUTRALISED, "publicNetworkAccess is Disabled"));
            } else {
                effects.add(new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null));
            }
        }
        List<Grant> publicContainers = effects.stream().filter(GrantEffect::inForce).map(GrantEffect::grant)
                .filter(g -> g.grantee().isPublic()
                        && (g.via() == Channel.CONTAINER_ACCESS_LEVEL || g.via() == Channel.WEBSITE_ENDPOINT))
                .toList();

        if (!networkDisabled) {
            // A container known to be public decides before unread ones: they could only add to it.
            if (!publicContainers.isEmpty()) {
                publicContainers.forEach(g -> reasons.add(describe(g)));
                reasons.add("allowBlobPublicAccess is " + (allow == null ? "not set (treated as true)" : "true"));
                if (publicContainers.stream().anyMatch(g -> g.allows(Permission.LIST))) {
                    tags.add(ExposureTag.LISTABLE);
                }
                if (publicContainers.stream().anyMatch(g -> g.via() == Channel.WEBSITE_ENDPOINT)) {
                    tags.add(ExposureTag.WEBSITE);
                }
                if (Tri.isTrue(open)) {
                    reasons.add("the storage account accepts requests from the internet");
                    return done(Exposure.PUBLIC);
                }
                if (open == null) {
                    resource.whyUnknown(Fact.NETWORK_RULES).map(Unknown::describe).ifPresent(reasons::add);
                    return done(Exposure.UNKNOWN);
                }
                tags.add(ExposureTag.NETWORK_SCOPED);
                reasons.add("the firewall admits only selected networks: anonymous access is scoped to them");
                return done(Exposure.CROSS_ACCOUNT);
            }
            boolean containersUnread = abpa && !resource.knows(Fact.CONTAINER_ACCESS);
            // $web is public whatever allowBlobPublicAccess says, so an unread website setting may hide it.
            boolean websiteUnread = resource.collected().contains(Fact.WEBSITE) && !resource.knows(Fact.WEBSITE);
            if (containersUnread || websiteUnread) {
                if (containersUnread) {
                    reasons.add("allowBlobPublicAccess is " + (allow == null ? "not set (treated as true)" : "true"));
                    resource.whyUnknown(Fact.CONTAINER_ACCESS).map(Unknown::describe).ifPresent(reasons::add);
                }
                if (websiteUnread) {
                    resource.whyUnknown(Fact.WEBSITE).map(Unknown::describe).ifPresent(reasons::add);
                }
                return done(Exposure.UNKNOWN);
            }
        } else {
            reasons.add("publicNetworkAccess is Disabled: no request reaches the account from the internet");
        }
        // resourceAccessRules that admit other tenants live in the network rule set.
        Exposure cross = crossAccountStep(List.of(Fact.NETWORK_RULES));
        if (cross != null) {
            return done(cross);
        }
        reasons.add("no container is anonymously readable and no grant reaches another tenant");
        return done(Exposure.PRIVATE);
    }

    private void flags() {
        String sharedKey = resource.properties().get("azure.allowSharedKeyAccess");
        String sasAction = resource.properties().get("azure.sasPolicy.expirationAction");
        if (!"false".equalsIgnoreCase(sharedKey) && !"Block".equalsIgnoreCase(sasAction)) {
            tags.add(ExposureTag.SAS_UNBOUNDED);
        }
        if (resource.grants().stream().anyMatch(g -> g.via() == Channel.STORED_ACCESS_POLICY)) {
            tags.add(ExposureTag.STORED_POLICIES);
        }
        if (Boolean.FALSE.equals(resource.tlsEnforced())) {
            tags.add(ExposureTag.HTTP_ALLOWED);
        }
        String tls = resource.properties().get("azure.minimumTlsVersion");
        if ("TLS1_0".equals(tls) || "TLS1_1".equals(tls)) {
            tags.add(ExposureTag.TLS_LT_1_2);
        }
    }
}
