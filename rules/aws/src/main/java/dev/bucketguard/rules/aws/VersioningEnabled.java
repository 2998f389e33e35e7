package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Versioning enabled. */
@RuleDefinition(id = "aws.s3.versioning", severity = Severity.LOW, provider = "aws", requires = {"VERSIONING"})
public final class VersioningEnabled implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Versioning v = S3Bucket.of(resource).versioning();
        if (v.enabled()) {
            return Outcome.pass("versioning is Enabled", "versioning Status: Enabled");
        }
        if (v.status() == null) {
            return Outcome.fail("versioning was never enabled", "versioning Status: absent (never enabled)");
        }
        return Outcome.fail("versioning is " + v.status() + ": overwrites and deletes destroy the only copy",
                "versioning Status: " + v.status());
    }
}
