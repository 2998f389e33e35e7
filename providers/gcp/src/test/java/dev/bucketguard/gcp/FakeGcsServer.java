package dev.bucketguard.gcp;

import dev.bucketguard.testkit.Emulator;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.net.URI;
import java.time.Duration;
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
    private static final Emulator FAKE_GCS = new Emulator(new Emulator.Spec("fake-gcs-server", "scripts/fake-gcs.sh",
            "bucketguard.fakegcs.endpoint", "BUCKETGUARD_FAKE_GCS_ENDPOINT",
            "Go and access to the Go module proxy", Duration.ofMinutes(15), (root, port) -> new ProcessBuilder(
                    root.resolve(".build/fake-gcs/bin/fake-gcs-server").toString(), "-scheme", "http", "-host",
                    "127.0.0.1", "-port", Integer.toString(port), "-backend", "memory", "-external-url",
                    "http://127.0.0.1:" + port, "-log-level", "warn"),
            "/storage/v1/b?project=test", status -> status == 200));

    @Override
    public void beforeAll(ExtensionContext context) {
        FAKE_GCS.require(context);
    }

    /** The server's root; null when it could not be started. */
    public static URI endpoint() {
        return FAKE_GCS.endpoint();
    }

    /**
     * A plain Storage client on the emulator for setting up worlds: no read-only guard, since the tests write the
     * buckets that the scanner then reads.
     */
    public static Storage setupClient() {
        return StorageOptions.newBuilder().setHost(endpoint().toString()).setProjectId("test-project")
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }
}
