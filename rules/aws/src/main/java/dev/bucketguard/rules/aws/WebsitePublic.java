package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Website;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** Static website hosting on a bucket that the verdict finds public. */
@RuleDefinition(
        id = "aws.s3.website-public",
        severity = Severity.HIGH,
        provider = "aws",
        requires = {"WEBSITE"},
        reads = {"ACL", "POLICY", "POLICY_STATUS", "BLOCK_PUBLIC_ACCESS_BUCKET", "BLOCK_PUBLIC_ACCESS_ACCOUNT",
                "OBJECT_OWNERSHIP"})
public final class WebsitePublic implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Website website = S3Bucket.of(resource).website();
        if (website == null || !website.enabled()) {
            return Outcome.pass("static website hosting is off");
        }
        String endpoint = website.endpoint() == null ? "the website endpoint" : website.endpoint();
        List<String> evidence = new ArrayList<>();
        evidence.add("static website hosting: on at " + endpoint);
        evidence.add("exposure verdict: " + verdict.exposure());
        evidence.addAll(verdict.reasons());
        return switch (verdict.exposure()) {
            case PUBLIC -> verdict.tags().contains(ExposureTag.AUTH_USERS_ONLY)
                    ? Outcome.pass("static website hosting is on, but the bucket is public only to authenticated AWS"
                    + " users, whom the anonymous website endpoint does not serve", evidence.toArray(String[]::new))
                    : Outcome.fail("static website hosting is on and the bucket is public: anyone can read its"
                    + " content over plain HTTP at " + endpoint, evidence);
            case UNKNOWN -> Outcome.unknown("static website hosting is on at " + endpoint + ", and whether the bucket"
                    + " is public could not be decided: " + String.join("; ", verdict.reasons()), evidence);
            case CROSS_ACCOUNT, PRIVATE -> Outcome.pass("static website hosting is on, but the bucket is not public,"
                    + " so " + endpoint + " answers 403 to anonymous requests", evidence.toArray(String[]::new));
        };
    }
}
