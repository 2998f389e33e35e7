package dev.bucketguard.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARM REST API's documented JSON (subscriptions, storage accounts, blob containers, object replication policies)
 * and the blob service's XML (service properties, container ACLs), served by WireMock on 127.0.0.1, so that the real
 * azure-resourcemanager-storage and azure-storage-blob clients read them through {@code --arm-endpoint}. An account's
 * {@code primaryEndpoints.blob} points back at this server ({@code http://127.0.0.1:PORT/<account>/}).
 */
public final class ArmStub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String RG = "rg-applicants";
    public final WireMockServer server;

    public ArmStub() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    AzureProvider provider(List<String> subscriptions, boolean probe) {
        return new AzureProvider(new AzureOptions(subscriptions, null, endpoint(), probe, 4));
    }

    @Override
    public void close() {
        server.stop();
    }

    public static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ResponseDefinitionBuilder ok(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json(body));
    }

    public static ResponseDefinitionBuilder armError(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(json(Map.of("error", Map.of("code", code, "message", "refused by the stub"))));
    }

    public static String accountId(String subscription, String name) {
        return "/subscriptions/" + subscription + "/resourceGroups/" + RG
                + "/providers/Microsoft.Storage/storageAccounts/" + name;
    }

    /** An account's ARM JSON with the given properties (blob endpoint and provisioning state added). */
    public Map<String, Object> account(String subscription, String name, Map<String, Object> properties) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("provisioningState", "Succeeded");
        p.put("primaryEndpoints", Map.of("blob", endpoint() + "/" + name + "/",
                "web", "https://" + name + ".z6.web.core.windows.net/"));
        p.putAll(properties);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", accountId(subscription, name));
        a.put("name", name);
        a.put("type", "Microsoft.Storage/storageAccounts");
        a.put("location", "westeurope");
        a.put("kind", "StorageV2");
        a.put("sku", Map.of("name", "Standard_LRS", "tier", "Standard"));
        a.put("properties", p);
        return a;
    }

    /** An account as a listing may name it: no properties. */
    public static Map<String, Object> bareAccount(String subscription, String name) {
        return Map.of("id", accountId(subscription, name), "name", name, "type", "Microsoft.Storage/storageAccounts",
                "location", "westeurope");
    }

    public void subscriptions(Map<String, String> subscriptionToTenant) {
        List<Object> value = new ArrayList<>();
        subscriptionToTenant.forEach((s, t) -> {
            Map<String, Object> sub = Map.of("id", "/subscriptions/" + s, "subscriptionId", s, "tenantId", t,
                    "displayName", "applicants " + s, "state", "Enabled");
            value.add(sub);
            server.stubFor(get(urlPathEqualTo("/subscriptions/" + s)).willReturn(ok(sub)));
        });
        server.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(ok(Map.of("value", value))));
    }

    /** The subscription's storage accounts on one page. */
    public void accounts(String subscription, List<Map<String, Object>> accounts) {
        server.stubFor(get(urlPathEqualTo("/subscriptions/" + subscription
                + "/providers/Microsoft.Storage/storageAccounts")).willReturn(ok(Map.of("value", accounts))));
        eachAccount(subscription, accounts);
    }

    /** The per-account answers of these accounts, without their listing. */
    public void eachAccount(String subscription, List<Map<String, Object>> accounts) {
        for (Map<String, Object> a : accounts) {
            String name = (String) a.get("name");
            server.stubFor(get(urlPathEqualTo(accountId(subscription, name))).willReturn(ok(a)));
            // Defaults, overridden by later stubs: no container, no replication, hardened service properties.
            containers(subscription, name, Map.of());
            replication(subscription, name, List.of());
            serviceProperties(name, false, true, 7);
            diagnosticSettings(subscription, name);
        }
    }

    public MappingBuilder diagnosticSettingsPath(String subscription, String account) {
        return get(urlPathEqualTo(accountId(subscription, account)
                + "/blobServices/default/providers/Microsoft.Insights/diagnosticSettings"));
    }

    /** The blob service's diagnostic settings, as Diagnostic Settings - List answers them. */
    @SafeVarargs
    public final void diagnosticSettings(String subscription, String account, Map<String, Object>... settings) {
        server.stubFor(diagnosticSettingsPath(subscription, account).willReturn(ok(Map.of("value",
                List.of(settings)))));
    }

    /**
     * One diagnostic setting: {@code logs} maps a category ({@code StorageRead}) or a category group
     * ({@code group:allLogs}) to enabled; {@code destinations} are ARM's property names ({@code workspaceId},
     * {@code storageAccountId}, {@code eventHubAuthorizationRuleId}, {@code eventHubName}) with their values.
     */
    public static Map<String, Object> diagnosticSetting(String subscription, String account, String name,
                                                        Map<String, Boolean> logs, Map<String, String> destinations) {
        List<Object> entries = new ArrayList<>();
        new java.util.TreeMap<>(logs).forEach((log, enabled) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            if (log.startsWith("group:")) {
                e.put("categoryGroup", log.substring(6));
            } else {
                e.put("category", log);
            }
            e.put("enabled", enabled);
            e.put("retentionPolicy", Map.of("enabled", false, "days", 0));
            entries.add(e);
        });
        Map<String, Object> p = new LinkedHashMap<>(destinations);
        p.put("logs", entries);
        p.put("metrics", List.of(Map.of("category", "Transaction", "enabled", true)));
        return Map.of("id", accountId(subscription, account) + "/blobServices/default/providers/microsoft.insights/"
                + "diagnosticSettings/" + name, "name", name, "type", "Microsoft.Insights/diagnosticSettings",
                "properties", p);
    }

    public static String workspaceId(String subscription, String name) {
        return "/subscriptions/" + subscription + "/resourceGroups/rg-monitoring/providers/"
                + "Microsoft.OperationalInsights/workspaces/" + name;
    }

    /** A Log Analytics workspace (Workspaces - Get) with its default retention, and no StorageBlobLogs table yet. */
    public void workspace(String id, int retentionInDays) {
        server.stubFor(get(urlPathEqualTo(id)).willReturn(ok(Map.of("id", id, "name",
                id.substring(id.lastIndexOf('/') + 1), "type", "Microsoft.OperationalInsights/workspaces",
                "location", "westeurope", "properties", Map.of("provisioningState", "Succeeded",
                        "customerId", "6f1c3a2e-0000-4000-8000-000000000001", "sku", Map.of("name", "PerGB2018"),
                        "retentionInDays", retentionInDays, "publicNetworkAccessForIngestion", "Enabled")))));
        server.stubFor(get(urlPathEqualTo(id + "/tables/StorageBlobLogs")).willReturn(armError(404,
                "ResourceNotFound")));
    }

    /** The workspace's StorageBlobLogs table (Tables - Get) with its own retention. */
    public void storageBlobLogsTable(String workspaceId, int retentionInDays, int totalRetentionInDays) {
        server.stubFor(get(urlPathEqualTo(workspaceId + "/tables/StorageBlobLogs")).willReturn(ok(Map.of(
                "id", workspaceId + "/tables/StorageBlobLogs", "name", "StorageBlobLogs",
                "properties", Map.of("retentionInDays", retentionInDays, "totalRetentionInDays",
                        totalRetentionInDays, "archiveRetentionInDays", totalRetentionInDays - retentionInDays,
                        "plan", "Analytics", "retentionInDaysAsDefault", false,
                        "totalRetentionInDaysAsDefault", false)))));
    }

    public MappingBuilder managementPolicyPath(String accountId) {
        return get(urlPathEqualTo(accountId + "/managementPolicies/default"));
    }

    /** The account's lifecycle management policy (Management Policies - Get) with these rules. */
    public void managementPolicy(String accountId, List<Map<String, Object>> rules) {
        server.stubFor(managementPolicyPath(accountId).willReturn(ok(Map.of("id", accountId
                + "/managementPolicies/default", "name", "DefaultManagementPolicy",
                "type", "Microsoft.Storage/storageAccounts/managementPolicies",
                "properties", Map.of("lastModifiedTime", "2026-03-01T10:00:00.0000000Z",
                        "policy", Map.of("rules", rules))))));
    }

    /** A lifecycle rule deleting base blobs of these types and prefixes this many days after their last change. */
    public static Map<String, Object> deleteRule(String name, int days, List<String> blobTypes, List<String> prefixes) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("blobTypes", blobTypes);
        if (!prefixes.isEmpty()) {
            filters.put("prefixMatch", prefixes);
        }
        return Map.of("enabled", true, "name", name, "type", "Lifecycle", "definition", Map.of(
                "actions", Map.of("baseBlob", Map.of("delete", Map.of("daysAfterModificationGreaterThan", days))),
                "filters", filters));
    }

    public MappingBuilder containersPath(String subscription, String account) {
        return get(urlPathEqualTo(accountId(subscription, account) + "/blobServices/default/containers"));
    }

    /** Containers by name with ARM's publicAccess (None, Blob, Container; null leaves the field out). */
    public void containers(String subscription, String account, Map<String, String> levels) {
        List<Object> value = new ArrayList<>();
        new java.util.TreeMap<>(levels).forEach((name, level) -> {
            Map<String, Object> props = new LinkedHashMap<>();
            if (level != null) {
                props.put("publicAccess", level);
            }
            props.put("hasImmutabilityPolicy", false);
            value.add(Map.of("id", accountId(subscription, account) + "/blobServices/default/containers/" + name,
                    "name", name, "type", "Microsoft.Storage/storageAccounts/blobServices/containers",
                    "etag", "\"0x8D\"", "properties", props));
            acl(account, name, "");
        });
        server.stubFor(containersPath(subscription, account).willReturn(ok(Map.of("value", value))));
    }

    public void replication(String subscription, String account, List<Map<String, Object>> policies) {
        server.stubFor(get(urlPathEqualTo(accountId(subscription, account) + "/objectReplicationPolicies"))
                .willReturn(ok(Map.of("value", policies))));
    }

    public static Map<String, Object> replicationPolicy(String id, String source, String destination) {
        return Map.of("id", "/x/objectReplicationPolicies/" + id, "name", id,
                "type", "Microsoft.Storage/storageAccounts/objectReplicationPolicies",
                "properties", Map.of("policyId", id, "sourceAccount", source, "destinationAccount", destination,
                        "rules", List.of()));
    }

    /** The blob service's properties, as Get Blob Service Properties answers them. */
    public void serviceProperties(String account, boolean website, boolean logging, int deleteDays) {
        serviceProperties(account, website, logging, logging, 0, deleteDays);
    }

    /** The blob service's properties with classic logging of reads on or off and a retention policy (0 = off). */
    public void serviceProperties(String account, boolean website, boolean logReads, boolean logWrites,
                                  int logRetentionDays, int deleteDays) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageServiceProperties>"
                + "<Logging><Version>1.0</Version><Read>" + logReads + "</Read><Write>" + logWrites + "</Write><Delete>"
                + logWrites + "</Delete><RetentionPolicy><Enabled>" + (logRetentionDays > 0) + "</Enabled>"
                + (logRetentionDays > 0 ? "<Days>" + logRetentionDays + "</Days>" : "") + "</RetentionPolicy></Logging>"
                + "<DeleteRetentionPolicy><Enabled>" + (deleteDays > 0) + "</Enabled>"
                + (deleteDays > 0 ? "<Days>" + deleteDays + "</Days>" : "") + "</DeleteRetentionPolicy>"
                + "<StaticWebsite><Enabled>" + website + "</Enabled></StaticWebsite></StorageServiceProperties>";
        server.stubFor(get(urlPathMatching("/" + account + "/?"))
                .withQueryParam("comp", com.github.tomakehurst.wiremock.client.WireMock.equalTo("properties"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withHeader("x-ms-version", "2021-12-02").withBody(xml)));
    }

    /** A container's ACL (Get Container ACL): the signed identifiers' XML elements. */
    public void acl(String account, String container, String identifiers) {
        server.stubFor(get(urlPathEqualTo("/" + account + "/" + container))
                .withQueryParam("comp", com.github.tomakehurst.wiremock.client.WireMock.equalTo("acl"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withHeader("x-ms-version", "2021-12-02")
                        .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><SignedIdentifiers>" + identifiers
                                + "</SignedIdentifiers>")));
    }

    public static String identifier(String id, String start, String expiry, String permissions) {
        return "<SignedIdentifier><Id>" + id + "</Id><AccessPolicy>" + (start == null ? "" : "<Start>" + start
                + "</Start>") + (expiry == null ? "" : "<Expiry>" + expiry + "</Expiry>") + "<Permission>"
                + permissions + "</Permission></AccessPolicy></SignedIdentifier>";
    }

    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
