package dev.bucketguard.model;

/**
 * A fact about a resource that a provider reads with one or a few API calls. Rules declare the facts they need, and a
 * provider fetches only those; a fact that was requested and could not be read is recorded as an {@link Unknown}.
 */
public enum Fact {
    /** The bucket ACL (S3 GetBucketAcl, GCS bucketAccessControls). */
    ACL,
    /** The bucket's resource policy (S3 GetBucketPolicy). */
    POLICY,
    /** The cloud's own verdict on the policy (S3 GetBucketPolicyStatus). */
    POLICY_STATUS,
    /** S3 Block Public Access at bucket level. */
    BLOCK_PUBLIC_ACCESS_BUCKET,
    /** S3 Block Public Access at account level. */
    BLOCK_PUBLIC_ACCESS_ACCOUNT,
    /** S3 Object Ownership (whether ACLs are in force). */
    OBJECT_OWNERSHIP,
    /** Default encryption at rest. */
    ENCRYPTION,
    /** Who manages the encryption key (KMS DescribeKey). */
    ENCRYPTION_KEY,
    /** Static website hosting. */
    WEBSITE,
    /** Server access logging. */
    LOGGING,
    /** Versioning, MFA delete, retention. */
    VERSIONING,
    /** S3 access points with their policies and Block Public Access. */
    ACCESS_POINTS,
    /** ACLs of a sample of objects. */
    OBJECT_ACLS,
    /** Account-wide storage settings (Azure storage account properties from ARM). */
    ACCOUNT_SETTINGS,
    /** Azure container anonymous access levels. */
    CONTAINER_ACCESS,
    /** Azure stored access policies (signed identifiers). */
    STORED_ACCESS_POLICIES,
    /** GCS bucket IAM policy. */
    IAM_POLICY,
    /** GCS public access prevention and uniform bucket-level access. */
    PUBLIC_ACCESS_PREVENTION,
    /** GCS default object ACL. */
    DEFAULT_OBJECT_ACL,
    /** Network rules (Azure firewall, public network access). */
    NETWORK_RULES
}
