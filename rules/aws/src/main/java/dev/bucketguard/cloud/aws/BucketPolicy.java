package dev.bucketguard.cloud.aws;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What is known about a bucket policy beyond the grants it yields (those are the resource's grants through
 * {@link S3Channels#POLICY}).
 *
 * @param present     true when the bucket has a policy
 * @param undecided   why the policy evaluator could not decide whether the policy is public (for example a Deny whose
 *                    effect on untrusted callers it cannot prove); empty when it decided
 * @param tlsEnforced true when the policy denies requests without TLS (aws:SecureTransport false); the bucket's one
 *                    TLS fact
 */
public record BucketPolicy(boolean present, List<String> undecided, boolean tlsEnforced) {
    /** No bucket policy. */
    public static final BucketPolicy NONE = new BucketPolicy(false, List.of(), false);

    public BucketPolicy {
        undecided = undecided == null ? List.of() : List.copyOf(undecided);
    }

    /**
     * The snapshot reader's way in: {@code undecided} and {@code tlsEnforced} may be left out (no policy enforces TLS
     * unless it says so, and false only ever adds a finding).
     */
    @JsonCreator
    static BucketPolicy read(@JsonProperty("present") boolean present,
            @JsonProperty("undecided") List<String> undecided,
            @JsonProperty("tlsEnforced") Boolean tlsEnforced) {
        return new BucketPolicy(present, undecided, Boolean.TRUE.equals(tlsEnforced));
    }
}
