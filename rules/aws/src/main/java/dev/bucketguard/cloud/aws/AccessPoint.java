package dev.bucketguard.cloud.aws;

import java.util.Objects;

/**
 * An S3 access point in front of a bucket. Its policy grants appear among the resource's grants with
 * {@link S3Channels#ACCESS_POINT_POLICY} and {@code Grant.scope()} set to {@link #name()}.
 *
 * @param name              the access point name
 * @param ownerAccount      the account that owns the access point (may differ from the bucket's)
 * @param networkOrigin     Internet or VPC; a VPC access point is never public
 * @param blockPublicAccess its own Block Public Access (fixed at creation); null when it could not be read
 * @param policyRead        false when its policy could not be read
 */
public record AccessPoint(String name, String ownerAccount, String networkOrigin, BlockPublicAccess blockPublicAccess,
                          boolean policyRead) {
    public AccessPoint {
        Objects.requireNonNull(name, "name");
    }

    public boolean vpcOnly() {
        return "VPC".equalsIgnoreCase(networkOrigin);
    }
}
