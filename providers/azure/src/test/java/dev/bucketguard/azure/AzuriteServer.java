package dev.bucketguard.azure;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Azurite blob emulator for integration tests, one per test JVM.
 *
 * <p>With {@code -Dbucketguard.azurite.endpoint=...} or {@code BUCKETGUARD_AZURITE_ENDPOINT} set (the server's root,
 * such as {@code http://127.0.0.1:10000}), that server is used. Otherwise the pinned Azurite is installed by
 * {@code scripts/azurite.sh install} (under {@code .build/azurite}, once per checkout) and {@code azurite-blob} is
 * started on a free loopback port with two accounts, and stopped when the JVM exits. Where that is impossible (no
 * node, no npm registry) the tests are skipped with the reason, except under {@code CI=true}, where a missing
 * emulator fails them.
 */
public final class AzuriteServer implements BeforeAllCallback {
    /** Azurite's published development account and key (not secrets). */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /** A second account, for tests that need a fresh one. */
    public static final String SECOND = "bgsecondaccount";
    public static final String SECOND_KEY = "YmdzZWNvbmRhY2NvdW50LWRldmVsb3BtZW50LWtleS0wMDE=";

    private static URI root;
    private static String unavailable;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (root() == null) {
            String reason = "Azurite emulator not available: " + unavailable;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: integration tests must run)");
            }
            System.err.println("SKIPPED " + context.getDisplayName() + ": " + reason);
            assumeTrue(false, reason);
        }
    }

    /** The server's root, {@code http://127.0.0.1:PORT}; null when it could not be started. */
    public static synchronized URI root() {
        if (root != null || unavailable != null) {
            return root;
        }
        String given = System.getProperty("bucketguard.azurite.endpoint", System.getenv("BUCKETGUARD_AZURITE_ENDPOINT"));
        if (given != null && !given.isBlank()) {
            root = URI.create(given.trim().replaceAll("/+$", ""));
            return root;
        }
        try {
            root = start();
        } catch (IOException | RuntimeException e) {
            unavailable = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted";
        }
        return root;
    }

    /** The blob endpoint of an account: {@code http://127.0.0.1:PORT/account}. */
    public static String endpoint(String account) {
        return root() + "/" + account;
    }

    /** A connection string for an account. */
    public static String connectionString(String account, String key) {
        return "DefaultEndpointsProtocol=http;AccountName=" + account + ";AccountKey=" + key + ";BlobEndpoint="
                + endpoint(account) + ";";
    }

    private static URI start() throws IOException, InterruptedException {
        Path top = Path.of("").toAbsolutePath();
        while (top != null && !Files.exists(top.resolve("scripts/azurite.sh"))) {
            top = top.getParent();
        }
        if (top == null) {
            throw new IOException("scripts/azurite.sh not found above " + Path.of("").toAbsolutePath());
        }
        Path installLog = top.resolve(".build/azurite-install.log");
        Files.createDirectories(installLog.getParent());
        Process install = new ProcessBuilder("bash", top.resolve("scripts/azurite.sh").toString(), "install")
                .redirectErrorStream(true).redirectOutput(installLog.toFile()).start();
        if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IOException("scripts/azurite.sh install failed (node and npm with access to the npm registry"
                    + " needed; see " + installLog + ")");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path server = top.resolve(".build/azurite/node_modules/.bin/azurite-blob");
        Path log = top.resolve(".build/azurite-test.log");
        ProcessBuilder pb = new ProcessBuilder(server.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                Integer.toString(port), "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
                "--silent").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + KEY + ";" + SECOND + ":" + SECOND_KEY);
        Process p = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        URI uri = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("azurite-blob exited; see " + log);
            }
            if (answers(uri)) {
                return uri;
            }
            Thread.sleep(200);
        }
        p.destroy();
        throw new IOException("azurite-blob did not answer on " + uri + " within 60 s; see " + log);
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.resolve("/" + ACCOUNT + "?comp=list").toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return c.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
