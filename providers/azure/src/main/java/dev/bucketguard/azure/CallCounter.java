package dev.bucketguard.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;

/**
 * Counts requests per operation, so that a benchmark can report calls per account and a test can prove that
 * unrequested facts cost no calls. The operation is named from the request itself ({@link #operation}), so that pages
 * of one listing count as that listing; one instance counts calls (before the retry policy), another attempts (after
 * it). Thread-safe.
 */
final class CallCounter implements HttpPipelinePolicy {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    private void count(HttpPipelineCallContext context) {
        String op = operation(context.getHttpRequest().getHttpMethod().toString(),
                context.getHttpRequest().getUrl().getPath(), context.getHttpRequest().getUrl().getQuery());
        counts.computeIfAbsent(op, k -> new LongAdder()).increment();
    }

    /** The operation a request belongs to, in the API's own names. */
    static String operation(String method, String path, String query) {
        String p = path == null ? "" : path;
        String q = query == null ? "" : query;
        String lower = p.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("/providers/microsoft.operationalinsights/")) {
            return lower.contains("/tables/") ? Diagnostics.TABLE_CALL : Diagnostics.WORKSPACE_CALL;
        }
        if (lower.contains("/providers/microsoft.storage/")) {
            String tail = lower.replaceAll("/+$", "");
            String last = tail.substring(tail.lastIndexOf('/') + 1);
            String[] parts = tail.split("/");
            String before = parts.length > 1 ? parts[parts.length - 2] : "";
            return switch (last) {
                case "storageaccounts" -> "StorageAccounts.list";
                case "containers" -> "BlobContainers.list";
                case "objectreplicationpolicies" -> "ObjectReplicationPolicies.list";
                case "privateendpointconnections" -> "PrivateEndpointConnections.list";
                case "listkeys" -> "StorageAccounts.listKeys";
                case "regeneratekey" -> "StorageAccounts.regenerateKey";
                case "diagnosticsettings" -> Diagnostics.SETTINGS_CALL;
                default -> "managementpolicies".equals(before) ? Diagnostics.POLICY_CALL
                        : "storageaccounts".equals(before) ? "StorageAccounts.getByResourceGroup"
                        : "ARM " + method + " " + last;
            };
        }
        if (lower.matches(".*/subscriptions/?")) {
            return "Subscriptions.list";
        }
        if (lower.matches(".*/subscriptions/[^/]+/?")) {
            return "Subscriptions.get";
        }
        if (q.contains("restype=service") && q.contains("comp=properties")) {
            return "GetBlobServiceProperties";
        }
        if (q.contains("restype=container") && q.contains("comp=acl")) {
            return "GetContainerACL";
        }
        if (q.contains("restype=container") && q.contains("comp=list")) {
            return "ListBlobs";
        }
        if (q.contains("comp=list")) {
            return "ListContainers";
        }
        if ("HEAD".equals(method)) {
            return "GetBlobProperties";
        }
        return method + " blob";
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        count(context);
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        count(context);
        return next.processSync();
    }

    /** Requests per operation name, sorted by name. */
    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
