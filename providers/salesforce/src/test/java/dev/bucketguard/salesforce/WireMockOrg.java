package dev.bucketguard.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Salesforce org served by WireMock on 127.0.0.1 in the REST and Tooling APIs' documented shapes (SALESFORCE.md 5.1),
 * built from fixtures: one JSON file per behaviour under {@code src/test/resources/sf-fixtures/}, named after it and
 * laid over {@code base.json} (a later fixture wins). A fixture maps a query to its answer:
 *
 * <ul>
 *   <li>{@code "query Site": [rows]} answers {@code GET .../query?q=...FROM Site...} with those records;</li>
 *   <li>{@code "tooling ApexClass": [rows]} the same on {@code .../tooling/query};</li>
 *   <li>{@code "tooling FieldDefinition Applicant__c": [rows]} a query naming that object;</li>
 *   <li>{@code {"pages": [[rows], [rows]]}} answers in pages linked by {@code nextRecordsUrl};</li>
 *   <li>{@code {"status": 403, "body": [...]}} answers Salesforce's error envelope.</li>
 * </ul>
 *
 * Every query stub requires {@code Authorization: Bearer} {@link #TOKEN}; a request without it gets 401
 * {@code INVALID_SESSION_ID}, and a request no fixture answers gets 404 {@code NOT_FOUND} (never an empty list).
 */
public final class WireMockOrg implements AutoCloseable {
    /** The access token the org accepts: a canary that must never reach any output. */
    public static final String TOKEN = "00D000000000001!CANARY.SF-TOKEN-d0n0tPr1nt-9c1e";
    public static final String VERSION = "67.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final WireMockServer server;
    private int layer;

    public WireMockOrg() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).atPriority(1000).willReturn(error(404, "NOT_FOUND",
                "no fixture answers this request")));
        server.stubFor(any(anyUrl()).atPriority(999).withHeader("Authorization", matching("(?!Bearer " + Pattern
                .quote(TOKEN) + "$).*")).willReturn(error(401, "INVALID_SESSION_ID", "Session expired or invalid")));
        server.stubFor(get(urlPathEqualTo("/services/data/")).atPriority(1).withHeader("Authorization",
                equalTo("Bearer " + TOKEN)).willReturn(json(200, "[{\"label\":\"Winter '26\",\"url\":"
                + "\"/services/data/v65.0\",\"version\":\"65.0\"},{\"label\":\"Summer '26\",\"url\":"
                + "\"/services/data/v67.0\",\"version\":\"67.0\"},{\"label\":\"Spring '26\",\"url\":"
                + "\"/services/data/v66.0\",\"version\":\"66.0\"}]")));
        fixture("base");
    }

    /** Lays the fixture {@code sf-fixtures/NAME.json} over what is served. */
    public WireMockOrg fixture(String name) {
        JsonNode root = load(name);
        int priority = 500 - 10 * (++layer);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_")) {
                stub(e.getKey(), e.getValue(), priority, name);
            }
        }
        return this;
    }

    private static JsonNode load(String name) {
        try (InputStream in = WireMockOrg.class.getResourceAsStream("/sf-fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture sf-fixtures/" + name + ".json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One more answer, as a fixture entry would give it ({@code "query Site"}, rows or pages or an error). */
    public WireMockOrg answer(String key, JsonNode answer) {
        stub(key, answer, 500 - 10 * (++layer), "answer" + layer);
        return this;
    }

    /** Rows for every query of {@code api} ({@code query} or {@code tooling}) whose FROM object matches a regex. */
    public WireMockOrg answerMatching(String api, String objectRegex, JsonNode rows) {
        server.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/" + (api.equals("tooling") ? "tooling/query"
                : "query") + "/?")).atPriority(500 - 10 * (++layer))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("q", matching("(?is).*\\bFROM\\s+" + objectRegex + "\\b.*"))
                .willReturn(json(200, page("AggregateResult", rows, rows.size(), null).toString())));
        return this;
    }

    private void stub(String key, JsonNode answer, int priority, String fixture) {
        String[] k = key.split(" ");
        String api = k[0].equals("tooling") ? "tooling/query" : "query";
        String object = k[1];
        String where = k.length > 2 ? ".*'" + Pattern.quote(k[2]) + "'.*" : ".*";
        MappingBuilder m = get(urlPathMatching("/services/data/v[0-9.]+/" + api + "/?")).atPriority(priority)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("q", matching("(?is).*\\bFROM\\s+" + Pattern.quote(object) + "\\b" + where));
        if (answer.isObject() && answer.has("status")) {
            server.stubFor(m.willReturn(json(answer.get("status").asInt(), answer.get("body").toString())));
        } else if (answer.isObject() && answer.has("pages")) {
            JsonNode pages = answer.get("pages");
            for (int i = 0; i < pages.size(); i++) {
                boolean last = i == pages.size() - 1;
                String next = "/services/data/v" + VERSION + "/query/01g" + fixture.replaceAll("[^A-Za-z0-9]", "")
                        + object + "-" + (i + 1) * 2000;
                ObjectNode page = page(object, pages.get(i), total(pages), last ? null : next);
                if (i == 0) {
                    server.stubFor(m.willReturn(json(200, page.toString())));
                } else {
                    String here = "/services/data/v" + VERSION + "/query/01g" + fixture.replaceAll("[^A-Za-z0-9]",
                            "") + object + "-" + i * 2000;
                    server.stubFor(get(urlPathEqualTo(here)).atPriority(priority).withHeader("Authorization",
                            equalTo("Bearer " + TOKEN)).willReturn(json(200, page.toString())));
                }
            }
        } else {
            server.stubFor(m.willReturn(json(200, page(object, answer, answer.size(), null).toString())));
        }
    }

    private static int total(JsonNode pages) {
        int n = 0;
        for (JsonNode p : pages) {
            n += p.size();
        }
        return n;
    }

    /** The documented query envelope: totalSize, done, records with their attributes, nextRecordsUrl. */
    private static ObjectNode page(String object, JsonNode rows, int total, String next) {
        ObjectNode page = JSON.createObjectNode().put("totalSize", total).put("done", next == null);
        if (next != null) {
            page.put("nextRecordsUrl", next);
        }
        ArrayNode records = page.putArray("records");
        for (JsonNode r : rows) {
            ObjectNode copy = JSON.createObjectNode();
            copy.putObject("attributes").put("type", r.has("n") || r.has("oldest") ? "AggregateResult" : object)
                    .put("url", "/services/data/v" + VERSION + "/sobjects/" + object + "/" + r.path("Id").asText(""));
            copy.setAll((ObjectNode) r);
            records.add(copy);
        }
        return page;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code,
                                                                                   String message) {
        return json(status, "[{\"message\":\"" + message + "\",\"errorCode\":\"" + code + "\"}]");
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Every request the server received. */
    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    }

    /** Requests that were not a GET, the token POST and the opt-in readMetadata POSTs aside. */
    public List<LoggedRequest> mutatingRequests() {
        return requests().stream().filter(r -> !r.getMethod().getName().equals("GET")
                && !(r.getMethod().getName().equals("POST") && r.getUrl().equals(GuardedHttp.TOKEN_PATH))
                && !readMetadata(r)).toList();
    }

    /** The readMetadata POSTs received (SOAP to the Metadata API, a read). */
    public List<LoggedRequest> readMetadataRequests() {
        return requests().stream().filter(WireMockOrg::readMetadata).toList();
    }

    private static boolean readMetadata(LoggedRequest r) {
        return r.getMethod().getName().equals("POST") && MetadataRead.PATH.matcher(r.getUrl()).matches()
                && MetadataRead.ENVELOPE.matcher(r.getBodyAsString()).matches();
    }

    /**
     * Answers readMetadata of {@code type} (with the token in its SessionHeader) with one record of these fields, as
     * the Metadata API's SOAP answer; {@code faultCode} non-null answers a SOAP fault (HTTP 500) instead.
     */
    public WireMockOrg readMetadata(String type, Map<String, String> fields, String faultCode) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"http://soap.sforce.com/2006/04/"
                + "metadata\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>");
        if (faultCode == null) {
            body.append("<readMetadataResponse><result><records xsi:type=\"").append(type).append("\">");
            fields.forEach((k, v) -> body.append('<').append(k).append('>').append(v).append("</").append(k)
                    .append('>'));
            body.append("</records></result></readMetadataResponse>");
        } else {
            body.append("<soapenv:Fault><faultcode>sf:").append(faultCode).append("</faultcode><faultstring>")
                    .append(faultCode).append(": the user lacks Modify Metadata</faultstring></soapenv:Fault>");
        }
        body.append("</soapenv:Body></soapenv:Envelope>");
        server.stubFor(post(urlPathMatching("/services/Soap/m/[0-9.]+")).atPriority(500 - 10 * (++layer))
                .withRequestBody(containing("<met:type>" + type + "</met:type>"))
                .withRequestBody(containing("<met:sessionId>" + TOKEN + "</met:sessionId>"))
                .willReturn(aResponse().withStatus(faultCode == null ? 200 : 500)
                        .withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body.toString())));
        return this;
    }

    /** The SOQL of every query received, in order. */
    public List<String> queries() {
        List<String> out = new ArrayList<>();
        for (LoggedRequest r : requests()) {
            String q = r.queryParameter("q").isPresent() ? r.queryParameter("q").firstValue() : null;
            if (q != null) {
                out.add(URLDecoder.decode(q, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The provider against this org with the token in the environment, fast retries and a fixed clock. */
    public SalesforceProvider provider() {
        return provider(new SalesforceOptions(url(), null, null, null, null, null, null, 4, false));
    }

    public SalesforceProvider provider(SalesforceOptions options) {
        return new SalesforceProvider(options, Map.of(SalesforceProvider.TOKEN_ENV, TOKEN), Duration.ofMillis(5),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    }

    /** Every Salesforce fact, collected. */
    public Inventory collect(SalesforceProvider provider) {
        return provider.collect(FactSelection.only(SalesforceProvider.ID, SalesforceFacts.ALL), Progress.NONE);
    }

    @Override
    public void close() {
        server.stop();
    }
}
