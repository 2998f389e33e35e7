package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
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
import java.util.EnumSet;
import java.util.List;

/** S3's own verdict on the policy (GetBucketPolicyStatus) and bucketguard's reading of its statements disagree. */
public final class PolicyStatusDisagrees implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.policy-status-disagrees",
            "S3's policy status and bucketguard's policy evaluation disagree",
            Severity.HIGH,
            "aws",
            "Compares GetBucketPolicyStatus IsPublic, S3's own verdict on the bucket policy, with bucketguard's"
                    + " reading of the statements (a statement open to anyone, with nothing left undecided). Fails"
                    + " when they differ, with both answers in the evidence; the exposure verdict takes the more exposed"
                    + " of the two answers."
                    + " UNKNOWN when the policy status could not be read (some S3 emulators do not implement it) or"
                    + " bucketguard could not decide. Peers parse policies themselves and never ask S3.",
            "A disagreement means one of the two readings is wrong about who can reach the data: either a policy"
                    + " that S3 treats as public looks private to reviewers, or a Deny or condition is doing work that"
                    + " nobody can see without S3's evaluator. Either way, the policy needs a human look.",
            new Remediation(
                    "S3 console > bucket > Permissions: compare the 'Access' column (S3's verdict) with the bucket"
                            + " policy; rewrite statements so that their publicness is plain (fixed principals or"
                            + " aws:PrincipalOrgID, no broad Deny tricks), or report the case to bucketguard.",
                    "aws s3api get-bucket-policy-status --bucket BUCKET\n"
                            + "aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text",
                    """
                    # Declare the policy with fixed principals so both readings agree, e.g.:
                    data "aws_iam_policy_document" "bucket" {
                      statement {
                        principals {
                          type        = "AWS"
                          identifiers = ["arn:aws:iam::111122223333:root"]
                        }
                        actions   = ["s3:GetObject"]
                        resources = ["${aws_s3_bucket.this.arn}/*"]
                      }
                    }
                    """),
            List.of("https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"
                            + "#access-control-block-public-access-policy-status"),
            EnumSet.of(Fact.POLICY_STATUS, Fact.POLICY));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        if (!resource.knows(Fact.POLICY_STATUS)) {
            List<String> lines = UnknownFacts.lines(resource, Fact.POLICY_STATUS);
            return Outcome.unknown(String.join("; ", lines) + "; without S3's own verdict (some S3 emulators do not"
                    + " implement GetBucketPolicyStatus) the two readings cannot be compared", lines);
        }
        var unknown = UnknownFacts.check(resource, Fact.POLICY);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        PolicyFacts policy = resource.policy() == null ? PolicyFacts.NONE : resource.policy();
        Boolean aws = policy.statusPublic();
        if (aws == null) {
            if (policy.present()) {
                return Outcome.unknown("GetBucketPolicyStatus returned no IsPublic value for the bucket policy",
                        List.of("GetBucketPolicyStatus IsPublic: not returned"));
            }
            aws = false; // NoSuchBucketPolicy: nothing to be public.
        }
        String awsLine = "GetBucketPolicyStatus IsPublic: " + aws;
        if (!policy.undecided().isEmpty()) {
            List<String> evidence = new ArrayList<>(List.of(awsLine));
            policy.undecided().forEach(u -> evidence.add("bucketguard undecided: " + u));
            return Outcome.unknown("bucketguard could not decide whether the policy is public ("
                    + String.join("; ", policy.undecided()) + "); GetBucketPolicyStatus says it is "
                    + (aws ? "public" : "not public") + ", and the verdict follows that", evidence);
        }
        List<Grant> open = resource.grants().stream()
                .filter(g -> g.via() == Channel.POLICY && g.grantee().isPublic()).toList();
        boolean ours = !open.isEmpty();
        List<String> evidence = new ArrayList<>(List.of(awsLine));
        if (ours) {
            open.forEach(g -> evidence.add("bucketguard: " + S3Wording.evidence(g)));
        } else {
            evidence.add("bucketguard: no statement of the policy is open to anyone");
        }
        if (ours == aws) {
            return Outcome.pass("GetBucketPolicyStatus and bucketguard agree that the bucket policy is "
                    + (aws ? "public" : "not public"), evidence.toArray(String[]::new));
        }
        if (aws) {
            return Outcome.fail("GetBucketPolicyStatus says the bucket policy is public, but bucketguard reads no"
                    + " statement as open to anyone; the verdict follows S3 (public)", evidence);
        }
        return Outcome.fail("GetBucketPolicyStatus says the bucket policy is not public, but bucketguard reads "
                + open.get(0).source() + " as open to " + S3Wording.who(open.get(0).grantee())
                + "; the verdict takes the more exposed answer (public): look for a Deny or condition that only"
                + " S3's evaluator understands, or an endpoint that is not AWS", evidence);
    }
}
