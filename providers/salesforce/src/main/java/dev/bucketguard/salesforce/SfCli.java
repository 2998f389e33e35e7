package dev.bucketguard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.provider.ProviderException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Borrows the session of an org the Salesforce CLI is logged in to: runs {@code sf org display --json --target-org
 * ALIAS} and reads {@code result.accessToken} and {@code result.instanceUrl}. The CLI is
 * looked up on the {@code PATH} of the given environment; its output (which holds the token) is never echoed.
 */
final class SfCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SfCli() {
    }

    static Session display(String alias, Map<String, String> env) {
        return display(alias, env, Duration.ofSeconds(120));
    }

    /** The same, giving up after {@code timeout}. */
    static Session display(String alias, Map<String, String> env, Duration timeout) {
        Path sf = onPath(env.getOrDefault("PATH", ""));
        if (sf == null) {
            throw new ProviderException("--target-org: the Salesforce CLI 'sf' is not installed (not on PATH);"
                    + " install it, or give --instance-url with SF_ACCESS_TOKEN", true);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(sf.toString(), "org", "display", "--json", "--target-org",
                alias));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        String out;
        int status;
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            // Read on another thread, so that an 'sf' that hangs with its output open is still stopped in time.
            CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = p.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new ProviderException("--target-org " + alias + ": 'sf org display' did not finish in "
                        + timeout.toSeconds() + " s", false);
            }
            status = p.exitValue();
            try {
                out = printed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new ProviderException("--target-org " + alias + ": could not read what 'sf' printed", false);
            }
        } catch (IOException e) {
            throw new ProviderException("--target-org " + alias + ": could not run 'sf': "
                    + dev.bucketguard.provider.IoErrors.describe(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("--target-org " + alias + ": interrupted", false);
        }
        JsonNode root;
        try {
            root = JSON.readTree(out);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException("--target-org " + alias + ": 'sf org display --json' (exit " + status
                    + ") printed no JSON", true);
        }
        JsonNode result = root.path("result");
        String token = result.path("accessToken").asText("");
        String instance = result.path("instanceUrl").asText("");
        if (status != 0 || token.isEmpty() || instance.isEmpty()) {
            String why = GuardedHttp.oneLine(root.path("message").asText(root.path("name").asText("no session")));
            if (!token.isEmpty()) {
                why = why.replace(token, "***");
            }
            throw new ProviderException("--target-org " + alias + ": 'sf org display' gave no session: " + why,
                    true);
        }
        URI url;
        try {
            url = Endpoints.instance(instance);
        } catch (IllegalArgumentException e) {
            throw new ProviderException("--target-org " + alias + ": " + e.getMessage(), true);
        }
        return new Session(url, token);
    }

    private static Path onPath(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : List.of("sf", "sf.cmd", "sf.exe")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
