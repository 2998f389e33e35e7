package dev.bucketguard.rules.gcp;

import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.List;

/** Public access prevention enforced, on the bucket or by the organisation policy that an inherited setting defers to. */
@RuleDefinition(
        id = "gcp.storage.public-access-prevention",
        severity = Severity.HIGH,
        provider = "gcp",
        requires = {"PUBLIC_ACCESS_PREVENTION"},
        reads = {"ORG_POLICY"})
public final class PublicAccessPreventionEnforced implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        GcpBucket b = GcpBucket.of(resource);
        String setting = "iamConfiguration.publicAccessPrevention: "
                + b.publicAccessPrevention().name().toLowerCase(java.util.Locale.ROOT);
        if (b.publicAccessPrevention().enforcedOnBucket()) {
            return Outcome.pass("public access prevention is enforced on the bucket", setting);
        }
        if (!resource.knows(GcpFacts.ORG_POLICY)) {
            List<String> lines = UnknownFacts.lines(resource, GcpFacts.ORG_POLICY);
            return Outcome.unknown("the bucket inherits public access prevention, and whether the organisation"
                    + " policy enforces it could not be read: " + String.join("; ", lines),
                    List.of(setting, String.join("; ", lines)));
        }
        if (Boolean.TRUE.equals(b.orgEnforcesPublicAccessPrevention())) {
            return Outcome.pass("public access prevention is inherited and the organisation policy enforces it",
                    setting, "effective storage.publicAccessPrevention: enforced");
        }
        return Outcome.fail("public access prevention is enforced neither on the bucket nor by the organisation"
                + " policy: an allUsers grant would make it public", setting,
                "effective storage.publicAccessPrevention: not enforced");
    }
}
