package dev.bucketguard.aws;

import java.net.URI;
import java.util.Map;

/**
 * Endpoint overrides per service, for emulators and private endpoints; null means the SDK's own AWS endpoint.
 * The option wins, then {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}, as the AWS CLI reads them.
 */
record Endpoints(URI s3, URI s3Control, URI sts, URI kms, URI cloudTrail) {
    static final Endpoints AWS = new Endpoints(null, null, null, null, null);

    static Endpoints resolve(URI option, Map<String, String> env) {
        if (option != null) {
            return new Endpoints(option, option, option, option, option);
        }
        return new Endpoints(fromEnv(env, "S3"), fromEnv(env, "S3_CONTROL"), fromEnv(env, "STS"), fromEnv(env, "KMS"),
                fromEnv(env, "CLOUDTRAIL"));
    }

    /** One service's endpoint outside this record (Organizations): the option, else the environment, else null. */
    static URI of(URI option, Map<String, String> env, String service) {
        return option != null ? option : fromEnv(env, service);
    }

    private static URI fromEnv(Map<String, String> env, String service) {
        String value = env.get("AWS_ENDPOINT_URL_" + service);
        if (value == null || value.isBlank()) {
            value = env.get("AWS_ENDPOINT_URL");
        }
        return value == null || value.isBlank() ? null : URI.create(value.trim());
    }
}
