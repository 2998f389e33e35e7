package dev.bucketguard.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A small HTTP proxy on 127.0.0.1 in front of an emulator, for what no emulator does by itself: answer a share of
 * requests {@code 503 SlowDown} (throttling), refuse chosen requests, add latency to every request. It records every
 * request it sees (method, path and query, whether it was signed), so a test can show what reached the "cloud".
 */
public final class FaultProxy implements AutoCloseable {
    /**
     * What the proxy saw; {@code body} is the request body as text (form posts, JSON), empty when none; {@code keyId}
     * the access key id that signed it (from the SigV4 credential scope), null when unsigned.
     */
    public record Seen(String method, String pathAndQuery, boolean signed, String body, String keyId) {
    }

    private static final java.util.regex.Pattern CREDENTIAL =
            java.util.regex.Pattern.compile("Credential=([^/,\\s&%]+)");

    private static String keyId(String authorization, String query) {
        for (String text : new String[] {authorization, query}) {
            if (text != null) {
                java.util.regex.Matcher m = CREDENTIAL.matcher(text.replace("X-Amz-Credential=", "Credential="));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /** An answer the proxy gives itself instead of forwarding. */
    public record Refusal(int status, String contentType, String body) {
        public static Refusal s3(int status, String code) {
            return new Refusal(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                    + code + "</Code><Message>" + code + "</Message></Error>");
        }

        /** An STS (query protocol) error. */
        public static Refusal sts(int status, String code) {
            return new Refusal(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + code + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
        }
    }

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "expect",
            "transfer-encoding", "upgrade", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile double throttleShare;
    private volatile long delayMillis;
    private volatile Predicate<Seen> refuse = s -> false;
    private volatile Refusal refusal = Refusal.s3(403, "AccessDenied");

    public FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers this share of requests (0..1) as throttled (S3: 503 SlowDown; STS: 400 Throttling). */
    public FaultProxy throttle(double share) {
        this.throttleShare = share;
        return this;
    }

    /** Waits this long before forwarding each request. */
    public FaultProxy delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Answers the requests that match with this refusal instead of forwarding them. */
    public FaultProxy refuse(Predicate<Seen> which, Refusal answer) {
        this.refuse = which;
        this.refusal = answer;
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long throttled() {
        return throttled.get();
    }

    /** The most requests the proxy held at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Seen s = new Seen(method, pathAndQuery, authorization != null || pathAndQuery.contains("X-Amz-Signature"),
                    new String(body, StandardCharsets.UTF_8), keyId(authorization, pathAndQuery));
            seen.add(s);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (refuse.test(s)) {
                answer(exchange, method, refusal);
                return;
            }
            if (throttleShare > 0 && ThreadLocalRandom.current().nextDouble() < throttleShare) {
                throttled.incrementAndGet();
                // Each service throttles in its own shape: S3 with 503 SlowDown, STS with 400 Throttling.
                answer(exchange, method, s.body().contains("Action=") ? Refusal.sts(400, "Throttling")
                        : Refusal.s3(503, "SlowDown"));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream.toString().replaceAll("/+$", "")
                    + pathAndQuery)).timeout(Duration.ofSeconds(60))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<InputStream> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out;
            try (InputStream in = response.body()) {
                out = in.readAllBytes();
            }
            boolean noBody = "HEAD".equals(method) || out.length == 0;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void answer(HttpExchange exchange, String method, Refusal r) throws IOException {
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", r.contentType());
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(r.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(r.status(), bytes.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
