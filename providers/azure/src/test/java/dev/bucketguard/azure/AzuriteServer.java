package dev.bucketguard.azure;

import dev.bucketguard.testkit.Emulator;
import java.net.URI;
import java.time.Duration;
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

    private static final Emulator AZURITE = new Emulator(new Emulator.Spec("azurite-blob", "scripts/azurite.sh",
            "bucketguard.azurite.endpoint", "BUCKETGUARD_AZURITE_ENDPOINT",
            "node and npm with access to the npm registry", Duration.ofMinutes(10), (top, port) -> {
                ProcessBuilder pb = new ProcessBuilder(
                        top.resolve(".build/azurite/node_modules/.bin/azurite-blob").toString(), "--blobHost",
                        "127.0.0.1", "--blobPort", Integer.toString(port), "--inMemoryPersistence",
                        "--disableTelemetry", "--skipApiVersionCheck", "--silent");
                pb.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + KEY + ";" + SECOND + ":" + SECOND_KEY);
                return pb;
            }, "/" + ACCOUNT + "?comp=list", status -> status > 0));

    @Override
    public void beforeAll(ExtensionContext context) {
        AZURITE.require(context);
    }

    /** The server's root, {@code http://127.0.0.1:PORT}; null when it could not be started. */
    public static URI root() {
        return AZURITE.endpoint();
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
}
