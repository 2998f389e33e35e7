package dev.bucketguard.aws;

import java.net.URI;
import java.util.List;

/**
 * How to reach AWS.
 *
 * @param profile       a named profile from the shared config files; null for the default chain
 * @param region        the region for global calls (ListBuckets, STS); null for the chain's default or us-east-1
 * @param roleArns      roles to assume in turn, one account each; empty to scan the caller's own account
 * @param endpoint      an endpoint override (emulators); null to use AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL or AWS
 * @param objectSample  how many object ACLs to read per bucket whose ACLs are in force; 0 for none
 * @param concurrency   how many buckets to read at once
 */
public record AwsOptions(String profile, String region, List<String> roleArns, URI endpoint, int objectSample,
                         int concurrency) {
    public AwsOptions {
        roleArns = roleArns == null ? List.of() : List.copyOf(roleArns);
        if (objectSample < 0) {
            throw new IllegalArgumentException("objectSample must be 0 or more, not " + objectSample);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
        }
    }

    public static AwsOptions defaults() {
        return new AwsOptions(null, null, List.of(), null, 0, 16);
    }
}
