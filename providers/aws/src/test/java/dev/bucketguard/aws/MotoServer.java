package dev.bucketguard.aws;

import dev.bucketguard.testkit.Emulator;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
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
    private static final Emulator MOTO = new Emulator(new Emulator.Spec("moto_server", "scripts/moto.sh",
            "bucketguard.moto.endpoint", "BUCKETGUARD_MOTO_ENDPOINT", "python3 with venv and pip access to PyPI",
            Duration.ofMinutes(10), (root, port) -> new ProcessBuilder(
                    root.resolve(".build/moto-venv/bin/moto_server").toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(port)), "/moto-api/data.json", status -> status == 200));

    @Override
    public void beforeAll(ExtensionContext context) {
        MOTO.require(context);
    }

    /** The server's root; null when it could not be started. */
    public static URI endpoint() {
        return MOTO.endpoint();
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
