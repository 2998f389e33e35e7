package dev.bucketguard.model;

/**
 * The switches that override grants. Each cloud's fields are null on the other clouds' resources, and null on their
 * own cloud's resources when the fact was not collected or could not be read (see {@link Resource#knows(Fact)}).
 *
 * @param s3AccountBlockPublicAccess      S3 account-level Block Public Access
 * @param s3BucketBlockPublicAccess       S3 bucket-level Block Public Access
 * @param s3ObjectOwnership               S3 Object Ownership
 * @param azureAllowBlobPublicAccess      Azure allowBlobPublicAccess; null on an Azure account means the API returned
 *                                        null, which Microsoft treats like true
 * @param azurePublicNetworkAccess        Azure publicNetworkAccess: Enabled, Disabled or SecuredByPerimeter
 * @param azureNetworkOpen                Azure: the firewall admits the internet (defaultAction Allow, or an IP rule
 *                                        broader than /8)
 * @param gcsPublicAccessPrevention       GCS bucket public access prevention
 * @param gcsOrgPublicAccessPrevention    GCS: whether the organisation constraint storage.publicAccessPrevention is
 *                                        enforced on an ancestor; null when not read
 * @param gcsUniformBucketLevelAccess     GCS uniform bucket-level access (ACLs off)
 */
public record Guardrails(
        BlockPublicAccess s3AccountBlockPublicAccess,
        BlockPublicAccess s3BucketBlockPublicAccess,
        ObjectOwnership s3ObjectOwnership,
        Boolean azureAllowBlobPublicAccess,
        String azurePublicNetworkAccess,
        Boolean azureNetworkOpen,
        PublicAccessPrevention gcsPublicAccessPrevention,
        Boolean gcsOrgPublicAccessPrevention,
        Boolean gcsUniformBucketLevelAccess) {

    public static final Guardrails NONE = new Guardrails(null, null, null, null, null, null, null, null, null);

    public static Guardrails s3(BlockPublicAccess account, BlockPublicAccess bucket, ObjectOwnership ownership) {
        return new Guardrails(account, bucket, ownership, null, null, null, null, null, null);
    }

    public Guardrails withS3AccountBlockPublicAccess(BlockPublicAccess v) {
        return new Guardrails(v, s3BucketBlockPublicAccess, s3ObjectOwnership, azureAllowBlobPublicAccess,
                azurePublicNetworkAccess, azureNetworkOpen, gcsPublicAccessPrevention, gcsOrgPublicAccessPrevention,
                gcsUniformBucketLevelAccess);
    }
}
