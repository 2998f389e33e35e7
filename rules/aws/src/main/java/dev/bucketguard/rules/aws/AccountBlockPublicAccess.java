package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.RuleScope;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** All four Block Public Access settings on at account level. */
@RuleDefinition(
        id = "aws.s3.account-block-public-access",
        severity = Severity.HIGH,
        provider = "aws",
        requires = {"BLOCK_PUBLIC_ACCESS_ACCOUNT"},
        scope = RuleScope.ACCOUNT)
public final class AccountBlockPublicAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        BlockPublicAccess account = S3Bucket.of(resource).accountBlockPublicAccess();
        List<String> evidence = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (BlockPublicAccess.Setting s : BlockPublicAccess.Setting.values()) {
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
        if (off.size() == BlockPublicAccess.Setting.values().length) {
            return Outcome.fail("account-level Block Public Access is off: BlockPublicAcls, IgnorePublicAcls,"
                    + " BlockPublicPolicy and RestrictPublicBuckets are all off at account " + resource.account(),
                    evidence);
        }
        return Outcome.fail("account-level Block Public Access leaves " + S3Wording.and(off) + " off at account "
                + resource.account(), evidence);
    }
}
