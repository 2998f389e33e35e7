package dev.bucketguard.model;

/** Through what a grant reaches the data. */
public enum Channel {
    /** A bucket ACL grant. */
    ACL,
    /** An object ACL grant (a "public link" on a single object). */
    OBJECT_ACL,
    /** A default object ACL grant that new objects inherit (GCS). */
    DEFAULT_OBJECT_ACL,
    /** A statement of the bucket's resource policy. */
    POLICY,
    /** A statement of an access point's policy. */
    ACCESS_POINT_POLICY,
    /** An IAM binding on the bucket (GCS). */
    IAM_BINDING,
    /** A container's anonymous access level (Azure Blob or Container). */
    CONTAINER_ACCESS_LEVEL,
    /** A static website endpoint. */
    WEBSITE_ENDPOINT,
    /** A stored access policy that service SAS tokens can bind to (Azure). */
    STORED_ACCESS_POLICY,
    /** A network or replication rule that admits another tenant (Azure resourceAccessRules, replication). */
    NETWORK_RULE
}
