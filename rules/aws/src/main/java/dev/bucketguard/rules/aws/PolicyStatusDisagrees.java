package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.BucketPolicy;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.List;

/** S3's own verdict on the policy (GetBucketPolicyStatus) and bucketguard's reading of its statements disagree. */
@RuleDefinition(
        id = "aws.s3.policy-status-disagrees",
        severity = Severity.HIGH,
        provider = "aws",
        requires = {"POLICY"},
        reads = {"POLICY_STATUS"})
public final class PolicyStatusDisagrees implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (!resource.knows(S3Facts.POLICY_STATUS)) {
            List<String> lines = UnknownFacts.lines(resource, S3Facts.POLICY_STATUS);
            return Outcome.unknown(String.join("; ", lines) + "; without S3's own verdict (some S3 emulators do not"
                    + " implement GetBucketPolicyStatus) the two readings cannot be compared", lines);
        }
        BucketPolicy policy = S3Bucket.of(resource).policy();
        Boolean aws = S3Bucket.of(resource).policyStatusPublic();
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
                .filter(g -> S3Channels.POLICY.equals(g.via()) && g.grantee().isPublic()).toList();
        boolean ours = !open.isEmpty();
        List<String> evidence = new ArrayList<>(List.of(awsLine));
        if (ours) {
            open.forEach(g -> evidence.add("bucketguard: " + S3Wording.evidence(g)));
        } else {
            evidence.add("bucketguard: no statement of the policy is open to anyone");
        }
        if (aws && !ours && !policy.publicToS3().isEmpty()) {
            policy.publicToS3().forEach(n -> evidence.add("bucketguard: " + n));
            return Outcome.pass("GetBucketPolicyStatus and bucketguard agree that S3 calls the bucket policy public;"
                    + " bucketguard also finds that it reaches only named parties: " + policy.publicToS3().get(0),
                    evidence.toArray(String[]::new));
        }
        if (ours == aws) {
            return Outcome.pass("GetBucketPolicyStatus and bucketguard agree that the bucket policy is "
                    + (aws ? "public" : "not public"), evidence.toArray(String[]::new));
        }
        if (aws) {
            return Outcome.fail("GetBucketPolicyStatus says the bucket policy is public, but bucketguard reads no"
                    + " statement as open to anyone; neither reading is proven, so the verdict is UNKNOWN unless"
                    + " RestrictPublicBuckets settles it: check for a Deny or condition that only one of the two"
                    + " understands, or an endpoint that is not AWS", evidence);
        }
        return Outcome.fail("GetBucketPolicyStatus says the bucket policy is not public, but bucketguard reads "
                + open.get(0).source() + " as open to " + S3Wording.who(open.get(0).grantee())
                + "; the verdict takes the more exposed answer (public): look for a Deny or condition that only"
                + " S3's evaluator understands, or an endpoint that is not AWS", evidence);
    }
}
