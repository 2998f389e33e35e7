package dev.bucketguard.rules.gcp;

import dev.bucketguard.spi.PublicVerdict;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The exposure verdict of a Cloud Storage bucket: PUBLIC fails, UNKNOWN stays UNKNOWN. */
@RuleDefinition(
        id = "gcp.storage.public-access",
        severity = Severity.CRITICAL,
        provider = "gcp",
        // The verdict decides with unread facts (uniform bucket-level access makes unread ACLs irrelevant), so they
        // are read, not required: the engine must not answer UNKNOWN where the verdict knows better.
        // ANONYMOUS_PROBE is read only with --probe-anonymous; a hit proves PUBLIC.
        reads = {"ACL", "IAM_POLICY", "PUBLIC_ACCESS_PREVENTION", "DEFAULT_OBJECT_ACL", "ORG_POLICY", "ANONYMOUS_PROBE"})
public final class StoragePublicAccess extends PublicVerdict {
    public StoragePublicAccess() {
        super("the bucket");
    }
}
