package dev.bucketguard.model;

/** Who holds the key to data at rest. */
public enum EncryptionState {
    /** Encrypted with a key the cloud manages (SSE-S3, the aws/s3 KMS key, Microsoft- or Google-managed keys). */
    PROVIDER_MANAGED,
    /** Encrypted with a customer-managed key. */
    CUSTOMER_MANAGED,
    /** Not encrypted: only ever concluded from object evidence. */
    NONE,
    /** Could not be read, or encrypted with a key whose manager could not be read. */
    UNKNOWN
}
