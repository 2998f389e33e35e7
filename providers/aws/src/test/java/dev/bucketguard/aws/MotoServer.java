package dev.bucketguard.aws;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * The moto emulator for integration tests, one per test JVM.
 *
 * <p>With {@code -Dbucketguard.moto.endpoint=...} or {@code BUCKETGUARD_MOTO_ENDPOINT} set, that server is used.
 * Otherwise the pinned moto is installed by {@code scripts/moto.sh install} (a venv under {@code .build/}, once per
 * checkout) and {@code moto_server} is started on a free loopback port, and stopped when the JVM exits. Where that is
 * impossible (no python3, no network for pip) the tests are skipped with the reason, except under {@code CI=true},
 * where a missing emulator fails them: CI must not go green by testing nothing.
 */
public final class MotoServer implements BeforeAllCallback {
    private static URI endpoint;
    private static String unavailable;

    @Override
    public void beforeAll(ExtensionContext context) {
        URI e = endpoint();
        if (e == null) {
            String reason = "moto emulator not available: " + unavailable;
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
        String given = System.getProperty("bucketguard.moto.endpoint", System.getenv("BUCKETGUARD_MOTO_ENDPOINT"));
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

    private static URI start() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("scripts/moto.sh"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IOException("scripts/moto.sh not found above " + Path.of("").toAbsolutePath());
        }
        // Not inherited: the forked test JVM's stdout is surefire's channel, and pip's output would corrupt it.
        Path installLog = root.resolve(".build/moto-install.log");
        Files.createDirectories(installLog.getParent());
        Process install = new ProcessBuilder("bash", root.resolve("scripts/moto.sh").toString(), "install")
                .redirectErrorStream(true).redirectOutput(installLog.toFile()).start();
        if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IOException("scripts/moto.sh install failed (python3 with venv and pip access to PyPI needed;"
                    + " see " + installLog + ")");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path server = root.resolve(".build/moto-venv/bin/moto_server");
        Path log = root.resolve(".build/moto-test.log");
        Process p = new ProcessBuilder(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        URI uri = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("moto_server exited; see " + log);
            }
            if (answers(uri)) {
                return uri;
            }
            Thread.sleep(200);
        }
        p.destroy();
        throw new IOException("moto_server did not answer on " + uri + " within 60 s; see " + log);
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.resolve("/moto-api/data.json").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Forgets every bucket, key and setting, so that each test starts from an empty account. */
    public static void reset() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.getOutputStream().close();
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered " + c.getResponseCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        }
    }
}
