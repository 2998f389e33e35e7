package dev.bucketguard.azure.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bucketguard.azure.AzureOptions;
import dev.bucketguard.azure.AzureProvider;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scans N storage accounts of C containers each behind an in-memory stub of ARM and the blob service (the JDK's own
 * HTTP server on 127.0.0.1, answers precomputed), then replays exactly the requests the scan made with a bare JDK
 * HTTP client at the same concurrency against the same server: the floor no scanner can beat. Run by
 * bench/azure-scan.sh; not part of the test suite.
 *
 * <p>Arguments: account count, containers per account, concurrency.
 */
public final class AzureScanBenchmark {
    private static final String SUB = "0b1f6471-1bf0-4dda-aec3-aaaaaaaaaaaa";
    private static final int PAGE = 100;

    private AzureScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(args[0]);
        int containers = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", ex -> answer(ex, base, accounts, containers, seen));
        server.setExecutor(Executors.newFixedThreadPool(Math.max(8, concurrency * 2)));
        server.start();
        try {
            AzureOptions options = new AzureOptions(List.of(), null, URI.create(base), false, concurrency);
            FactSelection facts = FactSelection.only(AzureCloud.ID, new java.util.TreeSet<>(AzureFacts.ALL));
            // Warm the JVM on one full scan, as the bare client below runs warm too.
            new AzureProvider(options).collect(facts, m -> { });
            seen.clear();
            AzureProvider provider = new AzureProvider(options);
            long s0 = System.nanoTime();
            Inventory inv = provider.collect(facts, m -> { });
            double scan = (System.nanoTime() - s0) / 1e9;
            List<String> requests = new ArrayList<>(seen);
            long calls = provider.apiCalls().values().stream().mapToLong(Long::longValue).sum();
            if (inv.resources().size() != accounts || !inv.errors().isEmpty()) {
                throw new IllegalStateException("scan read " + inv.resources().size() + " accounts, errors "
                        + inv.errors());
            }
            long unknown = inv.resources().stream().filter(r -> !r.unknowns().isEmpty()).count();

            double bare = bare(requests, concurrency);
            System.out.printf("accounts %d, containers per account %d, concurrency %d%n", accounts, containers,
                    concurrency);
            System.out.printf("scan: %.2f s wall, %d requests (%.1f per account), accounts with unknowns: %d%n",
                    scan, calls, calls / (double) accounts, unknown);
            System.out.printf("calls by operation: %s%n", provider.apiCalls());
            System.out.printf("bare client, same %d requests, same concurrency: %.2f s%n", requests.size(), bare);
            System.out.printf("ratio scan / bare: %.2f%n", scan / bare);
        } finally {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private static double bare(List<String> requests, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<Integer>> fs = new ArrayList<>();
        for (String r : requests) {
            fs.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(r)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).statusCode()));
        }
        for (Future<Integer> f : fs) {
            f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        return s;
    }

    private static void answer(HttpExchange ex, String base, int accounts, int containers, List<String> seen)
            throws IOException {
        URI uri = ex.getRequestURI();
        seen.add(base + uri);
        String path = uri.getPath();
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String body;
        String type = "application/json";
        String accountsPath = "/subscriptions/" + SUB + "/providers/Microsoft.Storage/storageAccounts";
        if (path.equals("/subscriptions")) {
            body = "{\"value\":[{\"id\":\"/subscriptions/" + SUB + "\",\"subscriptionId\":\"" + SUB
                    + "\",\"tenantId\":\"72f988bf-86f1-41af-91ab-2d7cd011db47\",\"state\":\"Enabled\"}]}";
        } else if (path.equals(accountsPath)) {
            int page = query.contains("skiptoken=") ? Integer.parseInt(query.replaceAll(".*skiptoken=(\\d+).*", "$1"))
                    : 0;
            StringBuilder b = new StringBuilder("{\"value\":[");
            for (int i = page * PAGE; i < Math.min(accounts, (page + 1) * PAGE); i++) {
                if (i > page * PAGE) {
                    b.append(',');
                }
                b.append(account(base, i));
            }
            b.append(']');
            if ((page + 1) * PAGE < accounts) {
                b.append(",\"nextLink\":\"").append(base).append(accountsPath)
                        .append("?api-version=2023-05-01&$skiptoken=").append(page + 1).append('"');
            }
            body = b.append('}').toString();
        } else if (path.endsWith("/blobServices/default/containers")) {
            String id = path.substring(0, path.indexOf("/blobServices"));
            StringBuilder b = new StringBuilder("{\"value\":[");
            for (int c = 0; c < containers; c++) {
                b.append(c == 0 ? "" : ",").append("{\"id\":\"").append(id).append("/blobServices/default/containers/c")
                        .append(c).append("\",\"name\":\"c").append(c).append("\",\"properties\":{\"publicAccess\":\"")
                        .append(c == 0 ? "Blob" : "None").append("\"}}");
            }
            body = b.append("]}").toString();
        } else if (path.endsWith("/objectReplicationPolicies")) {
            body = "{\"value\":[]}";
        } else if (query.contains("comp=properties")) {
            type = "application/xml";
            body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageServiceProperties><Logging><Version>1.0</Version>"
                    + "<Read>true</Read><Write>true</Write><Delete>true</Delete><RetentionPolicy><Enabled>false"
                    + "</Enabled></RetentionPolicy></Logging><DeleteRetentionPolicy><Enabled>true</Enabled><Days>7"
                    + "</Days></DeleteRetentionPolicy><StaticWebsite><Enabled>false</Enabled></StaticWebsite>"
                    + "</StorageServiceProperties>";
        } else if (query.contains("comp=acl")) {
            type = "application/xml";
            body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><SignedIdentifiers></SignedIdentifiers>";
        } else {
            body = "{\"error\":{\"code\":\"NotFound\",\"message\":\"" + path + "\"}}";
            send(ex, 404, type, body);
            return;
        }
        send(ex, 200, type, body);
    }

    private static String account(String base, int i) {
        String name = "acct" + i;
        return "{\"id\":\"/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/"
                + name + "\",\"name\":\"" + name + "\",\"location\":\"westeurope\",\"properties\":{"
                + "\"provisioningState\":\"Succeeded\",\"primaryEndpoints\":{\"blob\":\"" + base + "/" + name + "/\"},"
                + "\"allowBlobPublicAccess\":" + (i % 2 == 0) + ",\"supportsHttpsTrafficOnly\":true,"
                + "\"minimumTlsVersion\":\"TLS1_2\",\"networkAcls\":{\"defaultAction\":\"" + (i % 3 == 0 ? "Deny" : "Allow")
                + "\"}}}";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("x-ms-version", "2021-12-02");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(bytes);
        }
    }
}
