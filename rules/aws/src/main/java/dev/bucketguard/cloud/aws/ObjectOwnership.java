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

    /** The name S3 gives it ("BucketOwnerEnforced"), or what no setting means. */
    public String label() {
        return switch (this) {
            case BUCKET_OWNER_ENFORCED -> "BucketOwnerEnforced";
            case BUCKET_OWNER_PREFERRED -> "BucketOwnerPreferred";
            case OBJECT_WRITER -> "ObjectWriter";
            case NOT_CONFIGURED -> "not configured (ACLs stay in force)";
        };
    }
}
