package dev.bucketguard.cloud.aws;

import dev.bucketguard.exposure.Tri;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a bucket's policy is public, decided once for the verdict ({@link AwsExposure}) and the rules that explain
 * it. Two questions with two answers ({@code docs/exposure.md}):
 * <ul>
 *   <li>{@link #isPublic()}: does a statement reach anyone? The verdict's PUBLIC term. Where bucketguard's evaluator
 *       and GetBucketPolicyStatus agree, that answer. Where the evaluator proves a statement open to anyone and the
 *       status says "not public", public (the more exposed answer, and a proof). Where the status says "public" and
 *       the evaluator finds no statement open to anyone, neither side is proven: null (UNKNOWN, with both reasons),
 *       unless the evaluator explains the status (a statement that S3 calls public but that only named parties
 *       reach, such as one limited by aws:PrincipalOrgPaths): then not public.</li>
 *   <li>{@link #s3Public()}: does S3 call the policy public? That is what RestrictPublicBuckets acts on: when on, it
 *       cuts every grant of such a policy, named accounts included.</li>
 * </ul>
 *
 * @param evaluator       bucketguard's reading: true when a statement of the policy is open to anyone, null when the
 *                        policy could not be read or a Deny left it undecided
 * @param status          GetBucketPolicyStatus IsPublic; null when not read
 * @param isPublic        whether a statement reaches anyone; null when undecided
 * @param s3Public        whether S3 calls the policy public (so RestrictPublicBuckets cuts it); null when unknown
 * @param statusOverruled true when the status said "not public" and the evaluator proved a statement public
 * @param undecided       why {@code isPublic} is null, or why the evaluator alone could not decide; empty otherwise
 * @param publicToS3      why S3 calls a policy public that reaches only named parties; empty otherwise
 */
public record PolicyVerdict(Boolean evaluator, Boolean status, Boolean isPublic, Boolean s3Public,
                            boolean statusOverruled, List<String> undecided, List<String> publicToS3) {

    /** The reason given when the status says public and the evaluator finds no statement open to anyone. */
    public static final String STATUS_UNCONFIRMED = "GetBucketPolicyStatus reports that the policy is public, but"
            + " bucketguard's evaluator finds no statement open to anyone: neither reading is proven, so whether the"
            + " policy is public is undecided (see aws.s3.policy-status-disagrees)";

    public PolicyVerdict {
        undecided = List.copyOf(undecided);
        publicToS3 = List.copyOf(publicToS3);
    }

    /** The policy of a bucket as read. */
    public static PolicyVerdict of(Resource resource) {
        BucketPolicy policy = S3Bucket.of(resource).policy();
        boolean read = resource.knows(S3Facts.POLICY) && policy != null;
        Boolean evaluator = null;
        if (read && policy.undecided().isEmpty()) {
            evaluator = resource.grants().stream()
                    .anyMatch(g -> S3Channels.POLICY.equals(g.via()) && g.grantee().isPublic());
        }
        List<String> publicToS3 = read ? policy.publicToS3() : List.of();
        List<String> undecided = read && !policy.undecided().isEmpty() ? policy.undecided()
                : read ? List.of()
                : resource.whyUnknown(S3Facts.POLICY).map(Unknown::describe).map(List::of).orElse(List.of("unknown"));
        // S3's notion by bucketguard's reading: a statement open to anyone, or one that only S3 calls public.
        Boolean ownS3 = evaluator == null ? null : evaluator || !publicToS3.isEmpty();
        Boolean status = resource.knows(S3Facts.POLICY_STATUS) ? S3Bucket.of(resource).policyStatusPublic() : null;
        if (status == null) {
            return new PolicyVerdict(evaluator, null, evaluator, ownS3, false, undecided, publicToS3);
        }
        if (!status) {
            boolean overruled = Tri.isTrue(evaluator);
            return new PolicyVerdict(evaluator, false, overruled, overruled, overruled, undecided, publicToS3);
        }
        if (Tri.isFalse(evaluator) && publicToS3.isEmpty()) {
            List<String> both = new ArrayList<>(undecided);
            both.add(STATUS_UNCONFIRMED);
            return new PolicyVerdict(false, true, null, true, false, both, publicToS3);
        }
        // The status says public and the evaluator agrees, explains it (publicToS3), or could not decide.
        Boolean reaches = Tri.isFalse(evaluator) ? Boolean.FALSE : Boolean.TRUE;
        return new PolicyVerdict(evaluator, true, reaches, true, false, undecided, publicToS3);
    }

    /** True when GetBucketPolicyStatus was read. */
    public boolean fromStatus() {
        return status != null;
    }

    /**
     * Whether the policy makes the bucket public once RestrictPublicBuckets ({@code rpb}, three-valued) is applied:
     * the verdict's policy term.
     */
    public Boolean inEffect(Boolean rpb) {
        return Tri.and(isPublic, Tri.not(rpb));
    }
}
