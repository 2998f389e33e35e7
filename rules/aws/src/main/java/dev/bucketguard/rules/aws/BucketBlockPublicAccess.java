package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.BlockPublicAccessLevels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.List;

/** Every Block Public Access setting in effect for the bucket, at bucket or account level. */
@RuleDefinition(
        id = "aws.s3.bucket-block-public-access",
        severity = Severity.HIGH,
        provider = "aws",
        reads = {"BLOCK_PUBLIC_ACCESS_BUCKET", "BLOCK_PUBLIC_ACCESS_ACCOUNT"})
public final class BucketBlockPublicAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        BlockPublicAccessLevels levels = BlockPublicAccessLevels.of(resource);
        List<String> evidence = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<String> accountOnly = new ArrayList<>();
        for (BlockPublicAccess.Setting s : BlockPublicAccess.Setting.values()) {
            evidence.add(levels.line(s));
            Boolean effective = levels.effective(s);
            if (effective == null) {
                unread.add(s.label());
            } else if (!effective) {
                off.add(s.label());
            } else if (!Boolean.TRUE.equals(s.in(levels.bucket()))) {
                accountOnly.add(s.label());
            }
        }
        List<String> missing = UnknownFacts.lines(resource, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT);
        evidence.addAll(missing);
        if (!off.isEmpty()) {
            return Outcome.fail("Block Public Access leaves " + S3Wording.and(off) + " off at bucket and account",
                    evidence);
        }
        if (!unread.isEmpty()) {
            return Outcome.unknown("whether " + S3Wording.and(unread) + " " + (unread.size() == 1 ? "is" : "are")
                    + " in effect could not be decided: " + String.join("; ", missing), evidence);
        }
        return Outcome.pass("all four Block Public Access settings are in effect for the bucket"
                + (accountOnly.isEmpty() ? "" : " (" + S3Wording.and(accountOnly) + " through the account level)"),
                evidence.toArray(String[]::new));
    }
}
