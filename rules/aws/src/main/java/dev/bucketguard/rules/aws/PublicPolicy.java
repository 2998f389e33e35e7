package dev.bucketguard.rules.aws;

import static dev.bucketguard.cloud.aws.BlockPublicAccess.Setting.RESTRICT_PUBLIC_BUCKETS;

import dev.bucketguard.cloud.aws.BlockPublicAccessLevels;
import dev.bucketguard.cloud.aws.BucketPolicy;
import dev.bucketguard.cloud.aws.PolicyVerdict;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.Tri;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A bucket policy statement open to anyone that RestrictPublicBuckets does not cut. */
@RuleDefinition(
        id = "aws.s3.public-policy",
        severity = Severity.CRITICAL,
        provider = "aws",
        reads = {"POLICY", "POLICY_STATUS", "BLOCK_PUBLIC_ACCESS_BUCKET", "BLOCK_PUBLIC_ACCESS_ACCOUNT"})
public final class PublicPolicy implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        Boolean rpb = bpa.effective(RESTRICT_PUBLIC_BUCKETS);
        // The verdict's own answer on the policy: public or not once RestrictPublicBuckets is applied.
        PolicyVerdict policyVerdict = PolicyVerdict.of(resource);
        Boolean term = policyVerdict.inEffect(rpb);
        Boolean status = policyVerdict.status();
        if (!resource.knows(S3Facts.POLICY)) {
            return withoutPolicy(resource, bpa, term, status);
        }
        BucketPolicy policy = S3Bucket.of(resource).policy();
        List<GrantEffect> publicGrants = verdict.effects(
                g -> S3Channels.POLICY.equals(g.via()) && g.grantee().isPublic());
        List<Grant> inForce = publicGrants.stream().filter(GrantEffect::inForce).map(GrantEffect::grant)
                .sorted(Comparator.comparing(g -> !g.allowsWrite())).toList();
        if (!inForce.isEmpty()) {
            List<String> clauses = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (Grant g : inForce) {
                clauses.add(g.source() + " lets " + S3Wording.who(g.grantee()) + " "
                        + S3Wording.verbs(g.permissions(), S3Wording.Subject.POLICY));
                evidence.add(S3Wording.evidence(g));
            }
            evidence.add(bpa.line(RESTRICT_PUBLIC_BUCKETS));
            if (status != null) {
                evidence.add("GetBucketPolicyStatus IsPublic: " + status);
            }
            boolean write = inForce.stream().anyMatch(Grant::allowsWrite);
            return Outcome.fail(String.join("; ", clauses) + "; " + bpa.state(RESTRICT_PUBLIC_BUCKETS)
                    + (write ? "; write access lets anyone plant, overwrite or delete data, worse than a read leak"
                    : ""), evidence);
        }
        if (Tri.isTrue(term)) {
            // Public on S3's word alone: no statement reads as open to anyone.
            return Outcome.fail("GetBucketPolicyStatus reports that the bucket policy is public, though no statement"
                    + " reads as open to anyone to bucketguard; " + bpa.state(RESTRICT_PUBLIC_BUCKETS),
                    List.of("GetBucketPolicyStatus IsPublic: true", bpa.line(RESTRICT_PUBLIC_BUCKETS)));
        }
        List<GrantEffect> undecided = publicGrants.stream()
                .filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED).toList();
        if (!undecided.isEmpty() || term == null) {
            List<String> why = new ArrayList<>();
            policy.undecided().forEach(u -> why.add("policy evaluation undecided: " + u));
            policyVerdict.undecided().stream().filter(u -> !policy.undecided().contains(u)).forEach(why::add);
            why.addAll(UnknownFacts.lines(resource, S3Facts.POLICY_STATUS, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                    S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT));
            if (why.isEmpty()) {
                undecided.stream().map(GrantEffect::why).distinct().forEach(why::add);
            }
            List<String> evidence = new ArrayList<>();
            undecided.forEach(e -> evidence.add(S3Wording.evidence(e.grant()) + "; in force unknown: " + e.why()));
            evidence.addAll(why);
            String head = undecided.isEmpty() ? "whether the bucket policy lets anyone in could not be decided"
                    : undecided.get(0).grant().source() + " would let "
                    + S3Wording.who(undecided.get(0).grant().grantee()) + " "
                    + S3Wording.verbs(undecided.get(0).grant().permissions(), S3Wording.Subject.POLICY)
                    + ", but whether it is in force is unknown";
            return Outcome.unknown(head + ": " + String.join("; ", why), evidence);
        }
        if (!policy.present()) {
            return Outcome.pass("the bucket has no bucket policy");
        }
        if (publicGrants.isEmpty() && Boolean.TRUE.equals(status)) {
            return Outcome.pass("GetBucketPolicyStatus reports that the bucket policy is public, but "
                    + bpa.state(RESTRICT_PUBLIC_BUCKETS) + ": only the owner and AWS services keep access",
                    "GetBucketPolicyStatus IsPublic: true", bpa.line(RESTRICT_PUBLIC_BUCKETS));
        }
        if (publicGrants.isEmpty()) {
            return Outcome.pass("no statement of the bucket policy lets anyone in"
                    + (status == null ? "" : "; GetBucketPolicyStatus IsPublic is " + status),
                    status == null ? new String[0] : new String[] {"GetBucketPolicyStatus IsPublic: " + status});
        }
        List<String> evidence = new ArrayList<>();
        publicGrants.forEach(e -> evidence.add(S3Wording.evidence(e.grant()) + "; neutralised: " + e.why()));
        Grant first = publicGrants.get(0).grant();
        return Outcome.pass(first.source() + " would let " + S3Wording.who(first.grantee()) + " "
                + S3Wording.verbs(first.permissions(), S3Wording.Subject.POLICY) + ", but it is not in force: "
                + publicGrants.get(0).why(), evidence.toArray(String[]::new));
    }

    /** The policy could not be read: S3's own verdict or RestrictPublicBuckets may still settle it. */
    private static Outcome withoutPolicy(Resource resource, BlockPublicAccessLevels bpa, Boolean term,
                                         Boolean status) {
        List<String> missing = UnknownFacts.lines(resource, S3Facts.POLICY);
        if (Tri.isFalse(term)) {
            if (Boolean.FALSE.equals(status)) {
                return Outcome.pass("GetBucketPolicyStatus reports that the bucket policy is not public (the policy"
                        + " itself could not be read)", missing.toArray(String[]::new));
            }
            return Outcome.pass(bpa.state(RESTRICT_PUBLIC_BUCKETS) + ": even a public policy gives access only to"
                    + " the owner and AWS services (the policy itself could not be read)",
                    missing.toArray(String[]::new));
        }
        if (Tri.isTrue(term)) {
            List<String> evidence = new ArrayList<>(List.of("GetBucketPolicyStatus IsPublic: true",
                    bpa.line(RESTRICT_PUBLIC_BUCKETS)));
            evidence.addAll(missing);
            return Outcome.fail("GetBucketPolicyStatus reports that the bucket policy is public; "
                    + bpa.state(RESTRICT_PUBLIC_BUCKETS), evidence);
        }
        return UnknownFacts.check(resource, S3Facts.POLICY, S3Facts.POLICY_STATUS, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT).orElseThrow();
    }
}
