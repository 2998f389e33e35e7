package dev.bucketguard.cloud.aws;

/** S3 Object Ownership. Only {@link #BUCKET_OWNER_ENFORCED} switches ACLs off. */
public enum ObjectOwnership {
    BUCKET_OWNER_ENFORCED,
    BUCKET_OWNER_PREFERRED,
    OBJECT_WRITER,
    /** OwnershipControlsNotFoundError: no setting, so ACLs are in force. */
    NOT_CONFIGURED;

    public boolean aclsEnabled() {
        return this != BUCKET_OWNER_ENFORCED;
    }
}
