package dev.bucketguard.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.model.Fact;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A WireMock server on 127.0.0.1 answering with the documented Cloud Storage JSON API and Org Policy API v2 shapes,
 * for what fake-gcs-server does not implement (bucket IAM, iamConfiguration, KMS, the organisation policy,
 * testIamPermissions). With {@link #inFrontOf(URI)} every request no stub answers goes on to the emulator.
 */
public final class WireMockGcs implements AutoCloseable {
    public static final String PROJECT = "applicants-prod";
    public static final String NUMBER = "123456789012";

    public final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    public WireMockGcs() {
        server.start();
    }

    /** Passes every request that no stub answers on to {@code emulator}. */
    public WireMockGcs inFrontOf(URI emulator) {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(emulator.toString())));
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The bucket listing of the project, in one page. */
    public WireMockGcs buckets(String... names) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b")).willReturn(json(200, list(List.of(names), null))));
        return this;
    }

    /** The bucket listing in pages of the given names, chained by page tokens. */
    public WireMockGcs bucketPages(List<List<String>> pages) {
        for (int i = 0; i < pages.size(); i++) {
            String next = i + 1 < pages.size() ? "page-" + (i + 1) : null;
            MappingBuilder m = get(urlPathEqualTo("/storage/v1/b"));
            m = i == 0 ? m.withQueryParam("pageToken", absent()) : m.withQueryParam("pageToken", equalTo("page-" + i));
            server.stubFor(m.willReturn(json(200, list(pages.get(i), next))));
        }
        return this;
    }

    private static String list(List<String> names, String next) {
        return "{\"kind\":\"storage#buckets\",\"items\":["
                + names.stream().map(n -> "{\"kind\":\"storage#bucket\",\"name\":\"" + n + "\"}")
                .collect(Collectors.joining(","))
                + "]" + (next == null ? "" : ",\"nextPageToken\":\"" + next + "\"") + "}";
    }

    /** The bucket's metadata with its iamConfiguration; {@code extra} is more JSON members (or empty). */
    public WireMockGcs bucket(String name, String pap, boolean ubla, String extra) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + name)).willReturn(json(200,
                "{\"kind\":\"storage#bucket\",\"name\":\"" + name + "\",\"projectNumber\":\"" + NUMBER + "\","
                        + "\"iamConfiguration\":{\"uniformBucketLevelAccess\":{\"enabled\":" + ubla + "},"
                        + "\"bucketPolicyOnly\":{\"enabled\":" + ubla + "},"
                        + "\"publicAccessPrevention\":\"" + pap + "\"}"
                        + (extra.isEmpty() ? "" : "," + extra) + "}")));
        return this;
    }

    /** The bucket's IAM policy (version 3) with the given bindings, as JSON objects. */
    public WireMockGcs iam(String name, String... bindings) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + name + "/iam")).willReturn(json(200,
                "{\"kind\":\"storage#policy\",\"resourceId\":\"projects/_/buckets/" + name + "\",\"version\":3,"
                        + "\"etag\":\"CAE=\",\"bindings\":[" + String.join(",", bindings) + "]}")));
        return this;
    }

    public static String binding(String role, String... members) {
        return "{\"role\":\"" + role + "\",\"members\":[" + quoted(members) + "]}";
    }

    public static String conditional(String role, String title, String expression, String... members) {
        return "{\"role\":\"" + role + "\",\"members\":[" + quoted(members) + "],\"condition\":{\"title\":\"" + title
                + "\",\"expression\":\"" + expression.replace("\"", "\\\"") + "\"}}";
    }

    /** The bucket ACL; entries are entity=role. */
    public WireMockGcs acl(String name, Map<String, String> entries) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + name + "/acl")).willReturn(json(200,
                acls("storage#bucketAccessControls", entries))));
        return this;
    }

    /** The default object ACL; entries are entity=role. */
    public WireMockGcs defaultAcl(String name, Map<String, String> entries) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + name + "/defaultObjectAcl")).willReturn(json(200,
                acls("storage#objectAccessControls", entries))));
        return this;
    }

    private static String acls(String kind, Map<String, String> entries) {
        return "{\"kind\":\"" + kind + "\",\"items\":[" + entries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "{\"entity\":\"" + e.getKey() + "\",\"role\":\"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    /** The effective organisation policy of the project: enforced or not. */
    public WireMockGcs orgPolicy(boolean enforced) {
        return orgPolicy(PROJECT, enforced);
    }

    /** The effective organisation policy of a given project: enforced or not. */
    public WireMockGcs orgPolicy(String project, boolean enforced) {
        return orgPolicy(project, json(200, "{\"name\":\"projects/" + NUMBER + "/policies/storage.publicAccessPrevention\","
                + "\"spec\":{\"etag\":\"CAE=\",\"rules\":[{\"enforce\":" + enforced + "}]}}"));
    }

    public WireMockGcs orgPolicy(ResponseDefinitionBuilder answer) {
        return orgPolicy(PROJECT, answer);
    }

    public WireMockGcs orgPolicy(String project, ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo("/v2/projects/" + project + "/policies/storage.publicAccessPrevention"
                + ":getEffectivePolicy")).willReturn(answer));
        return this;
    }

    /** The DATA_READ audit config of Cloud Storage (or {@code allServices}), exempting the given members. */
    public static String dataRead(String service, String... exempted) {
        return "{\"service\":\"" + service + "\",\"auditLogConfigs\":[{\"logType\":\"ADMIN_READ\"},"
                + "{\"logType\":\"DATA_READ\"" + (exempted.length == 0 ? "" : ",\"exemptedMembers\":["
                + quoted(exempted) + "]") + "},{\"logType\":\"DATA_WRITE\"}]}";
    }

    /**
     * Resource Manager v3: {@code getIamPolicy} of a project, folder or organisation ({@code projects/p},
     * {@code folders/1}) with these audit configs, and the resource itself with its parent (null: none).
     */
    public WireMockGcs hierarchy(String name, String parent, String... auditConfigs) {
        server.stubFor(post(urlPathEqualTo("/v3/" + name + ":getIamPolicy")).willReturn(json(200,
                "{\"version\":1,\"etag\":\"BwXhqDhQHmo=\",\"bindings\":[{\"role\":\"roles/owner\",\"members\":"
                        + "[\"user:owner@example.com\"]}]" + (auditConfigs.length == 0 ? ""
                        : ",\"auditConfigs\":[" + String.join(",", auditConfigs) + "]") + "}")));
        server.stubFor(get(urlPathEqualTo("/v3/" + name)).willReturn(json(200, "{\"name\":\""
                + (name.startsWith("projects/") ? "projects/" + NUMBER : name) + "\""
                + (parent == null ? "" : ",\"parent\":\"" + parent + "\"")
                + (name.startsWith("projects/") ? ",\"projectId\":\"" + name.substring(9) + "\"" : "")
                + ",\"state\":\"ACTIVE\",\"displayName\":\"applicants\"}")));
        return this;
    }

    /** Cloud Logging v2: the project's log buckets, as {@code {name, retentionDays}} JSON objects. */
    public WireMockGcs logBuckets(String... buckets) {
        server.stubFor(get(urlPathEqualTo("/v2/projects/" + PROJECT + "/locations/-/buckets")).willReturn(json(200,
                "{\"buckets\":[" + String.join(",", buckets) + "]}")));
        return this;
    }

    public static String logBucket(String id, int retentionDays) {
        return "{\"name\":\"projects/" + PROJECT + "/locations/global/buckets/" + id + "\",\"retentionDays\":"
                + retentionDays + ",\"lifecycleState\":\"ACTIVE\",\"locked\":false}";
    }

    /** Cloud Logging v2: the project's sinks, as JSON objects. */
    public WireMockGcs sinks(String... sinks) {
        server.stubFor(get(urlPathEqualTo("/v2/projects/" + PROJECT + "/sinks")).willReturn(json(200,
                "{\"sinks\":[" + String.join(",", sinks) + "]}")));
        return this;
    }

    /** The filter Cloud Logging gives the {@code _Default} sink. */
    public static final String DEFAULT_FILTER = "NOT LOG_ID(\"cloudaudit.googleapis.com/activity\") AND NOT"
            + " LOG_ID(\"externalaudit.googleapis.com/activity\") AND NOT LOG_ID(\"cloudaudit.googleapis.com/"
            + "system_event\") AND NOT LOG_ID(\"externalaudit.googleapis.com/system_event\") AND NOT LOG_ID(\""
            + "cloudaudit.googleapis.com/access_transparency\") AND NOT LOG_ID(\"externalaudit.googleapis.com/"
            + "access_transparency\")";
    /** The filter Cloud Logging gives the {@code _Required} sink. */
    public static final String REQUIRED_FILTER = "LOG_ID(\"cloudaudit.googleapis.com/activity\") OR"
            + " LOG_ID(\"externalaudit.googleapis.com/activity\") OR LOG_ID(\"cloudaudit.googleapis.com/"
            + "system_event\") OR LOG_ID(\"externalaudit.googleapis.com/system_event\") OR LOG_ID(\""
            + "cloudaudit.googleapis.com/access_transparency\") OR LOG_ID(\"externalaudit.googleapis.com/"
            + "access_transparency\")";

    /** A sink as Cloud Logging lists it; {@code exclusions} are JSON objects. */
    public static String sink(String name, String destination, String filter, String... exclusions) {
        return "{\"name\":\"" + name + "\",\"destination\":\"" + destination + "\",\"filter\":\""
                + filter.replace("\"", "\\\"") + "\",\"writerIdentity\":\"serviceAccount:service-" + NUMBER
                + "@gcp-sa-logging.iam.gserviceaccount.com\"" + (exclusions.length == 0 ? ""
                : ",\"exclusions\":[" + String.join(",", exclusions) + "]") + "}";
    }

    public static String exclusion(String name, String filter) {
        return "{\"name\":\"" + name + "\",\"filter\":\"" + filter.replace("\"", "\\\"") + "\"}";
    }

    /** The usual two sinks, each to its log bucket. */
    public static String[] defaultSinks() {
        String base = "logging.googleapis.com/projects/" + PROJECT + "/locations/global/buckets/";
        return new String[] {sink("_Default", base + "_Default", DEFAULT_FILTER),
                sink("_Required", base + "_Required", REQUIRED_FILTER)};
    }

    /** A bucket's lifecycle JSON member with one Delete rule of this age, limited to these prefixes. */
    public static String deleteAfter(int age, String... prefixes) {
        return "\"lifecycle\":{\"rule\":[{\"action\":{\"type\":\"Delete\"},\"condition\":{\"age\":" + age
                + (prefixes.length == 0 ? "" : ",\"matchesPrefix\":[" + quoted(prefixes) + "]") + "}}]}";
    }

    /** What an unauthenticated testIamPermissions answers for the bucket. */
    public WireMockGcs probe(String name, String... held) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + name + "/iam/testPermissions"))
                .withHeader("Authorization", absent())
                .willReturn(json(200, "{\"kind\":\"storage#testIamPermissionsResponse\""
                        + (held.length == 0 ? "" : ",\"permissions\":[" + quoted(held) + "]") + "}")));
        return this;
    }

    static String quoted(String... values) {
        return java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    /** Google's JSON error shape. */
    public static ResponseDefinitionBuilder error(int status, String reason) {
        return json(status, "{\"error\":{\"code\":" + status + ",\"message\":\"refused\",\"errors\":[{\"message\":"
                + "\"refused\",\"domain\":\"global\",\"reason\":\"" + reason + "\"}],\"status\":\""
                + (status == 403 ? "PERMISSION_DENIED" : status == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE")
                + "\"}}");
    }

    GcpProvider provider(int objectSample, boolean probe) {
        return new GcpProvider(new GcpOptions(List.of(PROJECT), endpoint(), objectSample, probe, 4), Map.of(),
                Duration.ofMillis(5));
    }

    static Inventory scan(GcpProvider provider, Set<Fact> facts) {
        return provider.collect(FactSelection.only(GcpCloud.ID, facts), Progress.NONE);
    }

    public long requests() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
