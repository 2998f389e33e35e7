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
 * @param publicToS3  why S3's Block Public Access calls the policy public although no statement reaches anyone
 *                    beyond named parties (for example a statement limited only by aws:PrincipalOrgPaths); such a
 *                    policy is cut by RestrictPublicBuckets. Empty when nothing of the kind was found
 * @param tlsGaps     when TLS is not enforced: each Deny on aws:SecureTransport false that covers only part of the
 *                    bucket, with what it leaves open over plain HTTP; empty otherwise
 */
public record BucketPolicy(boolean present, List<String> undecided, boolean tlsEnforced, List<String> publicToS3,
                           List<String> tlsGaps) {
    /** No bucket policy. */
    public static final BucketPolicy NONE = new BucketPolicy(false, List.of(), false, List.of(), List.of());

    public BucketPolicy {
        undecided = undecided == null ? List.of() : List.copyOf(undecided);
        publicToS3 = publicToS3 == null ? List.of() : List.copyOf(publicToS3);
        tlsGaps = tlsGaps == null ? List.of() : List.copyOf(tlsGaps);
    }

    /** A policy with nothing that only S3 calls public and no partial TLS Deny. */
    public BucketPolicy(boolean present, List<String> undecided, boolean tlsEnforced) {
        this(present, undecided, tlsEnforced, List.of(), List.of());
    }

    /**
     * The snapshot reader's way in: {@code undecided}, {@code tlsEnforced}, {@code publicToS3} and {@code tlsGaps} may be left out (no policy enforces TLS
     * unless it says so, and false only ever adds a finding).
     */
    @JsonCreator
    static BucketPolicy read(@JsonProperty("present") boolean present,
            @JsonProperty("undecided") List<String> undecided,
            @JsonProperty("tlsEnforced") Boolean tlsEnforced,
            @JsonProperty("publicToS3") List<String> publicToS3,
            @JsonProperty("tlsGaps") List<String> tlsGaps) {
        return new BucketPolicy(present, undecided, Boolean.TRUE.equals(tlsEnforced), publicToS3, tlsGaps);
    }
}
