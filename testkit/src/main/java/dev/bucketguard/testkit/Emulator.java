package dev.bucketguard.testkit;

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
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cloud emulator run as a plain process for integration tests, one per test JVM: the shared part of the moto,
 * Azurite and fake-gcs-server JUnit extensions.
 *
 * <p>With the endpoint given (a system property or an environment variable) that server is used. Otherwise the
 * project's own script ({@code scripts/<name>.sh install}) installs the pinned emulator under {@code .build/}, once
 * per checkout, and the server is started on a free loopback port and stopped when the JVM exits. Where that is
 * impossible the tests are skipped with the reason printed, except under {@code CI=true}, where a missing emulator
 * fails them: CI must not go green by testing nothing.
 */
public final class Emulator {
    /**
     * How to run one emulator.
     *
     * @param name           the server's name for messages ("moto_server")
     * @param script         the install script, relative to the checkout ("scripts/moto.sh")
     * @param property       the system property that names a running server's endpoint
     * @param environment    the environment variable that does the same
     * @param needs          what the install needs, for the message when it fails
     * @param installTimeout how long the one-time install may take
     * @param command        the server's command line, from the checkout's root and the port to listen on
     * @param readyPath      a path that the server answers once it is up
     * @param ready          which HTTP status at {@code readyPath} means up
     */
    public record Spec(String name, String script, String property, String environment, String needs,
                       Duration installTimeout, BiFunction<Path, Integer, ProcessBuilder> command, String readyPath,
                       IntPredicate ready) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(ready, "ready");
        }
    }

    private final Spec spec;
    private URI endpoint;
    private String unavailable;

    public Emulator(Spec spec) {
        this.spec = spec;
    }

    /** For a JUnit extension's {@code beforeAll}: skips (or under CI=true fails) when the emulator is missing. */
    public void require(ExtensionContext context) {
        if (endpoint() == null) {
            String reason = spec.name() + " not available: " + unavailable;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: integration tests must run)");
            }
            System.err.println("SKIPPED " + context.getDisplayName() + ": " + reason);
            assumeTrue(false, reason);
        }
    }

    /** The server's root, {@code http://127.0.0.1:PORT}; null when it could not be had. */
    public synchronized URI endpoint() {
        if (endpoint != null || unavailable != null) {
            return endpoint;
        }
        String given = System.getProperty(spec.property(), System.getenv(spec.environment()));
        if (given != null && !given.isBlank()) {
            endpoint = URI.create(given.trim().replaceAll("/+$", ""));
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

    private URI start() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve(spec.script()))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IOException(spec.script() + " not found above " + Path.of("").toAbsolutePath());
        }
        String base = Path.of(spec.script()).getFileName().toString().replaceAll("\\.sh$", "");
        // Not inherited: the forked test JVM's stdout is surefire's channel, and an installer's output would
        // corrupt it.
        Path installLog = root.resolve(".build/" + base + "-install.log");
        Files.createDirectories(installLog.getParent());
        Process install = new ProcessBuilder("bash", root.resolve(spec.script()).toString(), "install")
                .redirectErrorStream(true).redirectOutput(installLog.toFile()).start();
        if (!install.waitFor(spec.installTimeout().toMinutes(), TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IOException(spec.script() + " install failed (" + spec.needs() + " needed; see " + installLog
                    + ")" + lastLine(installLog));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = root.resolve(".build/" + base + "-test.log");
        Process p = spec.command().apply(root, port).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        URI uri = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(spec.name() + " exited; see " + log);
            }
            if (answers(uri)) {
                return uri;
            }
            Thread.sleep(200);
        }
        p.destroy();
        throw new IOException(spec.name() + " did not answer on " + uri + " within 60 s; see " + log);
    }

    /** The install log's last line (the script's own "why"), so that a skipped test prints the cause. */
    private static String lastLine(Path log) {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).map(l -> ": " + l.strip()).orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private boolean answers(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.resolve(spec.readyPath()).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return spec.ready().test(c.getResponseCode());
        } catch (IOException e) {
            return false;
        }
    }
}
