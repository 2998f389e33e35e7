package dev.bucketguard.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.StorageRetryStrategy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients of one scan, all on one {@link GuardedTransport}: a Storage client per project, an unauthenticated one
 * for the anonymous probe, the organisation policy reader and the audit log reader. With an endpoint every one of
 * them talks to it over HTTP/JSON with no credentials.
 */
final class GcpClients {
    static final String STORAGE_HOST = "https://storage.googleapis.com";

    private final GuardedTransport transport;
    private final URI endpoint;
    private final Credentials credentials;
    private final RetrySettings retry;
    private final Map<String, Storage> byProject = new ConcurrentHashMap<>();
    private final GoogleRest rest;
    private final OrgPolicyReader orgPolicy;
    private final AuditLogReader auditLogs;
    private volatile Storage anonymous;

    GcpClients(GuardedTransport transport, URI endpoint, Credentials credentials, Duration firstRetryDelay) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.credentials = endpoint == null ? credentials : NoCredentials.getInstance();
        this.retry = RetrySettings.newBuilder()
                .setMaxAttempts(5)
                .setInitialRetryDelayDuration(firstRetryDelay)
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(firstRetryDelay.multipliedBy(16))
                .setTotalTimeoutDuration(Duration.ofMinutes(2))
                .setInitialRpcTimeoutDuration(Duration.ofSeconds(30))
                .setMaxRpcTimeoutDuration(Duration.ofSeconds(30))
                .setRpcTimeoutMultiplier(1.0)
                .build();
        this.rest = new GoogleRest(transport, this.credentials, firstRetryDelay);
        this.orgPolicy = new OrgPolicyReader(rest, endpoint);
        this.auditLogs = new AuditLogReader(rest, endpoint);
    }

    /** The Storage client for a project (its bucket listing is that project's). */
    Storage storage(String project) {
        return byProject.computeIfAbsent(project, p -> build(p, credentials));
    }

    /** A Storage client that sends no credentials at all: what anyone on the internet sees. */
    Storage anonymous() {
        Storage s = anonymous;
        if (s == null) {
            synchronized (this) {
                if (anonymous == null) {
                    anonymous = build("anonymous", NoCredentials.getInstance());
                }
                s = anonymous;
            }
        }
        return s;
    }

    OrgPolicyReader orgPolicy() {
        return orgPolicy;
    }

    AuditLogReader auditLogs() {
        return auditLogs;
    }

    private Storage build(String project, Credentials creds) {
        HttpTransportOptions http = HttpTransportOptions.newBuilder()
                .setHttpTransportFactory(() -> transport)
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .build();
        StorageOptions.Builder b = StorageOptions.newBuilder()
                .setProjectId(project)
                .setTransportOptions(http)
                .setRetrySettings(retry)
                .setStorageRetryStrategy(StorageRetryStrategy.getDefaultStorageRetryStrategy())
                .setCredentials(creds)
                .setHost(endpoint == null ? STORAGE_HOST : endpoint.toString());
        return b.build().getService();
    }

    void close() {
        for (Storage s : byProject.values()) {
            closeQuietly(s);
        }
        if (anonymous != null) {
            closeQuietly(anonymous);
        }
        transport.shutdown();
    }

    private static void closeQuietly(Storage s) {
        try {
            s.close();
        } catch (Exception e) {
            // Closing a client cannot change what was read.
        }
    }
}
