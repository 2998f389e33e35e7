package dev.bucketguard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST and Tooling query APIs of one org, GET only: version discovery, SOQL with {@code nextRecordsUrl} paging.
 * A page link is followed only on the org's own host and only under {@code /services/data/}, so the token is never
 * sent anywhere else.
 */
final class SalesforceApi {
    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,3})\\.(\\d)");
    private static final Pattern FROM = Pattern.compile("\\bFROM\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final GuardedHttp http;
    private final Session session;
    private final String version;

    SalesforceApi(GuardedHttp http, Session session, String version) {
        this.http = http;
        this.session = session;
        this.version = version;
    }

    /**
     * The API version to use: {@code requested} when given (checked against what the org offers), else the highest
     * the org lists at {@code GET /services/data/}.
     */
    static String version(GuardedHttp http, Session session, String requested) throws IOException {
        JsonNode list = http.get(session.instanceUrl().resolve("/services/data/"), session.token(), "versions");
        String best = null;
        List<String> offered = new ArrayList<>();
        for (JsonNode v : list) {
            String text = v.path("version").asText("");
            if (VERSION.matcher(text).matches()) {
                offered.add(text);
                if (best == null || compare(text, best) > 0) {
                    best = text;
                }
            }
        }
        if (requested != null) {
            String want = normalise(requested);
            if (!offered.contains(want)) {
                throw new IllegalArgumentException("--api-version v" + want + " is not offered by the org (it offers "
                        + (best == null ? "none" : "up to v" + best) + ")");
            }
            return want;
        }
        if (best == null) {
            throw new ApiException(0, "MALFORMED_ANSWER", "GET /services/data/ listed no API version");
        }
        return best;
    }

    /** {@code v67.0} or {@code 67.0} as {@code 67.0}; anything else is refused. */
    static String normalise(String version) {
        Matcher m = VERSION.matcher(version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--api-version '" + version + "' is not a version such as v67.0");
        }
        return Integer.parseInt(m.group(1)) + "." + m.group(2);
    }

    static int compare(String a, String b) {
        Matcher x = VERSION.matcher(a);
        Matcher y = VERSION.matcher(b);
        x.matches();
        y.matches();
        int c = Integer.compare(Integer.parseInt(x.group(1)), Integer.parseInt(y.group(1)));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x.group(2)), Integer.parseInt(y.group(2)));
    }

    /** Every record of a SOQL query, page after page. */
    List<JsonNode> query(String soql) throws IOException {
        return all("/services/data/v" + version + "/query?q=", soql, "query ");
    }

    /** Every record of a Tooling API query, page after page. */
    List<JsonNode> tooling(String soql) throws IOException {
        return all("/services/data/v" + version + "/tooling/query?q=", soql, "tooling ");
    }

    private List<JsonNode> all(String base, String soql, String kind) throws IOException {
        String operation = kind + object(soql);
        URI next = session.instanceUrl().resolve(base + URLEncoder.encode(soql, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        List<JsonNode> records = new ArrayList<>();
        while (true) {
            JsonNode page = http.get(next, session.token(), operation);
            JsonNode rows = page.get("records");
            if (rows == null || !rows.isArray()) {
                throw new ApiException(0, "MALFORMED_ANSWER", operation + " answered no records array");
            }
            rows.forEach(records::add);
            if (page.path("done").asBoolean(true)) {
                return records;
            }
            next = page(page.path("nextRecordsUrl").asText(""), operation);
        }
    }

    private URI page(String link, String operation) throws ApiException {
        if (!link.startsWith("/services/data/") || link.contains("//") || link.contains("..")) {
            throw new ApiException(0, "MALFORMED_ANSWER", operation + " answered done=false with a nextRecordsUrl"
                    + " that is not a path of this org's API");
        }
        return session.instanceUrl().resolve(link);
    }

    /** The records of one Metadata API {@code readMetadata} (SOAP, opt-in), each as its fields' text by name. */
    List<java.util.Map<String, String>> readMetadata(String type, List<String> fullNames) throws IOException {
        String xml = http.readMetadata(MetadataRead.endpoint(session, version),
                MetadataRead.envelope(session.token(), type, fullNames), "readMetadata " + type);
        return MetadataRead.records(xml);
    }

    /** The object a query reads, for counting and messages: {@code FROM Site} gives {@code Site}. */
    static String object(String soql) {
        Matcher m = FROM.matcher(soql);
        return m.find() ? m.group(1) : "?";
    }
}
