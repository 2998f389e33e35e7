package dev.bucketguard.aws.policy;

import dev.bucketguard.model.Channel;

/**
 * Decides what an S3 bucket or access-point policy grants, as SEMANTICS.md 1.1 and 1.4 define "public".
 * Stateless and thread-safe.
 */
public final class PolicyEvaluator {
    private final String ownerAccount;

    /** @param ownerAccount the account that owns the bucket (always trusted) */
    public PolicyEvaluator(String ownerAccount) {
        this.ownerAccount = ownerAccount;
    }

    /**
     * @param policyJson  the policy document as S3 returns it
     * @param via         {@link Channel#POLICY} or {@link Channel#ACCESS_POINT_POLICY}
     * @param accessPoint the access point name for ACCESS_POINT_POLICY, else null
     */
    public PolicyAnalysis evaluate(String policyJson, Channel via, String accessPoint) throws MalformedPolicyException {
        throw new UnsupportedOperationException("not yet implemented: owner " + ownerAccount);
    }
}
