package dev.bucketguard.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.auth.Credentials;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.cloud.NoCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON calls to the Google APIs that have no client on the class path (Org Policy, Resource Manager, Cloud Logging),
 * through the guarded transport, with retries on 429 and 5xx. Failures are {@link ErrorCodes}-readable: Google's
 * status ({@code PERMISSION_DENIED}), never its message.
 */
final class GoogleRest {
    private static final int ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpRequestFactory requests;
    private final Duration firstRetryDelay;

    GoogleRest(GuardedTransport transport, Credentials credentials, Duration firstRetryDelay) {
        this.requests = credentials == null || credentials instanceof NoCredentials
                ? transport.createRequestFactory()
                : transport.createRequestFactory(new HttpCredentialsAdapter(credentials));
        this.firstRetryDelay = firstRetryDelay;
    }

    /** A GET of {@code url}; its JSON answer. */
    JsonNode get(String url) throws IOException {
        return send("GET", url, null);
    }

    /** A POST of {@code body} to {@code url}, for the methods that are reads by definition; its JSON answer. */
    JsonNode post(String url, String body) throws IOException {
        return send("POST", url, body);
    }

    private JsonNode send(String method, String url, String body) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleep(attempt);
            }
            HttpResponse response;
            try {
                HttpRequest request = requests.buildRequest(method, new GenericUrl(url), body == null ? null
                        : new ByteArrayContent("application/json", body.getBytes(StandardCharsets.UTF_8)));
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
                    JsonNode answer = in == null ? null : JSON.readTree(in);
                    return answer == null || answer.isMissingNode() ? JSON.createObjectNode() : answer;
                }
            } finally {
                response.disconnect();
            }
        }
        throw last;
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
