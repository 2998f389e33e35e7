package dev.bucketguard.rules.gcp;

import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** A retention policy, and whether it is locked (Bucket Lock). */
@RuleDefinition(id = "gcp.storage.retention", severity = Severity.LOW, provider = "gcp", requires = {"VERSIONING"})
public final class RetentionPolicy implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Versioning v = GcpBucket.of(resource).versioning();
        if (v.retentionDays() == null) {
            return Outcome.fail("no retention policy: objects can be deleted or overwritten at any time",
                    "retentionPolicy: none");
        }
        String period = v.retentionDays() + " day" + (v.retentionDays() == 1 ? "" : "s");
        if (Boolean.TRUE.equals(v.retentionLocked())) {
            return Outcome.pass("objects are retained for " + period + " and the policy is locked",
                    "retentionPolicy.retentionPeriod: " + period, "retentionPolicy.isLocked: true");
        }
        return Outcome.pass("objects are retained for " + period + "; the policy is not locked, so an owner can"
                + " still shorten or remove it", "retentionPolicy.retentionPeriod: " + period,
                "retentionPolicy.isLocked: false");
    }
}
