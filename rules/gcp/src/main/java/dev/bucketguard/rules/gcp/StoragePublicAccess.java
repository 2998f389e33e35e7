package dev.bucketguard.rules.gcp;

import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/**
 * The exposure verdict of a Cloud Storage bucket: PUBLIC fails, UNKNOWN stays UNKNOWN. Like
 * {@link dev.bucketguard.spi.PublicVerdict}, but the message tells allUsers (anyone on the internet) from
 * allAuthenticatedUsers alone (any Google account), the lesser of the two.
 */
@RuleDefinition(
        id = "gcp.storage.public-access",
        severity = Severity.CRITICAL,
        provider = "gcp",
        // The verdict decides with unread facts (uniform bucket-level access makes unread ACLs irrelevant), so they
        // are read, not required: the engine must not answer UNKNOWN where the verdict knows better.
        // ANONYMOUS_PROBE is read only with --probe-anonymous; a hit proves PUBLIC.
        reads = {"ACL", "IAM_POLICY", "PUBLIC_ACCESS_PREVENTION", "DEFAULT_OBJECT_ACL", "ORG_POLICY", "ANONYMOUS_PROBE"})
public final class StoragePublicAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        List<String> reasons = verdict.reasons();
        String because = reasons.isEmpty() ? "" : ": " + String.join("; ", reasons);
        return switch (verdict.exposure()) {
            case PUBLIC -> Outcome.fail("The bucket is public " + (verdict.tags().contains(ExposureTag.AUTH_USERS_ONLY)
                    ? "to any Google account (allAuthenticatedUsers), though not to anonymous visitors"
                    : "to anyone on the internet") + because, reasons);
            case UNKNOWN -> Outcome.unknown("whether the bucket is public could not be decided" + because, reasons);
            case CROSS_ACCOUNT -> Outcome.pass("The bucket is not public to the internet (its verdict is"
                    + " CROSS_ACCOUNT: see the reasons)" + because, reasons.toArray(String[]::new));
            case PRIVATE -> Outcome.pass("The bucket is not public" + because, reasons.toArray(String[]::new));
        };
    }
}
