package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Server access logging on. */
@RuleDefinition(id = "aws.s3.access-logging", severity = Severity.MEDIUM, provider = "aws", requires = {"LOGGING"})
public final class AccessLogging implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Logging logging = S3Bucket.of(resource).logging();
        if (logging.enabled()) {
            String target = logging.target() == null ? "a target that was not recorded" : logging.target();
            return Outcome.pass("server access logs go to " + target, "LoggingEnabled: target " + target);
        }
        return Outcome.fail("server access logging is off: nobody could tell whose records were read",
                "GetBucketLogging: no LoggingEnabled");
    }
}
