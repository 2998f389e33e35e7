package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.LogDestination;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Server access logging on. */
@RuleDefinition(id = "aws.s3.access-logging", severity = Severity.MEDIUM, provider = "aws", requires = {"LOGGING"},
        reads = {"LOG_DESTINATION"})
public final class AccessLogging implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Logging logging = S3Bucket.of(resource).logging();
        if (logging.enabled()) {
            String target = logging.target() == null ? "a target that was not recorded" : logging.target();
            LogDestination d = S3Bucket.of(resource).logDestination();
            String kept = d != null ? d.retention().describe()
                    : resource.whyUnknown(S3Facts.LOG_DESTINATION).map(u -> "retention unknown (" + u.describe() + ")")
                    .orElse("retention not read");
            return Outcome.pass("server access logs go to " + target + ", " + kept, "LoggingEnabled: target "
                    + target, d == null ? kept : d.retention().reason());
        }
        return Outcome.fail("server access logging is off: nobody could tell whose records were read",
                "GetBucketLogging: no LoggingEnabled");
    }
}
