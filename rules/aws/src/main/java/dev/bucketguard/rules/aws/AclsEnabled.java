package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.ObjectOwnership;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.EnumSet;
import java.util.List;

/** ACLs still in force: Object Ownership is not BucketOwnerEnforced. */
public final class AclsEnabled implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.acls-enabled",
            "S3 ACLs are still in force",
            Severity.MEDIUM,
            "aws",
            "Fails unless Object Ownership is BucketOwnerEnforced, the only setting that disables ACLs. With"
                    + " ObjectWriter, BucketOwnerPreferred or no setting (the default before April 2023), bucket and"
                    + " object ACLs keep granting access, and every object can carry its own public grant.",
            "With ACLs in force, any writer can make a single object public with a canned ACL (public-read), invisible"
                    + " in the bucket policy; objects uploaded by other accounts may stay owned by them.",
            new Remediation(
                    "S3 console > bucket > Permissions > Object Ownership > Edit: choose 'ACLs disabled (recommended)'."
                            + " First move any access that ACLs grant into the bucket policy.",
                    "aws s3api put-bucket-ownership-controls --bucket BUCKET"
                            + " --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'",
                    """
                    resource "aws_s3_bucket_ownership_controls" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        object_ownership = "BucketOwnerEnforced"
                      }
                    }
                    """),
            List.of("https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
                    "AWS Security Hub S3.12"),
            EnumSet.of(Fact.OBJECT_OWNERSHIP));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.OBJECT_OWNERSHIP);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        ObjectOwnership o = S3Wording.ownershipOf(resource);
        String line = "Object Ownership: " + S3Wording.name(o);
        if (!o.aclsEnabled()) {
            return Outcome.pass("ACLs are disabled: Object Ownership is BucketOwnerEnforced", line);
        }
        return Outcome.fail("ACLs are in force: Object Ownership is " + S3Wording.name(o)
                + ", not BucketOwnerEnforced", line);
    }
}
