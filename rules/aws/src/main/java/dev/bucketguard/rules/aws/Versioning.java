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
import java.util.EnumSet;
import java.util.List;

/** Versioning enabled. */
public final class Versioning implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.versioning",
            "S3 versioning is not enabled",
            Severity.LOW,
            "aws",
            "Fails unless versioning Status is Enabled. Suspended fails, and so does a bucket on which versioning was"
                    + " never enabled.",
            "Without versions, an overwrite or delete (by mistake, by ransomware, or by anyone a public write grant"
                    + " lets in) destroys the only copy.",
            new Remediation(
                    "S3 console > bucket > Properties > Bucket Versioning > Edit: Enable. Add a lifecycle rule that"
                            + " expires noncurrent versions to bound the cost.",
                    "aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled",
                    """
                    resource "aws_s3_bucket_versioning" "this" {
                      bucket = aws_s3_bucket.this.id
                      versioning_configuration {
                        status = "Enabled"
                      }
                    }
                    """),
            List.of("https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
                    "AWS Security Hub S3.14"),
            EnumSet.of(Fact.VERSIONING));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.VERSIONING);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        dev.bucketguard.model.Versioning v = resource.versioning() == null
                ? dev.bucketguard.model.Versioning.NEVER_ENABLED : resource.versioning();
        if (v.enabled()) {
            return Outcome.pass("versioning is Enabled", "versioning Status: Enabled");
        }
        if (v.status() == null) {
            return Outcome.fail("versioning was never enabled", "versioning Status: absent (never enabled)");
        }
        return Outcome.fail("versioning is " + v.status() + ": overwrites and deletes destroy the only copy",
                "versioning Status: " + v.status());
    }
}
