package dev.bucketguard.cloud.gcp;

import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Versioning;
import java.util.List;

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
 * @param projectNumber            the owner project's number, as the bucket metadata gives it (ACL entities name
 *                                 projects by number); null when not read. Not a fact of its own: it only widens who
 *                                 counts as the owner.
 * @param anonymousPermissions     the permissions an unauthenticated {@code testIamPermissions} showed allUsers to
 *                                 hold, sorted ({@link GcpFacts#ANONYMOUS_PROBE}); empty for a miss
 * @param usageLogRetention        how long the usage log bucket keeps the logs ({@link GcpFacts#LOGGING}); null when
 *                                 usage logging is off, or in snapshots written before it was read
 * @param dataAccessAudit          Data Access audit logs of reads ({@link GcpFacts#DATA_ACCESS_AUDIT})
 * @param logRouting               where the project's sinks send them ({@link GcpFacts#LOG_ROUTING})
 */
public record GcpBucket(
        PublicAccessPrevention publicAccessPrevention,
        Boolean uniformBucketLevelAccess,
        Boolean orgEnforcesPublicAccessPrevention,
        Logging logging,
        Versioning versioning,
        String projectNumber,
        List<String> anonymousPermissions,
        Retention usageLogRetention,
        DataAccessAudit dataAccessAudit,
        LogRouting logRouting) implements Details {
    public static final GcpBucket UNREAD = new GcpBucket(null, null, null, null, null, null, null);

    public GcpBucket {
        anonymousPermissions = anonymousPermissions == null ? null
                : List.copyOf(new java.util.TreeSet<>(anonymousPermissions));
    }

    /** The seven components before the read audit. */
    public GcpBucket(PublicAccessPrevention publicAccessPrevention, Boolean uniformBucketLevelAccess,
                     Boolean orgEnforcesPublicAccessPrevention, Logging logging, Versioning versioning,
                     String projectNumber, List<String> anonymousPermissions) {
        this(publicAccessPrevention, uniformBucketLevelAccess, orgEnforcesPublicAccessPrevention, logging, versioning,
                projectNumber, anonymousPermissions, null, null, null);
    }

    /** The five settings of the original shape, with no project number and no probe. */
    public GcpBucket(PublicAccessPrevention publicAccessPrevention, Boolean uniformBucketLevelAccess,
                     Boolean orgEnforcesPublicAccessPrevention, Logging logging, Versioning versioning) {
        this(publicAccessPrevention, uniformBucketLevelAccess, orgEnforcesPublicAccessPrevention, logging, versioning,
                null, null);
    }

    /** The bucket's details, or {@link #UNREAD} when the resource carries none. */
    public static GcpBucket of(dev.bucketguard.model.Resource resource) {
        return resource.details() == null ? UNREAD : resource.details(GcpBucket.class);
    }
}
