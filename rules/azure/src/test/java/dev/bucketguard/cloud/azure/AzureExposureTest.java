package dev.bucketguard.cloud.azure;

import static dev.bucketguard.cloud.azure.Fixtures.FOREIGN_TENANT;
import static dev.bucketguard.cloud.azure.Fixtures.SUBSCRIPTION;
import static dev.bucketguard.cloud.azure.Fixtures.TENANT;
import static dev.bucketguard.cloud.azure.Fixtures.account;
import static dev.bucketguard.cloud.azure.Fixtures.verdict;
import static dev.bucketguard.cloud.azure.Fixtures.denied;
import static dev.bucketguard.cloud.azure.Fixtures.grant;
import static dev.bucketguard.cloud.azure.Fixtures.network;
import static dev.bucketguard.cloud.azure.Fixtures.settings;
import static dev.bucketguard.testkit.VerdictAssertions.assertEffect;
import static dev.bucketguard.testkit.VerdictAssertions.assertReason;
import static dev.bucketguard.testkit.VerdictAssertions.assertVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect.Effect;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Website;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Azure verdict (docs/exposure.md, "Azure Blob"), one test per branch. */
class AzureExposureTest {
    private static final NetworkAccess OPEN = network(PublicNetworkAccess.ENABLED, true);
    private static final NetworkAccess SELECTED = network(PublicNetworkAccess.ENABLED, false);
    /** Disabled public network access with a firewall that would admit the internet: Disabled must win. */
    private static final NetworkAccess DISABLED = network(PublicNetworkAccess.DISABLED, true);

    private static Grant blobLevel(String container) {
        return grant(Grantee.anonymous(), AzureChannels.CONTAINER_ACCESS_LEVEL, "container '" + container + "'",
                Permission.READ);
    }

    private static Grant containerLevel(String container) {
        return grant(Grantee.anonymous(), AzureChannels.CONTAINER_ACCESS_LEVEL, "container '" + container + "'",
                Permission.READ, Permission.LIST);
    }

    private static Grant web() {
        return grant(Grantee.anonymous(), AzureChannels.WEBSITE_ENDPOINT, "container '$web'", Permission.READ);
    }

    private static Grant foreignTenantRule() {
        return grant(Grantee.account(FOREIGN_TENANT), AzureChannels.NETWORK_RULE,
                "resourceAccessRule for tenant " + FOREIGN_TENANT, Permission.READ, Permission.WRITE);
    }

    @Test
    void azure_accountSwitchFalseOverridesContainerLevel() {
        Grant c = containerLevel("cvs");
        Verdict a = verdict(account(settings(Switch.FALSE), OPEN).grant(c).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEffect(a, c, Effect.NEUTRALISED, "allowBlobPublicAccess is false on the storage account");
    }

    @Test
    void azure_accountSwitchFalseMakesUnreadContainersIrrelevant() {
        Verdict a = verdict(account(settings(Switch.FALSE), OPEN)
                .unknown(denied(AzureFacts.CONTAINER_ACCESS)).build());

        assertVerdict(a, Exposure.PRIVATE);
    }

    @Test
    void azure_allowBlobPublicAccessNotSetMeansTrue() {
        Verdict a = verdict(account(settings(Switch.NOT_SET), OPEN).grant(blobLevel("cvs")).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "allowBlobPublicAccess is not set (treated as true)");
        assertReason(a, "container 'cvs' grants read to anyone");
        assertReason(a, "the storage account accepts requests from the internet");
        assertFalse(a.tags().contains(ExposureTag.LISTABLE), "Blob level cannot be listed");
    }

    @Test
    void azure_containerLevelIsListable() {
        Verdict a = verdict(account(settings(Switch.TRUE), OPEN).grant(containerLevel("cvs")).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "allowBlobPublicAccess is true");
        assertTrue(a.tags().contains(ExposureTag.LISTABLE), a.tags()::toString);
    }

    @Test
    void azure_firewallScopedAnonymousIsCrossAccount() {
        Verdict a = verdict(account(settings(Switch.TRUE), SELECTED).grant(containerLevel("cvs")).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertTrue(a.tags().contains(ExposureTag.NETWORK_SCOPED), a.tags()::toString);
        assertReason(a, "the firewall admits only selected networks");
        assertReason(a, "no IP rule broader than /8");
    }

    @Test
    void azure_web_container_public() {
        // $web is public whatever allowBlobPublicAccess says.
        Verdict a = verdict(account(settings(Switch.FALSE), OPEN).grant(web()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.WEBSITE), a.tags()::toString);
        assertReason(a, "container '$web' grants read to anyone");
    }

    @Test
    void azure_knownPublicContainerIsPublicEvenWhenOtherContainersAreUnread() {
        // A $web grant proves PUBLIC; an unread container list can only add to it.
        Verdict a = verdict(account(settings(Switch.TRUE), OPEN).unknown(denied(AzureFacts.CONTAINER_ACCESS))
                .grant(web()).build());

        assertVerdict(a, Exposure.PUBLIC);
    }

    @Test
    void azure_step1_publicNetworkAccessDisabledSkipsAnonymousAccess() {
        Grant c = containerLevel("cvs");
        Verdict a = verdict(account(settings(Switch.TRUE), DISABLED).grant(c).grant(web()).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEffect(a, c, Effect.NEUTRALISED, "publicNetworkAccess is Disabled");
        assertEffect(a, web(), Effect.NEUTRALISED, "publicNetworkAccess is Disabled");
        assertReason(a, "publicNetworkAccess is Disabled");
    }

    @Test
    void azure_step1_securedByPerimeterIsNotDisabled() {
        Verdict a = verdict(account(settings(Switch.TRUE), network(PublicNetworkAccess.SECURED_BY_PERIMETER, true))
                .grant(containerLevel("cvs")).build());

        assertVerdict(a, Exposure.PUBLIC);
    }

    @Test
    void azure_step1_disabledNetworkStillChecksOtherTenants() {
        Verdict a = verdict(account(settings(Switch.TRUE), DISABLED).grant(foreignTenantRule()).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of(FOREIGN_TENANT), a.outsiders());
    }

    @Test
    void azure_step2_unreadContainersWithSwitchOnIsUnknown() {
        Verdict a = verdict(account(settings(Switch.TRUE), OPEN).unknown(denied(AzureFacts.CONTAINER_ACCESS))
                .build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "Microsoft.Storage/storageAccounts/blobServices/containers/read");
    }

    @Test
    void azure_step2_unreadNetworkRulesWithPublicContainerIsUnknown() {
        Verdict a = verdict(account(settings(Switch.TRUE), null).grant(blobLevel("cvs")).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read NETWORK_RULES");
    }

    @Test
    void azure_step3_foreignTenantResourceAccessRuleIsCrossAccount() {
        Verdict a = verdict(account(settings(Switch.TRUE), OPEN).grant(foreignTenantRule()).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertReason(a, "resourceAccessRule for tenant fabrikam-tenant grants read, write to account fabrikam-tenant");
        assertEquals(List.of(FOREIGN_TENANT), a.outsiders());
    }

    @Test
    void azure_step3_theAccountsOwnTenantIsNotAnOutsiderWithoutBeingAddedToTheTrustZone() {
        // The owner's parent (its tenant) is trusted by construction: no trust zone entry needed.
        Verdict a = verdict(account(settings(Switch.TRUE), OPEN).grant(grant(Grantee.account(TENANT),
                AzureChannels.NETWORK_RULE, "resourceAccessRule", Permission.READ)).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(List.of(), a.outsiders());
    }

    @Test
    void azure_step3_theSameTenantIsAnOutsiderOfAnAccountInAnotherTenant() {
        Resource elsewhere = account(settings(Switch.TRUE), OPEN).parent(AzureCloud.TENANT, "northwind-tenant")
                .grant(grant(Grantee.account(TENANT), AzureChannels.NETWORK_RULE, "resourceAccessRule",
                        Permission.READ))
                .build();

        assertVerdict(verdict(elsewhere), Exposure.CROSS_ACCOUNT);
    }

    @Test
    void azure_step3_unreadResourceAccessRulesMayHideAForeignTenant() {
        // "Not read" differs from "none": unread resource access rules may admit another tenant.
        Verdict a = verdict(account(settings(Switch.TRUE), OPEN)
                .unknown(denied(AzureFacts.RESOURCE_ACCESS_RULES)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read RESOURCE_ACCESS_RULES");
        assertFalse(a.unreadGrantFacts().isEmpty(), "the cross-account dimension names the unread rules");
    }

    @Test
    void azure_step3_uncollectedCrossTenantFactsAreUnreadNotNone() {
        Verdict a = verdict(Resource.builder(AzureCloud.ID, SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT).parent(AzureCloud.TENANT, TENANT)
                .collected(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.CONTAINER_ACCESS, AzureFacts.NETWORK_RULES,
                        AzureFacts.WEBSITE)
                .details(new StorageAccount(settings(Switch.FALSE), OPEN, Website.OFF, null)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read OBJECT_REPLICATION: not collected");
        assertReason(a, "could not read PRIVATE_ENDPOINTS: not collected");
    }

    @Test
    void azure_step3_objectReplicationToAnUnscannedSubscriptionIsCrossAccount() {
        Verdict a = verdict(account(settings(Switch.FALSE), OPEN).grant(grant(Grantee.account("sub-elsewhere"),
                AzureChannels.OBJECT_REPLICATION, "object replication policy 'p1' to account 'copyacct'",
                Permission.READ)).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of("sub-elsewhere"), a.outsiders());
    }

    @Test
    void azure_step3_aTrustedTenantIsNotAnOutsider() {
        Resource r = account(settings(Switch.FALSE), OPEN).grant(foreignTenantRule()).build();

        assertVerdict(new AzureCloud().verdict(r, new dev.bucketguard.exposure.TrustZone(Set.of(FOREIGN_TENANT),
                Set.of())), Exposure.PRIVATE);
    }

    @Test
    void azure_step3_aForeignApprovedPrivateEndpointIsCrossAccount() {
        Verdict a = verdict(account(settings(Switch.FALSE), DISABLED).grant(grant(Grantee.account("sub-partner"),
                AzureChannels.PRIVATE_ENDPOINT, "private endpoint 'pe-partner' (Approved)", Permission.READ))
                .build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertReason(a, "private endpoint 'pe-partner' (Approved) grants read to account sub-partner");
    }

    @Test
    void azure_staticWebsiteOnIsPublicFromTheWebsiteFactWhateverTheSwitch() {
        Resource r = account(settings(Switch.FALSE), OPEN)
                .details(new StorageAccount(settings(Switch.FALSE), OPEN, new Website(true, null), null)).build();
        Verdict a = verdict(r);

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.WEBSITE), a.tags()::toString);
        assertReason(a, "the static website is on: its $web container is served anonymously");
    }

    @Test
    void azure_uncollectedWebsiteIsUnreadNotOff() {
        Resource r = Resource.builder(AzureCloud.ID, SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT).parent(AzureCloud.TENANT, TENANT)
                .collected(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.CONTAINER_ACCESS, AzureFacts.NETWORK_RULES)
                .collected(AzureFacts.CROSS_TENANT.toArray(dev.bucketguard.model.Fact[]::new))
                .details(new StorageAccount(settings(Switch.FALSE), OPEN, null, null)).build();
        Verdict a = verdict(r);

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read WEBSITE: not collected");
    }

    @Test
    void azure_uncollectedWebsiteDoesNotMatterWhenPublicNetworkAccessIsDisabled() {
        Resource r = Resource.builder(AzureCloud.ID, SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT).parent(AzureCloud.TENANT, TENANT)
                .collected(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.CONTAINER_ACCESS, AzureFacts.NETWORK_RULES)
                .collected(AzureFacts.CROSS_TENANT.toArray(dev.bucketguard.model.Fact[]::new))
                .details(new StorageAccount(settings(Switch.TRUE), DISABLED, null, null)).build();

        assertVerdict(verdict(r), Exposure.PRIVATE);
    }

    @Test
    void azure_anIpRuleBroaderThanSlash8OpensADenyFirewall() {
        NetworkAccess broad = NetworkAccess.of(PublicNetworkAccess.ENABLED, NetworkDefaultAction.DENY,
                List.of("203.0.113.7", "10.0.0.0/7"));
        Verdict a = verdict(account(settings(Switch.TRUE), broad).grant(blobLevel("cvs")).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "the firewall admits 10.0.0.0/7, broader than /8");
    }

    @Test
    void azure_aSlash8IpRuleKeepsADenyFirewallScoped() {
        NetworkAccess scoped = NetworkAccess.of(PublicNetworkAccess.ENABLED, NetworkDefaultAction.DENY,
                List.of("10.0.0.0/8", "198.51.100.0/24"));
        Verdict a = verdict(account(settings(Switch.TRUE), scoped).grant(blobLevel("cvs")).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertTrue(a.tags().contains(ExposureTag.NETWORK_SCOPED), a.tags()::toString);
    }

    @Test
    void azure_anAbsentNetworkRuleSetReadsAsDefaultAllowAndSaysSo() {
        Verdict a = verdict(account(settings(Switch.TRUE), NetworkAccess.noRuleSet(PublicNetworkAccess.NOT_SET))
                .grant(blobLevel("cvs")).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "no network rule set, read as default action Allow");
    }

    @Test
    void azure_minimumTlsNotSetReadsAsTls10() {
        Verdict a = verdict(account(new AccountSettings(Switch.FALSE, true, TlsVersion.NOT_SET, Switch.FALSE,
                SasExpirationAction.NONE), OPEN).build());

        assertTrue(a.tags().contains(ExposureTag.TLS_LT_1_2), a.tags()::toString);
    }

    private static AnonymousProbe probe(String container, int status) {
        return new AnonymousProbe(container, "list", status, status == 200);
    }

    private static Resource.Builder connectionStringMode(Grant g, AnonymousProbe... probes) {
        // The data plane only: settings, network and cross-tenant facts unread, container levels and website read.
        Resource.Builder b = Resource.builder(AzureCloud.ID, SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT).parent(AzureCloud.TENANT, TENANT)
                .unknown(denied(AzureFacts.ACCOUNT_SETTINGS)).unknown(denied(AzureFacts.NETWORK_RULES))
                .collected(AzureFacts.CONTAINER_ACCESS, AzureFacts.WEBSITE, AzureFacts.ANONYMOUS_PROBE)
                .details(new StorageAccount(null, null, Website.OFF, null, null, null, List.of(probes)))
                .grant(g);
        AzureFacts.CROSS_TENANT.forEach(f -> b.unknown(denied(f)));
        return b;
    }

    @Test
    void azure_aPublicLevelWithTheSwitchUnreadIsUnknown() {
        Grant c = containerLevel("exports");
        Verdict a = verdict(connectionStringMode(c).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertEffect(a, c, Effect.UNDECIDED, "settings could not be read");
        assertReason(a, "container 'exports' grants list, read to anyone, if allowBlobPublicAccess allows it");
    }

    @Test
    void azure_aSuccessfulAnonymousProbeProvesPublicWhereTheConfigurationCannot() {
        Verdict a = verdict(connectionStringMode(containerLevel("exports"), probe("exports", 200)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(AzureCloud.PROVEN_ANONYMOUS), a.tags()::toString);
        assertReason(a, "an anonymous list of container 'exports' answered 200");
    }

    @Test
    void azure_aRefusedAnonymousProbeIsNoProofOfPrivacy() {
        Verdict a = verdict(connectionStringMode(containerLevel("exports"), probe("exports", 403)).build());

        assertVerdict(a, Exposure.UNKNOWN);
    }

    @Test
    void azure_unreadableAccountIsUnknownForEverything() {
        Grant c = containerLevel("cvs");
        Verdict a = verdict(Resource.builder(AzureCloud.ID, SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT).parent(AzureCloud.TENANT, TENANT)
                .unknown(denied(AzureFacts.ACCOUNT_SETTINGS)).grant(c).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "Microsoft.Storage/storageAccounts/read");
        assertEffect(a, c, Effect.UNDECIDED, "settings could not be read");
    }

    @Test
    void azure_step4_privateWithHardenedFlagsHasNoTags() {
        Verdict a = verdict(account(settings(Switch.FALSE), OPEN).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(), a.tags());
        assertReason(a, "no container is anonymously readable and no grant reaches another tenant");
    }

    @Test
    void azure_step4_flagsSasUnboundedStoredPoliciesHttpAndOldTls() {
        AccountSettings loose = new AccountSettings(Switch.FALSE, false, TlsVersion.TLS1_0, Switch.TRUE,
                SasExpirationAction.NONE);
        Verdict a = verdict(account(loose, OPEN)
                .grant(grant(Grantee.owner(), AzureChannels.STORED_ACCESS_POLICY, "stored access policy 'export'",
                        Permission.READ))
                .build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(AzureCloud.SAS_UNBOUNDED, AzureCloud.STORED_POLICIES, ExposureTag.HTTP_ALLOWED,
                ExposureTag.TLS_LT_1_2), a.tags());
    }

    @Test
    void azure_step4_tls11IsOldAndTls13IsNot() {
        assertTrue(verdict(account(new AccountSettings(Switch.FALSE, true, TlsVersion.TLS1_1, Switch.FALSE,
                SasExpirationAction.NONE), OPEN).build()).tags().contains(ExposureTag.TLS_LT_1_2));
        assertEquals(Set.of(), verdict(account(new AccountSettings(Switch.FALSE, true, TlsVersion.TLS1_3, Switch.FALSE,
                SasExpirationAction.NONE), OPEN).build()).tags());
    }

    @Test
    void azure_step4_sasPolicyBlockBoundsSasEvenWithSharedKeys() {
        AccountSettings sharedKeys = new AccountSettings(Switch.FALSE, true, TlsVersion.TLS1_2, Switch.NOT_SET,
                SasExpirationAction.LOG);
        Verdict unbounded = verdict(account(sharedKeys, OPEN).build());
        assertTrue(unbounded.tags().contains(AzureCloud.SAS_UNBOUNDED), "shared keys not set means allowed");

        AccountSettings blocking = new AccountSettings(Switch.FALSE, true, TlsVersion.TLS1_2, Switch.TRUE,
                SasExpirationAction.BLOCK);
        Verdict blocked = verdict(account(blocking, OPEN).build());
        assertFalse(blocked.tags().contains(AzureCloud.SAS_UNBOUNDED), blocked.tags()::toString);
    }

    @Test
    void azure_unreadWebsiteSettingMayHideAPublicWebContainer() {
        Verdict a = verdict(account(settings(Switch.FALSE), OPEN).unknown(denied(AzureFacts.WEBSITE)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read WEBSITE");
        assertReason(a, "Microsoft.Storage/storageAccounts/blobServices/read");
    }

    @Test
    void azure_aReadWebsiteThatIsOffAddsNothing() {
        Resource r = account(settings(Switch.FALSE), OPEN).collected(AzureFacts.WEBSITE)
                .details(new StorageAccount(settings(Switch.FALSE), OPEN, new Website(false, null), null)).build();

        assertVerdict(verdict(r), Exposure.PRIVATE);
    }
}
