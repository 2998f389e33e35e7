package dev.bucketguard.cloud.aws;

import dev.bucketguard.exposure.Tri;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.List;

/**
 * Whether a bucket's policy is public, decided once for the verdict ({@link AwsExposure}) and the rules that explain
 * it: where GetBucketPolicyStatus was read, its IsPublic decides, except that when bucketguard's evaluator proves a
 * statement public and the status says "not public", the more exposed answer wins ({@code docs/exposure.md}).
 *
 * @param evaluator       bucketguard's reading: true when a statement of the policy is open to anyone, null when the
 *                        policy could not be read or a Deny left it undecided
 * @param status          GetBucketPolicyStatus IsPublic; null when not read
 * @param isPublic        the answer the verdict uses; null when undecided
 * @param statusOverruled true when the status said "not public" and the evaluator proved a statement public
 * @param undecided       why the answer is null, or why the evaluator alone could not decide; empty otherwise
 */
public record PolicyVerdict(Boolean evaluator, Boolean status, Boolean isPublic, boolean statusOverruled,
                            List<String> undecided) {

    public PolicyVerdict {
        undecided = List.copyOf(undecided);
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
        List<String> undecided = read && !policy.undecided().isEmpty() ? policy.undecided()
                : read ? List.of()
                : resource.whyUnknown(S3Facts.POLICY).map(Unknown::describe).map(List::of).orElse(List.of("unknown"));
        Boolean status = resource.knows(S3Facts.POLICY_STATUS) ? S3Bucket.of(resource).policyStatusPublic() : null;
        if (status == null) {
            return new PolicyVerdict(evaluator, null, evaluator, false, undecided);
        }
        boolean overruled = !status && Tri.isTrue(evaluator);
        return new PolicyVerdict(evaluator, status, status || overruled, overruled, undecided);
    }

    /** True when GetBucketPolicyStatus was read and so decides (with the evaluator's overruling). */
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
