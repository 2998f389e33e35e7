package dev.bucketguard.model;

import java.util.List;

/**
 * What is known about a resource policy beyond the grants it yields.
 *
 * @param present      true when the resource has a policy
 * @param statusPublic the cloud's own verdict (S3 GetBucketPolicyStatus IsPublic); null when not read
 * @param undecided    reasons the policy evaluator could not decide whether the policy is public (for example a Deny
 *                     whose effect on untrusted callers it cannot prove); empty when it decided
 * @param tlsEnforced  true when the policy denies requests without TLS (aws:SecureTransport false)
 */
public record PolicyFacts(boolean present, Boolean statusPublic, List<String> undecided, boolean tlsEnforced) {
    public static final PolicyFacts NONE = new PolicyFacts(false, null, List.of(), false);

    public PolicyFacts {
        undecided = undecided == null ? List.of() : List.copyOf(undecided);
    }
}
