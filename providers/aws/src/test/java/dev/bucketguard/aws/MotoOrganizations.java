package dev.bucketguard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Sets an organisation up on moto for tests (the provider's own Organizations client refuses these calls): moto
 * serves Organizations and STS AssumeRole and keeps each account's buckets apart.
 */
public final class MotoOrganizations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoOrganizations() {
    }

    /** One Organizations call, unsigned (moto routes on the credential scope and checks no signature). */
    public static JsonNode call(String operation, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(MotoServer.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AWSOrganizationsV20161128." + operation)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/organizations/"
                            + "aws4_request, SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(operation + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates the organisation of moto's default account; returns its id. */
    public static String createOrganization() {
        return call("CreateOrganization", "{\"FeatureSet\":\"ALL\"}").path("Organization").path("Id").asText();
    }

    /** Creates a member account; returns its id. */
    public static String createAccount(String name) {
        return call("CreateAccount", "{\"AccountName\":\"" + name + "\",\"Email\":\"" + name + "@example.com\"}")
                .path("CreateAccountStatus").path("AccountId").asText();
    }

    /** An S3 client acting in another account, through a role assumed there (moto maps the keys to the account). */
    public static S3Client s3As(String account, String role) {
        AwsCredentialsProvider caller = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing",
                "testing"));
        try (StsClient sts = StsClient.builder().endpointOverride(MotoServer.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(caller).build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + role)
                    .roleSessionName("setup")).credentials();
            return S3Client.builder().endpointOverride(MotoServer.endpoint()).forcePathStyle(true)
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build();
        }
    }
}
