package dev.bucketguard.aws;

import java.net.URI;
import java.util.List;

/**
 * How to reach AWS.
 *
 * @param profile        a named profile from the shared config files; null for the default chain
 * @param region         the region for global calls (ListBuckets, STS); null for the chain's default or us-east-1
 * @param roleArns       roles to assume, one account each; empty to scan the caller's own account
 * @param endpoint       an endpoint override (emulators); null to use AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL or AWS
 * @param objectSample   how many object ACLs to read per bucket whose ACLs are in force; 0 for none
 * @param concurrency    the most requests in flight at once, across every account ({@link AdaptiveConcurrency}
 *                       follows the cloud below it)
 * @param probeAnonymous also send unsigned requests to every bucket judged PUBLIC or UNKNOWN (SEMANTICS 4)
 * @param organization   scan every account of the caller's organisation this way; null to scan the caller's account
 *                       or the {@code roleArns}
 */
public record AwsOptions(String profile, String region, List<String> roleArns, URI endpoint, int objectSample,
                         int concurrency, boolean probeAnonymous, OrganizationScan organization) {
    public static final int DEFAULT_CONCURRENCY = 64;

    public AwsOptions {
        roleArns = roleArns == null ? List.of() : List.copyOf(roleArns);
        if (objectSample < 0) {
            throw new IllegalArgumentException("objectSample must be 0 or more, not " + objectSample);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
        }
        if (organization != null && !roleArns.isEmpty()) {
            throw new IllegalArgumentException("an organisation scan assumes its own roles: give no role ARN");
        }
    }

    /** No probe, no organisation. */
    public AwsOptions(String profile, String region, List<String> roleArns, URI endpoint, int objectSample,
                      int concurrency) {
        this(profile, region, roleArns, endpoint, objectSample, concurrency, false, null);
    }

    public static AwsOptions defaults() {
        return new AwsOptions(null, null, List.of(), null, 0, DEFAULT_CONCURRENCY);
    }
}
