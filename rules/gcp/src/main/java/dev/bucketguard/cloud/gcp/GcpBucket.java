package dev.bucketguard.cloud.gcp;

import dev.bucketguard.model.Details;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Versioning;

/**
 * What Google Cloud knows about a bucket beyond the envelope. Each component belongs to one {@link GcpFacts} fact
 * and is non-null exactly when the resource knows that fact (see {@link Details}).
 *
 * @param publicAccessPrevention   the bucket's setting ({@link GcpFacts#PUBLIC_ACCESS_PREVENTION})
 * @param uniformBucketLevelAccess uniform bucket-level access, which disables ACLs
 *                                 ({@link GcpFacts#PUBLIC_ACCESS_PREVENTION})
 * @param orgEnforcesPublicAccessPrevention whether the effective organisation policy enforces
 *                                 {@code storage.publicAccessPrevention} on the project ({@link GcpFacts#ORG_POLICY})
 * @param logging                  usage logging ({@link GcpFacts#LOGGING})
 * @param versioning               versioning and retention ({@link GcpFacts#VERSIONING})
 */
public record GcpBucket(
        PublicAccessPrevention publicAccessPrevention,
        Boolean uniformBucketLevelAccess,
        Boolean orgEnforcesPublicAccessPrevention,
        Logging logging,
        Versioning versioning) implements Details {
    public static final GcpBucket UNREAD = new GcpBucket(null, null, null, null, null);
}
