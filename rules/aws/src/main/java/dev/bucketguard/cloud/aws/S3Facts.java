package dev.bucketguard.cloud.aws;

import dev.bucketguard.model.Fact;
import java.util.Set;

/** The facts of an S3 bucket, each read with one or a few S3 calls. */
public final class S3Facts {
    /** The bucket ACL (GetBucketAcl): grants through {@link S3Channels#ACL}. */
    public static final Fact ACL = Fact.of("ACL");
    /** The bucket policy (GetBucketPolicy): grants through {@link S3Channels#POLICY}, and {@link S3Bucket#policy()}. */
    public static final Fact POLICY = Fact.of("POLICY");
    /** S3's own verdict on the policy (GetBucketPolicyStatus): {@link S3Bucket#policyStatusPublic()}. */
    public static final Fact POLICY_STATUS = Fact.of("POLICY_STATUS");
    /** Block Public Access at bucket level: {@link S3Bucket#bucketBlockPublicAccess()}. */
    public static final Fact BLOCK_PUBLIC_ACCESS_BUCKET = Fact.of("BLOCK_PUBLIC_ACCESS_BUCKET");
    /** Block Public Access at account level: {@link S3Bucket#accountBlockPublicAccess()}. */
    public static final Fact BLOCK_PUBLIC_ACCESS_ACCOUNT = Fact.of("BLOCK_PUBLIC_ACCESS_ACCOUNT");
    /** Object Ownership, which decides whether ACLs are in force: {@link S3Bucket#objectOwnership()}. */
    public static final Fact OBJECT_OWNERSHIP = Fact.of("OBJECT_OWNERSHIP");
    /** Default encryption (GetBucketEncryption): the envelope's encryption. */
    public static final Fact ENCRYPTION = Fact.ENCRYPTION;
    /** Who manages the default encryption key (KMS DescribeKey). */
    public static final Fact ENCRYPTION_KEY = Fact.of("ENCRYPTION_KEY");
    /** Static website hosting: {@link S3Bucket#website()}. */
    public static final Fact WEBSITE = Fact.of("WEBSITE");
    /** Server access logging: {@link S3Bucket#logging()}. */
    public static final Fact LOGGING = Fact.of("LOGGING");
    /**
     * Where server access logs go and how long they are kept there (GetBucketLifecycleConfiguration on the target
     * bucket): {@link S3Bucket#logDestination()}, null when logging is off.
     */
    public static final Fact LOG_DESTINATION = Fact.of("LOG_DESTINATION");
    /**
     * The CloudTrail trails that apply to the bucket's region, with their status, event selectors and destinations
     * (DescribeTrails, GetTrailStatus, GetEventSelectors, and the trail buckets' lifecycle), read once per account and
     * region: {@link S3Bucket#trails()}.
     */
    public static final Fact TRAILS = Fact.of("TRAILS");
    /** Versioning and MFA delete: {@link S3Bucket#versioning()}. */
    public static final Fact VERSIONING = Fact.of("VERSIONING");
    /** Access points with their policies and Block Public Access: {@link S3Bucket#accessPoints()}. */
    public static final Fact ACCESS_POINTS = Fact.of("ACCESS_POINTS");
    /** The ACLs of a sample of objects: grants through {@link S3Channels#OBJECT_ACL}. */
    public static final Fact OBJECT_ACLS = Fact.of("OBJECT_ACLS");

    /**
     * Evidence from unsigned requests to the buckets judged PUBLIC or UNKNOWN: {@link S3Bucket#anonymousProbes()}.
     * Collected only when the user asks for probes ({@code --probe-anonymous}), whatever rules are selected.
     */
    public static final Fact ANONYMOUS_PROBE = Fact.of("ANONYMOUS_PROBE");

    /** Every S3 fact. */
    public static final Set<Fact> ALL = Set.of(ACL, POLICY, POLICY_STATUS, BLOCK_PUBLIC_ACCESS_BUCKET,
            BLOCK_PUBLIC_ACCESS_ACCOUNT, OBJECT_OWNERSHIP, ENCRYPTION, ENCRYPTION_KEY, WEBSITE, LOGGING, VERSIONING,
            ACCESS_POINTS, OBJECT_ACLS, LOG_DESTINATION, TRAILS, ANONYMOUS_PROBE);

    /** What the read audit reads ({@link AwsReadAudit}): collected when a selected rule needs it. */
    public static final Set<Fact> READ_AUDIT = Set.of(LOGGING, LOG_DESTINATION, TRAILS);

    /** What the verdict reads ({@code docs/exposure.md}), whatever rules are selected. */
    public static final Set<Fact> VERDICT = Set.of(ACL, POLICY, POLICY_STATUS, BLOCK_PUBLIC_ACCESS_BUCKET,
            BLOCK_PUBLIC_ACCESS_ACCOUNT, OBJECT_OWNERSHIP);

    private S3Facts() {
    }
}
