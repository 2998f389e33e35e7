package dev.bucketguard.cloud.aws.policy;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Resource;
import java.util.List;
import java.util.TreeSet;

/**
 * What a bucket or access-point policy grants, in the core model's words.
 *
 * @param grants      one grant per Allow statement and grantee that survives the policy's Deny statements, with the
 *                    statement's Sid in {@link Grant#source()} and the reasoning in {@link Grant#detail()}
 * @param undecided   why the evaluator could not decide whether the policy is public (for example a Deny whose effect
 *                    on untrusted callers it cannot prove); empty when it decided
 * @param tlsEnforced true when a Deny refuses every request with aws:SecureTransport false
 * @param publicToS3  why S3's Block Public Access calls the policy public although no statement reaches anyone
 *                    beyond named parties (a statement limited only by a key BPA does not accept, such as
 *                    aws:PrincipalOrgPaths), one line per statement; empty when S3 and the evaluator agree
 * @param tlsGaps     when TLS is not enforced: each Deny on aws:SecureTransport false that covers only part of the
 *                    bucket, with what it covers and what it leaves open over plain HTTP
 */
public record PolicyAnalysis(List<Grant> grants, List<String> undecided, boolean tlsEnforced,
                             List<String> publicToS3, List<String> tlsGaps) {
    public PolicyAnalysis {
        grants = List.copyOf(grants);
        undecided = List.copyOf(undecided);
        publicToS3 = publicToS3 == null ? List.of() : List.copyOf(publicToS3);
        tlsGaps = tlsGaps == null ? List.of() : List.copyOf(tlsGaps);
    }

    /**
     * The policy on its own, with no guardrail applied: PUBLIC when a grant reaches anyone, UNKNOWN when a Deny left
     * that undecided, CROSS_ACCOUNT when a grant names an account, organisation or network outside the owner and the
     * trust zone, else PRIVATE. The bucket's verdict ({@code AwsExposure}) also weighs Block Public Access and ACLs.
     */
    public Exposure classify(Resource.Owner owner, TrustZone trust) {
        if (!undecided.isEmpty()) {
            return Exposure.UNKNOWN;
        }
        if (grants.stream().anyMatch(g -> g.grantee().isPublic())) {
            return Exposure.PUBLIC;
        }
        return outsiders(owner, trust).isEmpty() ? Exposure.PRIVATE : Exposure.CROSS_ACCOUNT;
    }

    /** The accounts, organisations and networks outside the owner and the trust zone that a grant names, sorted. */
    public List<String> outsiders(Resource.Owner owner, TrustZone trust) {
        TreeSet<String> out = new TreeSet<>();
        for (Grant g : grants) {
            String id = g.grantee().id();
            if (g.grantee().kind() == GranteeKind.ACCOUNT && !trust.trustsAccount(owner, id)) {
                out.add(id);
            } else if (g.grantee().kind() == GranteeKind.ORGANIZATION && !trust.trustsOrganization(owner, id)) {
                out.add(id);
            } else if (g.grantee().kind() == GranteeKind.NETWORK && !trust.trustsNetwork(id)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }
}
