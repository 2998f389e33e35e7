package dev.bucketguard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;

/**
 * The one HTTP pipeline every Salesforce request of the scanner goes through (java.net.http).
 *
 * <p>Read-only by construction: {@link #exchange} refuses, before anything is sent, every method but GET, except the
 * single OAuth token POST of the JWT bearer flow (a form to {@code /services/oauth2/token} that starts with the
 * jwt-bearer grant, with no bearer token), and, for the opt-in {@code --metadata}, a POST to the Metadata API whose
 * body is exactly one {@code readMetadata} envelope ({@link MetadataRead#ENVELOPE}; {@code deploy},
 * {@code updateMetadata} and every other operation are refused). bucketguard runs with whatever user it is given,
 * often an administrator, so read-only must not depend on the caller's care.
 *
 * <p>It also bounds the requests in flight ({@code --concurrency}), counts every request sent, retries the transient
 * refusals ({@code REQUEST_LIMIT_EXCEEDED}, 503) with exponential backoff, and once a limit outlasts the retries it
 * stops: every later request fails at once without being sent, naming the limit. Secrets it is told about
 * ({@link #secret}) are removed from every message it builds.
 */
final class GuardedHttp {
    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String JWT_GRANT = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer";

    /** Thrown when a mutating request is attempted; the request never leaves the process. */
    static final class MutationRefused extends IOException {
        private static final long serialVersionUID = 1L;

        MutationRefused(String method, String operation) {
            super("bucketguard is read-only and refuses " + method + " " + operation);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETRIES = 4;

    private final HttpClient client;
    private final Semaphore inFlight;
    private final CallCounter counter;
    private final Duration firstRetryDelay;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private volatile String exhaustedLimit;

    GuardedHttp(CallCounter counter, int concurrency, Duration firstRetryDelay) {
        this.counter = counter;
        this.inFlight = new Semaphore(Math.max(1, concurrency));
        this.firstRetryDelay = firstRetryDelay;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A value that must never appear in a message (the access token); removed from everything this class says. */
    void secret(String value) {
        if (value != null && value.length() >= 4) {
            secrets.add(value);
        }
    }

    /** {@code text} with every known secret replaced by {@code ***}. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }

    /** The limit that stopped the scan's reading, or null while none has. */
    String exhaustedLimit() {
        return exhaustedLimit;
    }

    /** True for the requests the guard lets through. */
    static boolean allowed(String method, URI uri, String bearer, String body) {
        if ("GET".equals(method)) {
            return body == null;
        }
        if (!"POST".equals(method) || bearer != null || uri.getPath() == null || body == null
                || uri.getRawQuery() != null) {
            return false;
        }
        if (uri.getPath().equals(TOKEN_PATH)) {
            return body.startsWith(JWT_GRANT + "&");
        }
        return MetadataRead.PATH.matcher(uri.getPath()).matches() && MetadataRead.ENVELOPE.matcher(body).matches();
    }

    /**
     * One Metadata API {@code readMetadata} (SOAP; the session travels in the envelope, not in a header); the answer's
     * XML. A SOAP fault is an {@link ApiException} with its fault code.
     */
    String readMetadata(URI endpoint, String envelope, String operation) throws IOException {
        return exchange("POST", endpoint, null, envelope, "text/xml; charset=UTF-8", operation);
    }

    /** A GET with the bearer token; the body of a 2xx answer as JSON. */
    JsonNode get(URI uri, String bearer, String operation) throws IOException {
        return exchange("GET", uri, bearer, null, operation);
    }

    /**
     * Sends one request through the guard and answers the body of a 2xx response as JSON.
     *
     * @param bearer the access token, or null (the token request)
     * @param form   an {@code application/x-www-form-urlencoded} body, or null
     * @throws MutationRefused before sending anything, for every request but a GET and the token POST
     * @throws ApiException    when Salesforce answers an error, with its status and {@code errorCode}
     */
    JsonNode exchange(String method, URI uri, String bearer, String form, String operation) throws IOException {
        return body(exchange(method, uri, bearer, form, "application/x-www-form-urlencoded", operation), operation);
    }

    /** Sends one request through the guard and answers the body of a 2xx response as text. */
    private String exchange(String method, URI uri, String bearer, String form, String contentType, String operation)
            throws IOException {
        String m = method.toUpperCase(Locale.ROOT);
        if (!allowed(m, uri, bearer, form)) {
            throw new MutationRefused(m, operation);
        }
        String limit = exhaustedLimit;
        if (limit != null) {
            throw new ApiException(0, "REQUEST_LIMIT_EXCEEDED", "not sent: the scan stopped reading after "
                    + limit);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (form != null) {
            b.header("Content-Type", contentType)
                    .method(m, HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
            if (contentType.startsWith("text/xml")) {
                b.header("SOAPAction", "\"\"");
            }
        } else {
            b.GET();
        }
        HttpRequest request = b.build();
        ApiException last = null;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            if (attempt > 0) {
                sleep(firstRetryDelay.multipliedBy(1L << (attempt - 1)));
            }
            HttpResponse<String> response;
            try {
                response = send(request, operation);
            } catch (IOException e) {
                last = new ApiException(0, "NETWORK", "no answer from " + uri.getHost() + " ("
                        + e.getClass().getSimpleName() + ")");
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body();
            }
            last = error(status, response.body());
            if (!(last.limit() || status == 503 || status == 429)) {
                throw last;
            }
        }
        if (last.limit()) {
            exhaustedLimit = "HTTP " + last.status() + " REQUEST_LIMIT_EXCEEDED (" + whichLimit(last.getMessage())
                    + ")";
        }
        throw last;
    }

    private HttpResponse<String> send(HttpRequest request, String operation) throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try {
            counter.sent(operation);
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            inFlight.release();
        }
    }

    private JsonNode body(String body, String operation) throws ApiException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(0, "MALFORMED_ANSWER", operation + " answered no JSON");
            }
            return node;
        } catch (IOException e) {
            throw new ApiException(0, "MALFORMED_ANSWER", operation + " answered something that is not JSON");
        }
    }

    /**
     * Salesforce's error envelope: a JSON array of {@code {message, errorCode}}, an OAuth {@code {error}}, or a SOAP
     * fault.
     */
    private ApiException error(int status, String body) {
        String code = "";
        String message = "";
        String[] fault = body != null && body.stripLeading().startsWith("<") ? MetadataRead.fault(body) : null;
        if (fault != null) {
            return new ApiException(status, fault[0], oneLine(redact(fault[1])));
        }
        try {
            JsonNode n = JSON.readTree(body == null ? "" : body);
            JsonNode first = n != null && n.isArray() && !n.isEmpty() ? n.get(0) : n;
            if (first != null && first.isObject()) {
                code = first.path("errorCode").asText(first.path("error").asText(""));
                message = first.path("message").asText(first.path("error_description").asText(""));
            }
        } catch (IOException e) {
            // not JSON: the status says enough
        }
        return new ApiException(status, code, oneLine(redact(message)));
    }

    /** "the daily API request limit (TotalRequests)" or "the concurrent long-running request limit". */
    static String whichLimit(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("totalrequests") || m.contains("total requests")) {
            return "the org's daily API request limit, TotalRequests";
        }
        if (m.contains("concurrent")) {
            return "the org's concurrent long-running request limit";
        }
        return "an API request limit of the org";
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
