package dev.bucketguard.rules.gcp;

import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Object versioning on. */
@RuleDefinition(id = "gcp.storage.versioning", severity = Severity.LOW, provider = "gcp", requires = {"VERSIONING"})
public final class VersioningEnabled implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (GcpBucket.of(resource).versioning().enabled()) {
            return Outcome.pass("object versioning is on", "versioning.enabled: true");
        }
        return Outcome.fail("object versioning is off: an overwrite or delete destroys the only copy",
                "versioning.enabled: false");
    }
}
