package dev.bucketguard.gcp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * fake-gcs-server for integration tests, one per test JVM.
 *
 * <p>With {@code -Dbucketguard.fakegcs.endpoint=...} or {@code BUCKETGUARD_FAKE_GCS_ENDPOINT} set, that server is
 * used. Otherwise the pinned fake-gcs-server is built by {@code scripts/fake-gcs.sh install} (Go, into
 * {@code .build/fake-gcs}, once per checkout) and started on a free loopback port, and stopped when the JVM exits.
 * Where that is impossible (no Go, no module proxy) the tests are skipped with the reason, except under
 * {@code CI=true}, where a missing emulator fails them: CI must not go green by testing nothing.
 */
public final class FakeGcsServer implements BeforeAllCallback {
    private static URI endpoint;
    private static String unavailable;

    @Override
    public void beforeAll(ExtensionContext context) {
        URI e = endpoint();
        if (e == null) {
            String reason = "fake-gcs-server not available: " + unavailable;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: integration tests must run)");
            }
            System.err.println("SKIPPED " + context.getDisplayName() + ": " + reason);
            assumeTrue(false, reason);
        }
    }

    public static synchronized URI endpoint() {
        if (endpoint != null || unavailable != null) {
            return endpoint;
        }
        String given = System.getProperty("bucketguard.fakegcs.endpoint",
                System.getenv("BUCKETGUARD_FAKE_GCS_ENDPOINT"));
        if (given != null && !given.isBlank()) {
            endpoint = URI.create(given.trim());
            return endpoint;
        }
        try {
            endpoint = start();
        } catch (IOException | RuntimeException e) {
            unavailable = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted";
        }
        return endpoint;
    }

    /**
     * A plain Storage client on the emulator for setting up worlds: no read-only guard, since the tests write the
     * buckets that the scanner then reads.
     */
    public static Storage setupClient() {
        return StorageOptions.newBuilder().setHost(endpoint().toString()).setProjectId("test-project")
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    private static URI start() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("scripts/fake-gcs.sh"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IOException("scripts/fake-gcs.sh not found above " + Path.of("").toAbsolutePath());
        }
        // Not inherited: the forked test JVM's stdout is surefire's channel, and Go's output would corrupt it.
        Path installLog = root.resolve(".build/fake-gcs-install.log");
        Files.createDirectories(installLog.getParent());
        Process install = new ProcessBuilder("bash", root.resolve("scripts/fake-gcs.sh").toString(), "install")
                .redirectErrorStream(true).redirectOutput(installLog.toFile()).start();
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IOException("scripts/fake-gcs.sh install failed (Go and access to the Go module proxy are"
                    + " needed; see " + installLog + ")");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path server = root.resolve(".build/fake-gcs/bin/fake-gcs-server");
        Path log = root.resolve(".build/fake-gcs-test.log");
        URI uri = URI.create("http://127.0.0.1:" + port);
        Process p = new ProcessBuilder(server.toString(), "-scheme", "http", "-host", "127.0.0.1", "-port",
                Integer.toString(port), "-backend", "memory", "-external-url", uri.toString(), "-log-level", "warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("fake-gcs-server exited; see " + log);
            }
            if (answers(uri)) {
                return uri;
            }
            Thread.sleep(200);
        }
        p.destroy();
        throw new IOException("fake-gcs-server did not answer on " + uri + " within 60 s; see " + log);
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.resolve("/storage/v1/b?project=test").toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
