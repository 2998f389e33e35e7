package dev.bucketguard.cloud.aws;

import dev.bucketguard.model.Details;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.model.Website;
import java.util.List;

/**
 * What AWS knows about a bucket beyond the envelope. Each component belongs to one {@link S3Facts} fact and is
 * non-null exactly when the resource knows that fact (see {@link Details}); the list is empty when unknown.
 *
 * @param accountBlockPublicAccess account-level Block Public Access ({@link S3Facts#BLOCK_PUBLIC_ACCESS_ACCOUNT});
 *                                 {@link BlockPublicAccess#NONE} when not configured
 * @param bucketBlockPublicAccess  bucket-level Block Public Access ({@link S3Facts#BLOCK_PUBLIC_ACCESS_BUCKET})
 * @param objectOwnership          Object Ownership ({@link S3Facts#OBJECT_OWNERSHIP});
 *                                 {@link ObjectOwnership#NOT_CONFIGURED} when there are no ownership controls
 * @param policy                   the bucket policy beyond its grants ({@link S3Facts#POLICY});
 *                                 {@link BucketPolicy#NONE} when there is none
 * @param policyStatusPublic       GetBucketPolicyStatus IsPublic ({@link S3Facts#POLICY_STATUS})
 * @param logging                  server access logging ({@link S3Facts#LOGGING})
 * @param versioning               versioning and MFA delete ({@link S3Facts#VERSIONING})
 * @param website                  static website hosting ({@link S3Facts#WEBSITE})
 * @param accessPoints             the access points in front of the bucket ({@link S3Facts#ACCESS_POINTS})
 * @param logDestination           where server access logs go and their lifecycle ({@link S3Facts#LOG_DESTINATION});
 *                                 null when logging is off or the fact is not known
 * @param trails                   the CloudTrail trails of the bucket's region ({@link S3Facts#TRAILS})
 * @param anonymousProbes          the unsigned requests sent to the bucket and their answers
 *                                 ({@link S3Facts#ANONYMOUS_PROBE}, only with {@code --probe-anonymous})
 */
public record S3Bucket(
        BlockPublicAccess accountBlockPublicAccess,
        BlockPublicAccess bucketBlockPublicAccess,
        ObjectOwnership objectOwnership,
        BucketPolicy policy,
        Boolean policyStatusPublic,
        Logging logging,
        Versioning versioning,
        Website website,
        List<AccessPoint> accessPoints,
        LogDestination logDestination,
        List<Trail> trails,
        List<AnonymousProbe> anonymousProbes) implements Details {

    /** Nothing known. */
    public static final S3Bucket UNREAD = new S3Bucket(null, null, null, null, null, null, null, null, List.of());

    public S3Bucket {
        accessPoints = accessPoints == null ? List.of() : List.copyOf(accessPoints);
        trails = trails == null ? List.of() : List.copyOf(trails);
        anonymousProbes = anonymousProbes == null ? List.of() : List.copyOf(anonymousProbes);
    }

    /** A bucket whose read-audit facts are not known, without probes. */
    public S3Bucket(BlockPublicAccess accountBlockPublicAccess, BlockPublicAccess bucketBlockPublicAccess,
                    ObjectOwnership objectOwnership, BucketPolicy policy, Boolean policyStatusPublic, Logging logging,
                    Versioning versioning, Website website, List<AccessPoint> accessPoints) {
        this(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy, policyStatusPublic, logging,
                versioning, website, accessPoints, null, List.of(), List.of());
    }

    public S3Bucket withAnonymousProbes(List<AnonymousProbe> v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy,
                policyStatusPublic, logging, versioning, website, accessPoints, logDestination, trails, v);
    }

    /** The bucket's details, or {@link #UNREAD} when the resource carries none. */
    public static S3Bucket of(Resource resource) {
        S3Bucket b = resource.details(S3Bucket.class);
        return b == null ? UNREAD : b;
    }

    public S3Bucket withAccountBlockPublicAccess(BlockPublicAccess v) {
        return new S3Bucket(v, bucketBlockPublicAccess, objectOwnership, policy, policyStatusPublic, logging,
                versioning, website, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withBucketBlockPublicAccess(BlockPublicAccess v) {
        return new S3Bucket(accountBlockPublicAccess, v, objectOwnership, policy, policyStatusPublic, logging,
                versioning, website, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withObjectOwnership(ObjectOwnership v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, v, policy, policyStatusPublic, logging,
                versioning, website, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withPolicy(BucketPolicy v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, v, policyStatusPublic,
                logging, versioning, website, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withPolicyStatusPublic(Boolean v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy, v, logging,
                versioning, website, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withLogging(Logging v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy,
                policyStatusPublic, v, versioning, website, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withVersioning(Versioning v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy,
                policyStatusPublic, logging, v, website, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withWebsite(Website v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy,
                policyStatusPublic, logging, versioning, v, accessPoints, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withAccessPoints(List<AccessPoint> v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy,
                policyStatusPublic, logging, versioning, website, v, logDestination, trails, anonymousProbes);
    }

    public S3Bucket withLogDestination(LogDestination v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy,
                policyStatusPublic, logging, versioning, website, accessPoints, v, trails, anonymousProbes);
    }

    public S3Bucket withTrails(List<Trail> v) {
        return new S3Bucket(accountBlockPublicAccess, bucketBlockPublicAccess, objectOwnership, policy,
                policyStatusPublic, logging, versioning, website, accessPoints, logDestination, v, anonymousProbes);
    }
}
