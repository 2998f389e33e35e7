package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Every Block Public Access setting in effect for the bucket, at bucket or account level. */
public final class BucketBlockPublicAccess implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.bucket-block-public-access",
            "S3 Block Public Access is not fully in effect for the bucket",
            Severity.HIGH,
            "aws",
            "Checks the four Block Public Access settings one by one as S3 applies them: a setting is in effect when"
                    + " it is on at bucket level or at account level (the most restrictive combination wins). Fails"
                    + " when any setting is off at both levels, passes when the account level covers what the bucket"
                    + " leaves off, and is UNKNOWN when a level that would decide could not be read.",
            "A bucket whose guardrails are off depends on every future policy and ACL edit being right: one"
                    + " statement with Principal \"*\" or one AllUsers grant makes its data public.",
            new Remediation(
                    "S3 console > bucket > Permissions > Block public access (bucket settings) > Edit: tick 'Block all"
                            + " public access'. Or turn it on for the whole account (aws.s3.account-block-public-access).",
                    "aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration"
                            + " BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,"
                            + "RestrictPublicBuckets=true",
                    """
                    resource "aws_s3_bucket_public_access_block" "this" {
                      bucket                  = aws_s3_bucket.this.id
                      block_public_acls       = true
                      ignore_public_acls      = true
                      block_public_policy     = true
                      restrict_public_buckets = true
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"),
            EnumSet.of(Fact.BLOCK_PUBLIC_ACCESS_BUCKET, Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        BlockPublicAccessLevels levels = BlockPublicAccessLevels.of(resource);
        List<String> evidence = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<String> accountOnly = new ArrayList<>();
        for (BlockPublicAccessSetting s : BlockPublicAccessSetting.values()) {
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
        List<String> missing = UnknownFacts.lines(resource, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT);
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
