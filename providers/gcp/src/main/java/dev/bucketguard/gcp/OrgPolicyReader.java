package dev.bucketguard.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.auth.Credentials;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.cloud.NoCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/**
 * Reads whether the effective organisation policy enforces {@code storage.publicAccessPrevention} on a project: Org
 * Policy API v2 {@code projects.policies.getEffectivePolicy} over HTTP/JSON (a GET; permission
 * {@code orgpolicy.policy.get}), through the guarded transport, with retries on 429 and 5xx.
 */
final class OrgPolicyReader {
    static final String CONSTRAINT = "storage.publicAccessPrevention";
    static final String CALL = "policies.getEffectivePolicy";
    static final String PERMISSION = "orgpolicy.policy.get";
    private static final String HOST = "https://orgpolicy.googleapis.com";
    private static final int ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpRequestFactory requests;
    private final String base;
    private final Duration firstRetryDelay;

    OrgPolicyReader(GuardedTransport transport, URI endpoint, Credentials credentials, Duration firstRetryDelay) {
        this.requests = credentials == null || credentials instanceof NoCredentials
                ? transport.createRequestFactory()
                : transport.createRequestFactory(new HttpCredentialsAdapter(credentials));
        this.base = endpoint == null ? HOST : endpoint.toString();
        this.firstRetryDelay = firstRetryDelay;
    }

    /**
     * True when a rule of the project's effective policy enforces the constraint without a condition; false when no
     * rule does (a conditional enforcement is not counted: it may not cover the bucket).
     *
     * @throws IOException when the policy could not be read (the error is {@link ErrorCodes}-readable)
     */
    boolean enforced(String project) throws IOException {
        GenericUrl url = new GenericUrl(base + "/v2/projects/" + project + "/policies/" + CONSTRAINT
                + ":getEffectivePolicy");
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleep(attempt);
            }
            HttpResponse response;
            try {
                HttpRequest request = requests.buildGetRequest(url);
                request.setThrowExceptionOnExecuteError(false);
                request.setNumberOfRetries(0);
                request.setConnectTimeout(10_000);
                request.setReadTimeout(30_000);
                response = request.execute();
            } catch (GuardedTransport.MutationRefused e) {
                throw e;
            } catch (IOException e) {
                last = e;
                continue;
            }
            try {
                int status = response.getStatusCode();
                if (status == 429 || status >= 500) {
                    last = new ErrorCodes.HttpStatusException(status, reason(response));
                    continue;
                }
                if (status / 100 != 2) {
                    throw new ErrorCodes.HttpStatusException(status, reason(response));
                }
                try (InputStream in = response.getContent()) {
                    return enforces(JSON.readTree(in));
                }
            } finally {
                response.disconnect();
            }
        }
        throw last;
    }

    static boolean enforces(JsonNode policy) throws IOException {
        if (policy == null || !policy.isObject()) {
            throw new IOException("the answer is not a policy");
        }
        JsonNode rules = policy.path("spec").path("rules");
        for (JsonNode rule : rules) {
            if (rule.path("enforce").asBoolean(false) && rule.path("condition").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    /** Google's error status ("PERMISSION_DENIED"), never its message. */
    private static String reason(HttpResponse response) {
        try (InputStream in = response.getContent()) {
            if (in == null) {
                return null;
            }
            JsonNode status = JSON.readTree(in).path("error").path("status");
            return status.isTextual() ? status.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void sleep(int attempt) throws IOException {
        try {
            Thread.sleep(firstRetryDelay.toMillis() << Math.min(attempt - 2, 4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }
}
