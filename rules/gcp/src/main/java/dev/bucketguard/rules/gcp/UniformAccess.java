package dev.bucketguard.rules.gcp;

import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Uniform bucket-level access on: IAM alone decides, and no bucket or object ACL can open anything. */
@RuleDefinition(id = "gcp.storage.uniform-access", severity = Severity.MEDIUM, provider = "gcp",
        requires = {"PUBLIC_ACCESS_PREVENTION"})
public final class UniformAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (Boolean.TRUE.equals(GcpBucket.of(resource).uniformBucketLevelAccess())) {
            return Outcome.pass("uniform bucket-level access is on", "uniformBucketLevelAccess.enabled: true");
        }
        return Outcome.fail("uniform bucket-level access is off: bucket and object ACLs can grant access that the"
                + " IAM policy does not show", "uniformBucketLevelAccess.enabled: false");
    }
}
