package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Website;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Static website hosting on a bucket that the verdict finds public. */
public final class WebsitePublic implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.website-public",
            "S3 bucket serves its content as a public website over HTTP",
            Severity.HIGH,
            "aws",
            "Fails when static website hosting is on and the exposure verdict finds the bucket public to anonymous"
                    + " callers: the content is then served on the website endpoint, which speaks plain http:// only."
                    + " Passes when hosting is off, or on for a bucket that is not public (the endpoint then answers"
                    + " 403). Public only to authenticated AWS users passes here: the website endpoint serves anonymous"
                    + " requests only (aws.s3.public-policy and aws.s3.public-acl report that exposure).",
            "A website endpoint hands the bucket's objects to anyone, unencrypted in transit and easy to find by"
                    + " guessing bucket names; a bucket holding personal data next to web assets leaks it.",
            new Remediation(
                    "S3 console > bucket > Properties > Static website hosting > Edit: Disable. Serve public web content"
                            + " through CloudFront (HTTPS) with origin access control and keep the bucket private.",
                    "aws s3api delete-bucket-website --bucket BUCKET",
                    """
                    # remove the aws_s3_bucket_website_configuration resource and serve through CloudFront:
                    resource "aws_cloudfront_origin_access_control" "site" {
                      name                              = "site"
                      origin_access_control_origin_type = "s3"
                      signing_behavior                  = "always"
                      signing_protocol                  = "sigv4"
                    }
                    """),
            List.of("https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteAccessPermissionsReqd.html"),
            EnumSet.of(Fact.WEBSITE, Fact.ACL, Fact.POLICY, Fact.POLICY_STATUS, Fact.OBJECT_OWNERSHIP,
                    Fact.BLOCK_PUBLIC_ACCESS_BUCKET, Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.WEBSITE);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Website website = resource.website();
        if (website == null || !website.enabled()) {
            return Outcome.pass("static website hosting is off");
        }
        String endpoint = website.endpoint() == null ? "the website endpoint" : website.endpoint();
        List<String> evidence = new ArrayList<>();
        evidence.add("static website hosting: on at " + endpoint);
        evidence.add("exposure verdict: " + assessment.exposure());
        evidence.addAll(assessment.reasons());
        return switch (assessment.exposure()) {
            case PUBLIC -> assessment.tags().contains(ExposureTag.AUTH_USERS_ONLY)
                    ? Outcome.pass("static website hosting is on, but the bucket is public only to authenticated AWS"
                    + " users, whom the anonymous website endpoint does not serve", evidence.toArray(String[]::new))
                    : Outcome.fail("static website hosting is on and the bucket is public: anyone can read its"
                    + " content over plain HTTP at " + endpoint, evidence);
            case UNKNOWN -> Outcome.unknown("static website hosting is on at " + endpoint + ", and whether the bucket"
                    + " is public could not be decided: " + String.join("; ", assessment.reasons()), evidence);
            case CROSS_ACCOUNT, PRIVATE -> Outcome.pass("static website hosting is on, but the bucket is not public,"
                    + " so " + endpoint + " answers 403 to anonymous requests", evidence.toArray(String[]::new));
        };
    }
}
