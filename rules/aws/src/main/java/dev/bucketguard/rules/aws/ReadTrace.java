package dev.bucketguard.rules.aws;

import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnrecordedReads;

/** A read of the bucket is recorded: server access logging, or a CloudTrail trail with its object reads. */
@RuleDefinition(id = "aws.s3.read-audit", severity = Severity.HIGH, provider = "aws",
        reads = {"LOGGING", "LOG_DESTINATION", "TRAILS"})
public final class ReadTrace extends UnrecordedReads {
    public ReadTrace() {
        super("this bucket");
    }
}
