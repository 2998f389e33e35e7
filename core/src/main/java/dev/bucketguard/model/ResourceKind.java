package dev.bucketguard.model;

/** What a resource is. */
public enum ResourceKind {
    /** An S3 or GCS bucket. */
    BUCKET,
    /** An Azure storage account with its containers. */
    STORAGE_ACCOUNT,
    /** A single Azure container. */
    CONTAINER
}
