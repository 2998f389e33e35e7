package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.BlockPublicAccess;
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

/** All four Block Public Access settings on at account level. */
public final class AccountBlockPublicAccess implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.account-block-public-access",
            "S3 Block Public Access is not fully on for the account",
            Severity.HIGH,
            "aws",
            "Fails unless all four S3 Block Public Access settings (BlockPublicAcls, IgnorePublicAcls,"
                    + " BlockPublicPolicy, RestrictPublicBuckets) are on at account level. An account that never"
                    + " configured them has all four off. Evidence lists the settings one by one.",
            "Without account-level Block Public Access, one edited bucket policy or ACL in any bucket, including"
                    + " buckets created later by any team or tool, makes its data public.",
            new Remediation(
                    "S3 console > Block Public Access settings for this account > Edit: tick 'Block all public"
                            + " access' and confirm. Make sure no bucket needs public access first (serve public"
                            + " content through CloudFront with origin access control instead).",
                    "aws s3control put-public-access-block --account-id ACCOUNT_ID"
                            + " --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
                            + "BlockPublicPolicy=true,RestrictPublicBuckets=true",
                    """
                    resource "aws_s3_account_public_access_block" "this" {
                      block_public_acls       = true
                      ignore_public_acls      = true
                      block_public_policy     = true
                      restrict_public_buckets = true
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html"),
            EnumSet.of(Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        BlockPublicAccess account = resource.guardrails().s3AccountBlockPublicAccess();
        if (account == null) {
            account = BlockPublicAccess.NONE;
        }
        List<String> evidence = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (BlockPublicAccessSetting s : BlockPublicAccessSetting.values()) {
            boolean on = s.in(account);
            evidence.add(s.label() + ": " + (on ? "on" : "off") + " at account " + resource.account());
            if (!on) {
                off.add(s.label());
            }
        }
        if (off.isEmpty()) {
            return Outcome.pass("all four Block Public Access settings are on at account level",
                    evidence.toArray(String[]::new));
        }
        if (off.size() == BlockPublicAccessSetting.values().length) {
            return Outcome.fail("account-level Block Public Access is off: BlockPublicAcls, IgnorePublicAcls,"
                    + " BlockPublicPolicy and RestrictPublicBuckets are all off at account " + resource.account(),
                    evidence);
        }
        return Outcome.fail("account-level Block Public Access leaves " + S3Wording.and(off) + " off at account "
                + resource.account(), evidence);
    }
}
