package dev.bucketguard.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one HTTP pipeline every Google API call of the scanner goes through (Cloud Storage's JSON API, the anonymous
 * probe and the organisation policy): the JDK's HTTP client behind google-http-client's transport interface.
 *
 * <p>It refuses, before anything is sent, every request that is not a GET, except the calls that are reads by
 * definition: a bucket's {@code testIamPermissions}, and Resource Manager's {@code getIamPolicy} of a project,
 * folder or organisation (a POST by the API's definition); bucketguard runs with whatever credentials the user has, often an
 * owner's, so read-only must not depend on the caller's care. It also counts every attempt per API method.
 */
final class GuardedTransport extends HttpTransport {
    /** Request headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    /** Thrown when a mutating request is attempted; the request never leaves the process. */
    static final class MutationRefused extends IOException {
        private static final long serialVersionUID = 1L;

        MutationRefused(String method, String operation) {
            super("bucketguard is read-only and refuses " + method + " " + operation);
        }
    }

    private final HttpClient client;
    private final java.util.concurrent.ExecutorService executor;
    private final CallCounter counter;

    GuardedTransport(CallCounter counter, int concurrency) {
        this.counter = counter;
        this.executor = java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, Math.min(concurrency, 64)),
                r -> {
                    Thread t = new Thread(r, "bucketguard-gcp-http");
                    t.setDaemon(true);
                    return t;
                });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** True for the requests the guard lets through. */
    static boolean allowed(String method, String url) {
        if ("GET".equalsIgnoreCase(method)) {
            return true;
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return false;
        }
        String path = URI.create(url).getPath();
        return path != null && (path.endsWith("/iam/testPermissions") || GET_IAM_POLICY.matcher(path).matches());
    }

    /** Resource Manager's getIamPolicy of one project, folder or organisation, and nothing after it. */
    private static final java.util.regex.Pattern GET_IAM_POLICY = java.util.regex.Pattern.compile(
            "/v[0-9]+/(projects|folders|organizations)/[^/:]+:getIamPolicy");

    /** Stops the client's threads; the transport refuses nothing more after it, it just cannot send. */
    @Override
    public void shutdown() {
        executor.shutdownNow();
    }

    @Override
    public boolean supportsMethod(String method) {
        return true;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
        String operation = Operations.of(method, url);
        if (!allowed(method, url)) {
            throw new MutationRefused(method, operation);
        }
        return new Request(method, url, operation);
    }

    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final String url;
        private final String operation;
        private final List<String[]> headers = new ArrayList<>();
        private Duration readTimeout = Duration.ofSeconds(30);

        Request(String method, String url, String operation) {
            this.method = method;
            this.url = url;
            this.operation = operation;
        }

        @Override
        public void addHeader(String name, String value) {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(new String[] {name, value});
            }
        }

        @Override
        public void setTimeout(int connectTimeout, int readTimeout) {
            if (readTimeout > 0) {
                this.readTimeout = Duration.ofMillis(readTimeout);
            }
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (getStreamingContent() != null) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                getStreamingContent().writeTo(buffer);
                body = HttpRequest.BodyPublishers.ofByteArray(buffer.toByteArray());
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout).method(method, body);
            for (String[] h : headers) {
                b.header(h[0], h[1]);
            }
            if (getContentType() != null) {
                b.setHeader("Content-Type", getContentType());
            }
            counter.attempt(operation);
            try {
                return new Response(client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
    }

    private static final class Response extends LowLevelHttpResponse {
        private final HttpResponse<InputStream> response;
        private final List<String[]> headers = new ArrayList<>();

        Response(HttpResponse<InputStream> response) {
            this.response = response;
            for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
                for (String v : e.getValue()) {
                    headers.add(new String[] {e.getKey(), v});
                }
            }
        }

        @Override
        public InputStream getContent() {
            return response.body();
        }

        @Override
        public String getContentEncoding() {
            return response.headers().firstValue("Content-Encoding").orElse(null);
        }

        @Override
        public long getContentLength() {
            return response.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public String getContentType() {
            return response.headers().firstValue("Content-Type").orElse(null);
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + response.statusCode();
        }

        @Override
        public int getStatusCode() {
            return response.statusCode();
        }

        @Override
        public String getReasonPhrase() {
            return null;
        }

        @Override
        public int getHeaderCount() {
            return headers.size();
        }

        @Override
        public String getHeaderName(int index) {
            return headers.get(index)[0];
        }

        @Override
        public String getHeaderValue(int index) {
            return headers.get(index)[1];
        }

        @Override
        public void disconnect() throws IOException {
            response.body().close();
        }
    }
}
