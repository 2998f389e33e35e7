package dev.bucketguard.aws.policy;

import dev.bucketguard.model.Grant;
import java.util.List;

/**
 * What a bucket or access-point policy grants, in the core model's words.
 *
 * @param grants      one grant per Allow statement and grantee that survives the policy's Deny statements, with the
 *                    statement's Sid in {@link Grant#source()} and the reasoning in {@link Grant#detail()}
 * @param undecided   why the evaluator could not decide whether the policy is public (for example a Deny whose effect
 *                    on untrusted callers it cannot prove); empty when it decided
 * @param tlsEnforced true when a Deny refuses every request with aws:SecureTransport false
 */
public record PolicyAnalysis(List<Grant> grants, List<String> undecided, boolean tlsEnforced) {
    public PolicyAnalysis {
        grants = List.copyOf(grants);
        undecided = List.copyOf(undecided);
    }
}
