package dev.bucketguard.rules.aws;

import static dev.bucketguard.rules.aws.BlockPublicAccessSetting.RESTRICT_PUBLIC_BUCKETS;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.PolicyFacts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/** A bucket policy statement open to anyone that RestrictPublicBuckets does not cut. */
public final class PublicPolicy implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.public-policy",
            "S3 bucket policy grants access to everyone",
            Severity.CRITICAL,
            "aws",
            "Fails when a bucket policy statement allows anyone (Principal \"*\", NotPrincipal, or conditions that do"
                    + " not pin a fixed account, organisation or network) and RestrictPublicBuckets is off at bucket"
                    + " and account level. Where S3's own GetBucketPolicyStatus was read, its IsPublic decides whether"
                    + " the policy is public, as the exposure verdict does; aws.s3.policy-status-disagrees reports when"
                    + " bucketguard's reading of the statements differs. Write access is called out before read.",
            "Anyone on the internet can read the bucket's objects; with write access they can also plant, overwrite"
                    + " or delete data (ransom, malware hosting, destroyed records), which is worse than a read leak.",
            new Remediation(
                    "S3 console > bucket > Permissions > Bucket policy: remove or scope the statements whose Principal"
                            + " is \"*\" (pin aws:PrincipalOrgID, aws:SourceVpce or named accounts). Then Permissions >"
                            + " Block public access: turn on 'Block public access to buckets and objects granted"
                            + " through new and any public bucket or access point policies'.",
                    "aws s3api get-bucket-policy-status --bucket BUCKET\n"
                            + "aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration"
                            + " BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,"
                            + "RestrictPublicBuckets=true",
                    """
                    resource "aws_s3_bucket_public_access_block" "this" {
                      bucket                  = aws_s3_bucket.this.id
                      block_public_acls       = true
                      ignore_public_acls      = true
                      block_public_policy     = true
                      restrict_public_buckets = true
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
                    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html"),
            EnumSet.of(Fact.POLICY, Fact.POLICY_STATUS, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        Boolean rpb = bpa.effective(RESTRICT_PUBLIC_BUCKETS);
        PolicyFacts policy = resource.policy() == null ? PolicyFacts.NONE : resource.policy();
        Boolean status = resource.knows(Fact.POLICY_STATUS) ? policy.statusPublic() : null;
        if (!resource.knows(Fact.POLICY)) {
            return withoutPolicy(resource, bpa, rpb, status);
        }
        List<GrantEffect> publicGrants = assessment.effects(g -> g.via() == Channel.POLICY && g.grantee().isPublic());
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
        if (Boolean.TRUE.equals(status) && Boolean.FALSE.equals(rpb)) {
            return Outcome.fail("GetBucketPolicyStatus reports that the bucket policy is public, though no statement"
                    + " reads as open to anyone to bucketguard; " + bpa.state(RESTRICT_PUBLIC_BUCKETS),
                    List.of("GetBucketPolicyStatus IsPublic: true", bpa.line(RESTRICT_PUBLIC_BUCKETS)));
        }
        List<GrantEffect> undecided = publicGrants.stream()
                .filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED).toList();
        boolean policyUndecided = status == null && !policy.undecided().isEmpty();
        if (!undecided.isEmpty() || (Boolean.TRUE.equals(status) && rpb == null)
                || (policyUndecided && !Boolean.TRUE.equals(rpb))) {
            List<String> why = new ArrayList<>();
            policy.undecided().forEach(u -> why.add("policy evaluation undecided: " + u));
            why.addAll(UnknownFacts.lines(resource, Fact.POLICY_STATUS, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));
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
    private static Outcome withoutPolicy(Resource resource, BlockPublicAccessLevels bpa, Boolean rpb, Boolean status) {
        List<String> missing = UnknownFacts.lines(resource, Fact.POLICY);
        if (Boolean.FALSE.equals(status)) {
            return Outcome.pass("GetBucketPolicyStatus reports that the bucket policy is not public (the policy"
                    + " itself could not be read)", missing.toArray(String[]::new));
        }
        if (Boolean.TRUE.equals(rpb)) {
            return Outcome.pass(bpa.state(RESTRICT_PUBLIC_BUCKETS) + ": even a public policy gives access only to"
                    + " the owner and AWS services (the policy itself could not be read)",
                    missing.toArray(String[]::new));
        }
        if (Boolean.TRUE.equals(status) && Boolean.FALSE.equals(rpb)) {
            List<String> evidence = new ArrayList<>(List.of("GetBucketPolicyStatus IsPublic: true",
                    bpa.line(RESTRICT_PUBLIC_BUCKETS)));
            evidence.addAll(missing);
            return Outcome.fail("GetBucketPolicyStatus reports that the bucket policy is public; "
                    + bpa.state(RESTRICT_PUBLIC_BUCKETS), evidence);
        }
        return UnknownFacts.check(resource, Fact.POLICY, Fact.POLICY_STATUS, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT).orElseThrow();
    }
}
