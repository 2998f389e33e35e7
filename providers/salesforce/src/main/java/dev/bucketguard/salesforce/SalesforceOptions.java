package dev.bucketguard.salesforce;

import java.net.URI;
import java.nio.file.Path;

/**
 * What {@code bucketguard scan salesforce} was asked to do. Exactly one way in: {@code instanceUrl} (with the token
 * from {@code SF_ACCESS_TOKEN}), {@code targetOrg} (the Salesforce CLI's session), or the JWT bearer flow
 * ({@code jwtClientId} with {@code jwtKeyFile} and {@code username}).
 *
 * @param instanceUrl   the org's My Domain URL; plain http:// only to a loopback stub
 * @param targetOrg     an alias or user name the {@code sf} CLI is logged in to
 * @param jwtClientId   the connected app's consumer key
 * @param jwtKeyFile    the PEM private key whose certificate the app holds
 * @param username      the scanning user (JWT {@code sub})
 * @param loginUrl      where to log in with JWT; null for {@code https://login.salesforce.com}
 * @param apiVersion    {@code v67.0} or {@code 67.0}; null for the highest the org offers
 * @param concurrency   requests in flight at once, at least 1
 * @param metadata      whether Metadata API reads are allowed (they need a write-capable permission)
 */
public record SalesforceOptions(URI instanceUrl, String targetOrg, String jwtClientId, Path jwtKeyFile,
                                String username, URI loginUrl, String apiVersion, int concurrency, boolean metadata) {
    /**
     * @throws IllegalArgumentException for a combination that names no way in, or more than one, or a bad value
     */
    public SalesforceOptions {
        int ways = (instanceUrl != null ? 1 : 0) + (targetOrg != null ? 1 : 0) + (jwtClientId != null ? 1 : 0);
        if (ways == 0) {
            throw new IllegalArgumentException("give one of --instance-url (with SF_ACCESS_TOKEN), --target-org, or"
                    + " --jwt-client-id with --jwt-key-file and --username");
        }
        if (ways > 1) {
            throw new IllegalArgumentException("--instance-url, --target-org and --jwt-client-id are alternatives;"
                    + " give one");
        }
        if (jwtClientId != null && (jwtKeyFile == null || username == null)) {
            throw new IllegalArgumentException("--jwt-client-id needs --jwt-key-file and --username");
        }
        if (jwtClientId == null && (jwtKeyFile != null || username != null || loginUrl != null)) {
            throw new IllegalArgumentException("--jwt-key-file, --username and --login-url go with --jwt-client-id");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be 1 or more");
        }
        if (apiVersion != null) {
            apiVersion = SalesforceApi.normalise(apiVersion);
        }
        if (instanceUrl != null) {
            instanceUrl = Endpoints.instance(instanceUrl.toString());
        }
        if (loginUrl != null) {
            loginUrl = Endpoints.instance(loginUrl.toString());
        }
    }

    /** With the access token from the environment. */
    public static SalesforceOptions instance(URI instanceUrl) {
        return new SalesforceOptions(instanceUrl, null, null, null, null, null, null, 8, false);
    }
}
