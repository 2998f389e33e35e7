package dev.bucketguard.exposure;

import static dev.bucketguard.exposure.Fixtures.assertEffect;
import static dev.bucketguard.exposure.Fixtures.assertReason;
import static dev.bucketguard.exposure.Fixtures.assertVerdict;
import static dev.bucketguard.exposure.Fixtures.denied;
import static dev.bucketguard.exposure.Fixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.GrantEffect.Effect;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Guardrails;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md 5.2, one test per branch. */
class AzureExposureTest {
    private static final String TENANT = "contoso-tenant";
    private final ExposureAnalyzer analyzer = new ExposureAnalyzer();

    /** Settings read; hardened flags (shared keys off, TLS 1.2, HTTPS only) so only the case under test shows. */
    private static Resource.Builder account(Boolean allowBlobPublicAccess, String publicNetworkAccess, Boolean open) {
        return Resource.builder("azure", "sub-0001", "applicantsstore").kind(ResourceKind.STORAGE_ACCOUNT)
                .collected(Fact.ACCOUNT_SETTINGS, Fact.CONTAINER_ACCESS, Fact.NETWORK_RULES)
                .guardrails(new Guardrails(null, null, null, allowBlobPublicAccess, publicNetworkAccess, open,
                        null, null, null))
                .tlsEnforced(true)
                .property("azure.allowSharedKeyAccess", "false")
                .property("azure.minimumTlsVersion", "TLS1_2");
    }

    private static Grant blobLevel(String container) {
        return grant(Grantee.anonymous(), Channel.CONTAINER_ACCESS_LEVEL, "container '" + container + "'",
                Permission.READ);
    }

    private static Grant containerLevel(String container) {
        return grant(Grantee.anonymous(), Channel.CONTAINER_ACCESS_LEVEL, "container '" + container + "'",
                Permission.READ, Permission.LIST);
    }

    private static Grant web() {
        return grant(Grantee.anonymous(), Channel.WEBSITE_ENDPOINT, "container '$web'", Permission.READ);
    }

    private static Grant foreignTenantRule() {
        return grant(Grantee.account("fabrikam-tenant"), Channel.NETWORK_RULE,
                "resourceAccessRule for tenant fabrikam-tenant", Permission.READ, Permission.WRITE);
    }

    @Test
    void azure_accountSwitchFalseOverridesContainerLevel() {
        Grant c = containerLevel("cvs");
        Assessment a = analyzer.assess(account(false, "Enabled", true).grant(c).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEffect(a, c, Effect.NEUTRALISED, "allowBlobPublicAccess is false on the storage account");
    }

    @Test
    void azure_accountSwitchFalseMakesUnreadContainersIrrelevant() {
        Assessment a = analyzer.assess(account(false, "Enabled", true).unknown(denied(Fact.CONTAINER_ACCESS)).build());

        assertVerdict(a, Exposure.PRIVATE);
    }

    @Test
    void azure_nullAllowBlobPublicAccessMeansTrue() {
        Assessment a = analyzer.assess(account(null, "Enabled", true).grant(blobLevel("cvs")).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "allowBlobPublicAccess is not set (treated as true)");
        assertReason(a, "container 'cvs' grants read to anyone");
        assertReason(a, "the storage account accepts requests from the internet");
        assertFalse(a.tags().contains(ExposureTag.LISTABLE), "Blob level cannot be listed");
    }

    @Test
    void azure_containerLevelIsListable() {
        Assessment a = analyzer.assess(account(true, "Enabled", true).grant(containerLevel("cvs")).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "allowBlobPublicAccess is true");
        assertTrue(a.tags().contains(ExposureTag.LISTABLE), a.tags()::toString);
    }

    @Test
    void azure_firewallScopedAnonymousIsCrossAccount() {
        Assessment a = analyzer.assess(account(true, "Enabled", false).grant(containerLevel("cvs")).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertTrue(a.tags().contains(ExposureTag.NETWORK_SCOPED), a.tags()::toString);
        assertReason(a, "the firewall admits only selected networks");
    }

    @Test
    void azure_web_container_public() {
        // $web is public whatever allowBlobPublicAccess says.
        Assessment a = analyzer.assess(account(false, "Enabled", true).grant(web()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.WEBSITE), a.tags()::toString);
        assertReason(a, "container '$web' grants read to anyone");
    }

    @Test
    void azure_knownPublicContainerIsPublicEvenWhenOtherContainersAreUnread() {
        // A $web grant proves PUBLIC; an unread container list can only add to it.
        Assessment a = analyzer.assess(account(true, "Enabled", true).unknown(denied(Fact.CONTAINER_ACCESS))
                .grant(web()).build());

        assertVerdict(a, Exposure.PUBLIC);
    }

    @Test
    void azure_step1_publicNetworkAccessDisabledSkipsAnonymousAccess() {
        Grant c = containerLevel("cvs");
        Assessment a = analyzer.assess(account(true, "Disabled", null).grant(c).grant(web()).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEffect(a, c, Effect.NEUTRALISED, "publicNetworkAccess is Disabled");
        assertReason(a, "publicNetworkAccess is Disabled");
    }

    @Test
    void azure_step1_disabledNetworkStillChecksOtherTenants() {
        Assessment a = analyzer.assess(account(true, "Disabled", null).grant(foreignTenantRule()).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of("fabrikam-tenant"), a.outsiders());
    }

    @Test
    void azure_step2_unreadContainersWithSwitchOnIsUnknown() {
        Assessment a = analyzer.assess(account(true, "Enabled", true).unknown(denied(Fact.CONTAINER_ACCESS)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "Microsoft.Storage/storageAccounts/blobServices/containers/read");
    }

    @Test
    void azure_step2_unreadNetworkRulesWithPublicContainerIsUnknown() {
        Assessment a = analyzer.assess(account(true, "Enabled", null).unknown(denied(Fact.NETWORK_RULES))
                .grant(blobLevel("cvs")).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read NETWORK_RULES");
    }

    @Test
    void azure_step3_foreignTenantResourceAccessRuleIsCrossAccount() {
        Assessment a = analyzer.assess(account(true, "Enabled", true).grant(foreignTenantRule()).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertReason(a, "resourceAccessRule for tenant fabrikam-tenant grants read, write to account fabrikam-tenant");
    }

    @Test
    void azure_step3_ownTenantIsNotCrossAccount() {
        Assessment a = new ExposureAnalyzer(new TrustZone(Set.of(TENANT), Set.of())).assess(account(true, "Enabled",
                true).grant(grant(Grantee.account(TENANT), Channel.NETWORK_RULE, "resourceAccessRule", Permission.READ))
                .build());

        assertVerdict(a, Exposure.PRIVATE);
    }

    @Test
    void azure_step3_unreadNetworkRulesMayHideAForeignTenantRule() {
        // resourceAccessRules live in the network rule set: unread, a foreign tenant may be admitted.
        Assessment a = analyzer.assess(account(true, "Enabled", null).unknown(denied(Fact.NETWORK_RULES)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read NETWORK_RULES");
    }

    @Test
    void azure_unreadableAccountIsUnknownForEverything() {
        Grant c = containerLevel("cvs");
        Assessment a = analyzer.assess(Resource.builder("azure", "sub-0001", "applicantsstore")
                .kind(ResourceKind.STORAGE_ACCOUNT).unknown(denied(Fact.ACCOUNT_SETTINGS)).grant(c).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "Microsoft.Storage/storageAccounts/read");
        assertEffect(a, c, Effect.UNDECIDED, "settings could not be read");
    }

    @Test
    void azure_step4_privateWithHardenedFlagsHasNoTags() {
        Assessment a = analyzer.assess(account(false, "Enabled", true).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(), a.tags());
        assertReason(a, "no container is anonymously readable and no grant reaches another tenant");
    }

    @Test
    void azure_step4_flagsSasUnboundedStoredPoliciesHttpAndOldTls() {
        Resource r = account(false, "Enabled", true)
                .property("azure.allowSharedKeyAccess", "true")
                .property("azure.minimumTlsVersion", "TLS1_0")
                .tlsEnforced(false)
                .grant(grant(Grantee.owner(), Channel.STORED_ACCESS_POLICY, "stored access policy 'export'",
                        Permission.READ))
                .build();
        Assessment a = analyzer.assess(r);

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(ExposureTag.SAS_UNBOUNDED, ExposureTag.STORED_POLICIES, ExposureTag.HTTP_ALLOWED,
                ExposureTag.TLS_LT_1_2), a.tags());
    }

    @Test
    void azure_step4_sasPolicyBlockBoundsSasEvenWithSharedKeys() {
        Assessment unset = analyzer.assess(account(false, "Enabled", true)
                .property("azure.allowSharedKeyAccess", "true").build());
        assertTrue(unset.tags().contains(ExposureTag.SAS_UNBOUNDED));

        Assessment blocked = analyzer.assess(account(false, "Enabled", true)
                .property("azure.allowSharedKeyAccess", "true").property("azure.sasPolicy.expirationAction", "Block")
                .build());
        assertFalse(blocked.tags().contains(ExposureTag.SAS_UNBOUNDED), blocked.tags()::toString);
    }

    @Test
    void azure_unreadWebsiteSettingMayHideAPublicWebContainer() {
        Assessment a = analyzer.assess(account(false, "Enabled", true)
                .unknown(new Unknown(Fact.WEBSITE, "BlobServiceClient.getProperties",
                        "Microsoft.Storage/storageAccounts/blobServices/read", "AuthorizationFailure"))
                .build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read WEBSITE");
    }
}
