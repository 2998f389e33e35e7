package dev.bucketguard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The two read calls of AWS Organizations that an organisation scan needs, {@code DescribeOrganization} and
 * {@code ListAccounts}, over the JSON 1.1 protocol, signed with SigV4 and sent through the scan's HTTP client.
 *
 * <p>Why not the SDK's {@code organizations} module: it does not resolve from the Maven repository these machines
 * reach (checked with 2.47.5, 2.57.8 and 2.59.1). Read-only holds here as in the SDK clients: {@link #call} refuses
 * any operation but these two before anything is built or sent. Errors keep only the error code (like
 * {@link ErrorCodes}), never a message.
 */
final class OrganizationsApi {
    static final Set<String> ALLOWED = Set.of("DescribeOrganization", "ListAccounts");
    private static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = ThrottlingRetry.THROTTLED_ATTEMPTS;

    /** An organisation as DescribeOrganization gives it. */
    record Organization(String id) {
    }

    /** A member account as ListAccounts gives it. */
    record Account(String id, String name, String status) {
        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** A refused or failed call: the AWS error code (or HTTP status) only. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final int status;

        Failure(String code, int status) {
            super(code);
            this.code = code;
            this.status = status;
        }

        String code() {
            return code;
        }

        boolean denied() {
            return status == 403 || code.startsWith("AccessDenied");
        }

        boolean throttling() {
            return status == 429 || status == 503 || code.startsWith("Throttling")
                    || "TooManyRequestsException".equals(code);
        }
    }

    private final URI endpoint;
    private final String signingRegion;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final CallCounter counter;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    /** The scan's retry strategy, for its notice and shared budget; null outside a scan. */
    private final ThrottlingRetry scanRetry;

    /**
     * @param endpoint null for AWS's global endpoint of the partition (us-east-1 for {@code aws})
     */
    OrganizationsApi(URI endpoint, String partition, AwsCredentialsProvider credentials, SdkHttpClient http,
                     CallCounter counter) {
        this(endpoint, partition, credentials, http, counter, null);
    }

    /**
     * @param retry the scan's retry strategy: a throttled call says so on stderr once and draws on the scan's shared
     *              budget, like every other call; null for none
     */
    OrganizationsApi(URI endpoint, String partition, AwsCredentialsProvider credentials, SdkHttpClient http,
                     CallCounter counter, ThrottlingRetry retry) {
        this.scanRetry = retry;
        this.signingRegion = "aws-us-gov".equals(partition) ? "us-gov-west-1"
                : "aws-cn".equals(partition) ? "cn-northwest-1" : "us-east-1";
        this.endpoint = endpoint != null ? endpoint : URI.create("https://organizations." + signingRegion
                + ".amazonaws.com" + ("aws-cn".equals(partition) ? ".cn" : ""));
        this.credentials = credentials;
        this.http = http;
        this.counter = counter;
    }

    Organization describeOrganization() {
        JsonNode org = call("DescribeOrganization", JSON.createObjectNode()).path("Organization");
        return new Organization(text(org, "Id"));
    }

    /** Every account of the organisation, all pages. */
    List<Account> listAccounts() {
        List<Account> out = new ArrayList<>();
        String token = null;
        do {
            ObjectNode body = JSON.createObjectNode();
            if (token != null) {
                body.put("NextToken", token);
            }
            JsonNode page = call("ListAccounts", body);
            for (JsonNode a : page.path("Accounts")) {
                out.add(new Account(text(a, "Id"), text(a, "Name"),
                        a.hasNonNull("State") ? text(a, "State") : text(a, "Status")));
            }
            token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
        } while (token != null && !token.isEmpty());
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** Sends one call, retrying throttling and server errors as {@link ThrottlingRetry} does. */
    JsonNode call(String operation, ObjectNode body) {
        if (!ALLOWED.contains(operation)) {
            throw new ReadOnlyGuard.MutationRefused("Organizations:" + operation);
        }
        counter.record("Organizations:" + operation);
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            try {
                return send(operation, payload);
            } catch (Failure f) {
                boolean retry = f.throttling() ? attempt < ATTEMPTS
                        : f.status >= 500 && attempt < ThrottlingRetry.TRANSIENT_ATTEMPTS;
                if (!retry) {
                    throw f;
                }
                Duration wait = ThrottlingRetry.backoff(f.throttling() ? ThrottlingRetry.THROTTLING_BASE
                        : ThrottlingRetry.TRANSIENT_BASE, attempt);
                if (f.throttling() && scanRetry != null) {
                    wait = wait.plus(scanRetry.throttledOutside(f.code(), f.status));
                }
                sleep(wait);
            }
        }
    }

    private JsonNode send(String operation, byte[] payload) {
        SdkHttpRequest request = SdkHttpRequest.builder().uri(endpoint).method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "organizations")
                .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            int status = response.httpResponse().statusCode();
            JsonNode answer;
            try (InputStream in = response.responseBody().orElse(null)) {
                answer = in == null ? JSON.createObjectNode() : JSON.readTree(in);
            } catch (IOException e) {
                throw new Failure("the endpoint's answer is not the JSON Organizations documents", status);
            }
            if (answer == null || answer.isMissingNode()) {
                answer = JSON.createObjectNode();
            }
            if (status / 100 != 2) {
                String type = answer.hasNonNull("__type") ? answer.get("__type").asText() : "HTTP " + status;
                throw new Failure(type.substring(type.lastIndexOf('#') + 1), status);
            }
            return answer;
        } catch (IOException e) {
            String network = ErrorCodes.network(e);
            throw new UncheckedIOException(network == null ? "I/O error (" + e.getClass().getSimpleName() + ")"
                    : network, e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
