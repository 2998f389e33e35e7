package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.EnumSet;
import java.util.List;

/** Server access logging on. */
public final class AccessLogging implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.access-logging",
            "S3 server access logging is off",
            Severity.MEDIUM,
            "aws",
            "Fails unless server access logging is on (GetBucketLogging returns LoggingEnabled with a target bucket)."
                    + " CloudTrail data events are an alternative that this rule does not see.",
            "Without access logs nobody can tell who read which records once a bucket was exposed. A bank that found"
                    + " a bucket of customer files open could not say whose records had been downloaded because its"
                    + " access logs had expired, so it had to treat every customer as affected. Keep logs, and keep"
                    + " them long enough to cover the time an exposure can go unnoticed.",
            new Remediation(
                    "S3 console > bucket > Properties > Server access logging > Edit: Enable, and choose a target bucket"
                            + " (in the same region, not the bucket itself) with a lifecycle rule that keeps logs long"
                            + " enough for an investigation.",
                    "aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status"
                            + " '{\"LoggingEnabled\":{\"TargetBucket\":\"LOG_BUCKET\",\"TargetPrefix\":\"BUCKET/\"}}'",
                    """
                    resource "aws_s3_bucket_logging" "this" {
                      bucket        = aws_s3_bucket.this.id
                      target_bucket = aws_s3_bucket.logs.id
                      target_prefix = "${aws_s3_bucket.this.id}/"
                    }
                    """),
            List.of("https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
                    "CIS AWS Foundations Benchmark v3.0.0 3.4 (server access logging, there for the CloudTrail bucket)",
                    "AWS Security Hub S3.9"),
            EnumSet.of(Fact.LOGGING));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.LOGGING);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Logging logging = resource.logging() == null ? Logging.OFF : resource.logging();
        if (logging.enabled()) {
            String target = logging.target() == null ? "a target that was not recorded" : logging.target();
            return Outcome.pass("server access logs go to " + target, "LoggingEnabled: target " + target);
        }
        return Outcome.fail("server access logging is off: nobody could tell whose records were read",
                "GetBucketLogging: no LoggingEnabled");
    }
}
