package dev.bucketguard.rules.gcp;

import dev.bucketguard.spi.PublicVerdict;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The exposure verdict of a Cloud Storage bucket: PUBLIC fails, UNKNOWN stays UNKNOWN. */
@RuleDefinition(
        id = "gcp.storage.public-access",
        severity = Severity.CRITICAL,
        provider = "gcp",
        requires = {"ACL", "IAM_POLICY", "PUBLIC_ACCESS_PREVENTION", "DEFAULT_OBJECT_ACL"},
        reads = {"ORG_POLICY"})
public final class StoragePublicAccess extends PublicVerdict {
    public StoragePublicAccess() {
        super("the bucket");
    }
}
