package dev.bucketguard.aws;

import dev.bucketguard.testkit.Emulator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * LocalStack as a plain process for integration tests, one per test JVM (no Docker).
 *
 * <p>With {@code -Dbucketguard.localstack.endpoint=...} or {@code BUCKETGUARD_LOCALSTACK_ENDPOINT} set, that server
 * is used. Otherwise the pinned LocalStack is installed by {@code scripts/localstack.sh install} (a venv under
 * {@code .build/} built with the first Python 3.12+ found, once per checkout) and started through
 * {@code scripts/localstack-launcher.py} on a free loopback port (127.0.0.1 only), and stopped when the JVM exits.
 * Where that is impossible (no Python 3.12+, no network for pip) the tests are skipped with the reason, except under
 * {@code CI=true}, where a missing emulator fails them.
 */
public final class LocalStackServer implements BeforeAllCallback {
    private static final Emulator LOCALSTACK = new Emulator(new Emulator.Spec("LocalStack", "scripts/localstack.sh",
            "bucketguard.localstack.endpoint", "BUCKETGUARD_LOCALSTACK_ENDPOINT",
            "Python 3.12+ with venv and pip access to PyPI", Duration.ofMinutes(10), (root, port) ->
                    new ProcessBuilder(root.resolve(".build/localstack-venv/bin/python").toString(),
                            root.resolve("scripts/localstack-launcher.py").toString(), Integer.toString(port),
                            root.resolve(".build/localstack-state/" + port).toString()),
            "/_localstack/health", status -> status == 200));

    @Override
    public void beforeAll(ExtensionContext context) {
        LOCALSTACK.require(context);
    }

    /** The server's root; null when it could not be started. */
    public static URI endpoint() {
        return LOCALSTACK.endpoint();
    }
}
