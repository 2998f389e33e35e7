package dev.bucketguard.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.azure.ArmStub.accountId;
import static dev.bucketguard.azure.ArmStub.armError;
import static dev.bucketguard.azure.ArmStub.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bucketguard.cloud.azure.AccountSettings;
import dev.bucketguard.cloud.azure.AzureChannels;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.NetworkAccess;
import dev.bucketguard.cloud.azure.NetworkDefaultAction;
import dev.bucketguard.cloud.azure.PublicNetworkAccess;
import dev.bucketguard.cloud.azure.SasExpirationAction;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.StoredAccessPolicy;
import dev.bucketguard.cloud.azure.Switch;
import dev.bucketguard.cloud.azure.TlsVersion;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management plane through the real azure-resourcemanager-storage client, against ARM's JSON from WireMock. */
class ArmFromWireMockTest {
    static final String SUB_A = "0b1f6471-1bf0-4dda-aec3-aaaaaaaaaaaa";
    static final String SUB_B = "0b1f6471-1bf0-4dda-aec3-bbbbbbbbbbbb";
    static final String SUB_ELSEWHERE = "9e9e9e9e-0000-4000-8000-cccccccccccc";
    static final String TENANT_A = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String TENANT_B = "11111111-2222-4333-8444-555555555555";
    static final String TENANT_PARTNER = "f00dfeed-0000-4000-8000-000000000001";

    private final ArmStub arm = new ArmStub();

    @AfterEach
    void stop() {
        arm.close();
    }

    private Inventory scan(AzureProvider p) {
        return p.collect(FactSelection.only(AzureCloud.ID, AzureFacts.ALL), Progress.NONE);
    }

    private static Resource find(Inventory inv, String id) {
        return inv.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError(id + " not in " + inv.resources().stream().map(Resource::id).toList()));
    }

    private static Verdict verdict(Resource r) {
        return new AzureCloud().verdict(r, TrustZone.OWNER_ONLY);
    }

    private static Map<String, Object> hardenedProperties() {
        return Map.ofEntries(
                Map.entry("allowBlobPublicAccess", false),
                Map.entry("supportsHttpsTrafficOnly", true),
                Map.entry("minimumTlsVersion", "TLS1_2"),
                Map.entry("allowSharedKeyAccess", false),
                Map.entry("allowCrossTenantReplication", false),
                Map.entry("publicNetworkAccess", "Disabled"),
                Map.entry("sasPolicy", Map.of("sasExpirationPeriod", "1.00:00:00", "expirationAction", "Block")),
                Map.entry("keyPolicy", Map.of("keyExpirationPeriodInDays", 90)),
                Map.entry("encryption", Map.of("keySource", "Microsoft.Keyvault", "requireInfrastructureEncryption",
                        true, "keyvaultproperties", Map.of("keyname", "applicants",
                                "keyvaulturi", "https://kv-applicants.vault.azure.net/"),
                        "services", Map.of("blob", Map.of("enabled", true, "keyType", "Account")))),
                Map.entry("networkAcls", Map.of("defaultAction", "Deny", "bypass", "AzureServices",
                        "ipRules", List.of(Map.of("value", "203.0.113.0/24", "action", "Allow")),
                        "virtualNetworkRules", List.of(Map.of("id", "/subscriptions/" + SUB_A
                                + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/app",
                                "action", "Allow")))));
    }

    @Test
    void everyAccountSettingIsReadAsARMStatesItAcrossTwoSubscriptions() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A, SUB_B, TENANT_B));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "hardenedstore", hardenedProperties()),
                // An account from before the defaults changed: every switch absent.
                arm.account(SUB_A, "legacystore", Map.of())));
        arm.containers(SUB_A, "legacystore", Map.of("cvs", "Blob", "exports", "Container", "internal", "None"));
        arm.accounts(SUB_B, List.of(arm.account(SUB_B, "partnerstore", Map.of("allowBlobPublicAccess", false,
                "networkAcls", Map.of("defaultAction", "Allow", "resourceAccessRules", List.of(Map.of(
                        "tenantId", TENANT_PARTNER, "resourceId", "/subscriptions/" + SUB_ELSEWHERE
                                + "/resourceGroups/r/providers/Microsoft.Synapse/workspaces/analytics")))))));

        Inventory inv = scan(arm.provider(List.of(), false));
        assertEquals(List.of(), inv.errors());
        assertEquals(List.of("hardenedstore", "legacystore", "partnerstore"),
                inv.resources().stream().map(Resource::id).toList(), "every account of both subscriptions");

        Resource hardened = find(inv, "hardenedstore");
        assertEquals(SUB_A, hardened.account());
        assertEquals(Map.of(AzureCloud.TENANT, TENANT_A), hardened.parents(), "the subscription's own tenant");
        assertEquals("westeurope", hardened.region());
        StorageAccount h = hardened.details(StorageAccount.class);
        assertEquals(new AccountSettings(Switch.FALSE, true, TlsVersion.TLS1_2, Switch.FALSE,
                SasExpirationAction.BLOCK, "1.00:00:00", 90, Switch.FALSE, true), h.settings());
        assertEquals(new NetworkAccess(PublicNetworkAccess.DISABLED, NetworkDefaultAction.DENY,
                List.of("203.0.113.0/24"), List.of("/subscriptions/" + SUB_A
                + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/app"), "AzureServices",
                false), h.network());
        assertEquals(EncryptionState.CUSTOMER_MANAGED, hardened.encryption().state());
        assertEquals("https://kv-applicants.vault.azure.net/keys/applicants", hardened.encryption().keyId());
        assertTrue(hardened.encryption().doubleEncrypted());
        assertEquals(Exposure.PRIVATE, verdict(hardened).exposure(), verdict(hardened).reasons()::toString);

        Resource legacy = find(inv, "legacystore");
        StorageAccount l = legacy.details(StorageAccount.class);
        assertEquals(new AccountSettings(Switch.NOT_SET, true, TlsVersion.NOT_SET, Switch.NOT_SET,
                SasExpirationAction.NONE), l.settings(), "absent switches are NOT_SET, absent HTTPS-only is true");
        assertEquals(NetworkAccess.noRuleSet(PublicNetworkAccess.NOT_SET), l.network());
        assertEquals(EncryptionState.PROVIDER_MANAGED, legacy.encryption().state());
        assertEquals(List.of("cvs", "exports"), legacy.grants().stream().map(Grant::scope).toList(),
                "level None is no grant");
        Verdict lv = verdict(legacy);
        assertEquals(Exposure.PUBLIC, lv.exposure());
        assertTrue(lv.reasons().contains("allowBlobPublicAccess is not set (treated as true)"), lv.reasons()::toString);
        assertTrue(lv.reasons().stream().anyMatch(s -> s.contains("no network rule set, read as default action"
                + " Allow")), lv.reasons()::toString);

        Resource partner = find(inv, "partnerstore");
        assertEquals(Map.of(AzureCloud.TENANT, TENANT_B), partner.parents());
        Verdict pv = verdict(partner);
        assertEquals(Exposure.CROSS_ACCOUNT, pv.exposure(), pv.reasons()::toString);
        assertEquals(List.of(TENANT_PARTNER), pv.outsiders());
        assertEquals(Exposure.PRIVATE, new AzureCloud().verdict(partner,
                new TrustZone(Set.of(TENANT_PARTNER), Set.of())).exposure(), "a trusted tenant is not an outsider");
    }

    @Test
    void privateEndpointsAndObjectReplicationNameTheOtherSide() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A, SUB_B, TENANT_B));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "replicated", Map.of("allowBlobPublicAccess", false,
                "privateEndpointConnections", List.of(
                        pec("/subscriptions/" + SUB_ELSEWHERE + "/resourceGroups/r/providers/Microsoft.Network/"
                                + "privateEndpoints/pe-vendor", "Approved"),
                        pec("/subscriptions/" + SUB_ELSEWHERE + "/resourceGroups/r/providers/Microsoft.Network/"
                                + "privateEndpoints/pe-pending", "Pending"),
                        pec("/subscriptions/" + SUB_A + "/resourceGroups/r/providers/Microsoft.Network/"
                                + "privateEndpoints/pe-own", "Approved"))))));
        arm.accounts(SUB_B, List.of());
        arm.replication(SUB_A, "replicated", List.of(ArmStub.replicationPolicy("p-to-b",
                accountId(SUB_A, "replicated"), accountId(SUB_B, "copyinb"))));

        Resource r = find(scan(arm.provider(List.of(), false)), "replicated");
        List<String> grantees = r.grants().stream().map(g -> g.via() + " " + g.grantee().id()).toList();
        assertEquals(List.of(AzureChannels.PRIVATE_ENDPOINT + " " + SUB_ELSEWHERE,
                AzureChannels.OBJECT_REPLICATION + " " + TENANT_B), grantees,
                "only Approved endpoints of other subscriptions; a scanned subscription is named by its tenant");
        Verdict v = verdict(r);
        assertEquals(Exposure.CROSS_ACCOUNT, v.exposure());
        assertEquals(List.of(TENANT_B, SUB_ELSEWHERE).stream().sorted().toList(), v.outsiders());
        assertTrue(v.reasons().stream().anyMatch(s -> s.startsWith("object replication policy 'p-to-b' to account"
                + " 'copyinb'")), v.reasons()::toString);
    }

    private static Map<String, Object> pec(String endpoint, String status) {
        return Map.of("id", "/x/privateEndpointConnections/" + endpoint.substring(endpoint.lastIndexOf('/') + 1),
                "name", "c", "properties", Map.of("privateEndpoint", Map.of("id", endpoint),
                        "privateLinkServiceConnectionState", Map.of("status", status, "description", "")));
    }

    @Test
    void storedAccessPoliciesAndServicePropertiesComeFromTheDataPlaneTheARMEndpointNames() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "websitestore", Map.of("allowBlobPublicAccess", false))));
        arm.containers(SUB_A, "websitestore", Map.of("statements", "None"));
        arm.acl("websitestore", "statements", ArmStub.identifier("forever", null, null, "rl")
                + ArmStub.identifier("q3", "2026-01-01T00:00:00.0000000Z", "2026-03-31T00:00:00.0000000Z", "r"));
        arm.serviceProperties("websitestore", true, false, 0);

        Resource r = find(scan(arm.provider(List.of(), false)), "websitestore");
        StorageAccount a = r.details(StorageAccount.class);
        assertTrue(a.website().enabled());
        assertFalse(a.logging().enabled());
        assertFalse(a.softDelete().enabled());
        assertEquals(List.of(new StoredAccessPolicy("statements", "forever", null, null, "rl"),
                new StoredAccessPolicy("statements", "q3", "2026-01-01T00:00Z", "2026-03-31T00:00Z", "r")),
                a.storedAccessPolicies());
        Verdict v = verdict(r);
        assertEquals(Exposure.PUBLIC, v.exposure(), "the website is public whatever allowBlobPublicAccess says");
    }

    @Test
    void a403OnSingleCallsIsAnUnknownNamingTheRoleAction() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "denied", Map.of("allowBlobPublicAccess", true)),
                arm.account(SUB_A, "fine", Map.of("allowBlobPublicAccess", false))));
        arm.server.stubFor(arm.containersPath(SUB_A, "denied").willReturn(armError(403, "AuthorizationFailed")));
        arm.server.stubFor(get(urlPathEqualTo(accountId(SUB_A, "denied") + "/objectReplicationPolicies"))
                .willReturn(armError(403, "AuthorizationFailed")));

        Inventory inv = scan(arm.provider(List.of(), false));
        Resource denied = find(inv, "denied");
        Unknown containers = denied.whyUnknown(AzureFacts.CONTAINER_ACCESS).orElseThrow();
        assertEquals("BlobContainers.list", containers.call());
        assertEquals("Microsoft.Storage/storageAccounts/blobServices/containers/read", containers.permission());
        assertEquals("403 AuthorizationFailed", containers.error());
        assertEquals("Microsoft.Storage/storageAccounts/objectReplicationPolicies/read",
                denied.whyUnknown(AzureFacts.OBJECT_REPLICATION).orElseThrow().permission());
        assertTrue(denied.knows(AzureFacts.ACCOUNT_SETTINGS), "the other facts are still read");
        Verdict v = verdict(denied);
        assertEquals(Exposure.UNKNOWN, v.exposure(), "never PRIVATE with the containers unread");
        assertTrue(v.reasons().stream().anyMatch(s -> s.contains(
                "(needs Microsoft.Storage/storageAccounts/blobServices/containers/read)")), v.reasons()::toString);
        assertTrue(find(inv, "fine").knows(AzureFacts.CONTAINER_ACCESS));
    }

    @Test
    void a429WithRetryAfterIsRetriedAfterTheDelayItAsksFor() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "throttled", Map.of("allowBlobPublicAccess", false))));
        arm.server.stubFor(arm.containersPath(SUB_A, "throttled").inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(armError(429, "TooManyRequests").withHeader("Retry-After", "1")));
        arm.server.stubFor(arm.containersPath(SUB_A, "throttled").inScenario("throttle")
                .whenScenarioStateIs("calm").willReturn(ok(Map.of("value", List.of()))));

        AzureProvider p = arm.provider(List.of(), false);
        Resource r = find(scan(p), "throttled");
        assertTrue(r.knows(AzureFacts.CONTAINER_ACCESS), r.unknowns()::toString);
        var tries = arm.server.findAll(WireMock.getRequestedFor(urlPathEqualTo(accountId(SUB_A, "throttled")
                + "/blobServices/default/containers")));
        assertEquals(2, tries.size());
        long gap = tries.get(1).getLoggedDate().getTime() - tries.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 900, "the retry waited for Retry-After: 1 s (waited " + gap + " ms)");
        assertEquals(1L, p.apiCalls().get("BlobContainers.list"));
        assertEquals(2L, p.apiAttempts().get("BlobContainers.list"));
    }

    @Test
    void pagesOfAccountsAreFollowedThroughNextLink() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A));
        String path = "/subscriptions/" + SUB_A + "/providers/Microsoft.Storage/storageAccounts";
        List<String> names = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String name = "paged" + page + i;
                names.add(name);
                accounts.add(arm.account(SUB_A, name, Map.of("allowBlobPublicAccess", false)));
            }
            arm.eachAccount(SUB_A, accounts);
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("value", accounts);
            if (page < 2) {
                body.put("nextLink", arm.endpoint() + path + "?api-version=2023-05-01&%24skiptoken=p" + (page + 1));
            }
            var stub = get(urlPathEqualTo(path));
            stub = page == 0 ? stub.withQueryParam("$skiptoken", WireMock.absent())
                    : stub.withQueryParam("$skiptoken", WireMock.equalTo("p" + page));
            arm.server.stubFor(stub.willReturn(ok(body)));
        }
        Inventory inv = scan(arm.provider(List.of(), false));
        assertEquals(List.of(), inv.errors());
        assertEquals(names, inv.resources().stream().map(Resource::id).toList(), "three pages of two accounts");
    }

    @Test
    void aRefusedSubscriptionListingIsAScanErrorNotAnEmptyResult() {
        arm.server.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(armError(403, "AuthorizationFailed")));
        Inventory inv = scan(arm.provider(List.of(), false));
        assertEquals(List.of(), inv.resources());
        assertEquals(1, inv.errors().size());
        ScanError e = inv.errors().get(0);
        assertEquals(ScanError.Kind.ACCESS_DENIED, e.kind());
        assertTrue(e.message().contains("Subscriptions.list failed with 403 AuthorizationFailed"), e.message());
    }

    @Test
    void aRefusedAccountListingIsAScanErrorNamingTheSubscription() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A, SUB_B, TENANT_B));
        arm.server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUB_A
                + "/providers/Microsoft.Storage/storageAccounts")).willReturn(armError(403, "AuthorizationFailed")));
        arm.accounts(SUB_B, List.of(arm.account(SUB_B, "inb", Map.of("allowBlobPublicAccess", false))));

        Inventory inv = scan(arm.provider(List.of(), false));
        assertEquals(List.of("inb"), inv.resources().stream().map(Resource::id).toList(), "the other one is scanned");
        assertEquals(1, inv.errors().size());
        assertEquals("azure:" + SUB_A, inv.errors().get(0).scope());
        assertTrue(inv.errors().get(0).message().contains("(needs Microsoft.Storage/storageAccounts/read)"));
    }

    @Test
    void namedSubscriptionsAreTheOnlyOnesScanned() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A, SUB_B, TENANT_B));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "ina", Map.of())));
        arm.accounts(SUB_B, List.of(arm.account(SUB_B, "inb", Map.of())));
        Inventory inv = scan(arm.provider(List.of(SUB_B), false));
        assertEquals(List.of("inb"), inv.resources().stream().map(Resource::id).toList());
        assertEquals(TENANT_B, inv.resources().get(0).parents().get(AzureCloud.TENANT));
        assertTrue(arm.requests().stream().noneMatch(r -> r.getUrl().contains(SUB_A)), "nothing of A is read");
    }

    @Test
    void aLoopbackStubIsCalledWithNoTokenAndNoAuthorizationHeader() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "anyone", Map.of())));
        arm.containers(SUB_A, "anyone", Map.of("docs", "None"));
        scan(arm.provider(List.of(), false));
        assertFalse(arm.requests().isEmpty());
        assertTrue(arm.requests().stream().noneMatch(r -> r.containsHeader("Authorization")),
                "no request carried an Authorization header");
        assertTrue(arm.requests().stream().anyMatch(r -> r.getUrl().startsWith("/anyone")),
                "the data-plane endpoint ARM returned was called too");
    }

    @Test
    void aDataPlaneEndpointOffTheLoopbackIsNotCalledFromAStubScan() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A));
        Map<String, Object> account = arm.account(SUB_A, "elsewhere", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) account.get("properties");
        props.put("primaryEndpoints", Map.of("blob", "http://elsewhere.blob.core.windows.net/"));
        arm.accounts(SUB_A, List.of(account));
        Resource r = find(scan(arm.provider(List.of(), false)), "elsewhere");
        Unknown u = r.whyUnknown(AzureFacts.WEBSITE).orElseThrow();
        assertTrue(u.error().contains("only loopback http:// data-plane endpoints are called"), u::toString);
        assertNull(r.details(StorageAccount.class).website());
    }

    @Test
    void onlyTheFactsAskedForAreRead() {
        arm.subscriptions(Map.of(SUB_A, TENANT_A));
        arm.accounts(SUB_A, List.of(arm.account(SUB_A, "one", Map.of())));
        AzureProvider p = arm.provider(List.of(), false);
        p.collect(FactSelection.only(AzureCloud.ID, Set.of(AzureFacts.ACCOUNT_SETTINGS)), Progress.NONE);
        assertEquals(Map.of("StorageAccounts.list", 1L, "Subscriptions.list", 1L), p.apiCalls());
    }
}
