package dev.bucketguard.rules.aws;

import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.ShortLogRetention;

/** The records of reads of the bucket are kept at least --log-retention-days. */
@RuleDefinition(id = "aws.s3.log-retention", severity = Severity.MEDIUM, provider = "aws",
        reads = {"LOGGING", "LOG_DESTINATION", "TRAILS"})
public final class LogRetention extends ShortLogRetention {
    public LogRetention() {
        super("this bucket");
    }
}
