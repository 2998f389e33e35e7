package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.PolicyFacts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.EnumSet;
import java.util.List;

/** A bucket policy that denies requests without TLS. */
public final class TlsOnly implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.tls-only",
            "S3 bucket accepts plain-HTTP requests",
            Severity.MEDIUM,
            "aws",
            "Fails unless the bucket policy denies requests made without TLS (a Deny with the condition Bool"
                    + " aws:SecureTransport \"false\"). A bucket without a policy accepts HTTP. UNKNOWN when the bucket"
                    + " policy could not be read.",
            "Requests over plain HTTP carry object data and pre-signed URLs in clear text: anyone on the path can"
                    + " read or replay them.",
            new Remediation(
                    "S3 console > bucket > Permissions > Bucket policy > Edit: add a statement with Effect Deny,"
                            + " Principal \"*\", Action s3:*, Resource the bucket and bucket/*, and Condition"
                            + " {\"Bool\": {\"aws:SecureTransport\": \"false\"}}.",
                    "aws s3api put-bucket-policy --bucket BUCKET --policy '{\"Version\":\"2012-10-17\",\"Statement\":"
                            + "[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                            + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::BUCKET\",\"arn:aws:s3:::BUCKET/*\"],"
                            + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}'"
                            + "\n# merge with the existing policy first: put-bucket-policy replaces it",
                    """
                    data "aws_iam_policy_document" "tls_only" {
                      statement {
                        sid       = "DenyInsecureTransport"
                        effect    = "Deny"
                        actions   = ["s3:*"]
                        resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
                        principals {
                          type        = "*"
                          identifiers = ["*"]
                        }
                        condition {
                          test     = "Bool"
                          variable = "aws:SecureTransport"
                          values   = ["false"]
                        }
                      }
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.1",
                    "https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule"),
            EnumSet.of(Fact.POLICY));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.POLICY);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        PolicyFacts policy = resource.policy() == null ? PolicyFacts.NONE : resource.policy();
        boolean enforced = resource.tlsEnforced() != null ? resource.tlsEnforced() : policy.tlsEnforced();
        if (enforced) {
            return Outcome.pass("the bucket policy denies requests without TLS (aws:SecureTransport false)",
                    "bucket policy: Deny when aws:SecureTransport is false");
        }
        if (!policy.present()) {
            return Outcome.fail("the bucket has no bucket policy, so nothing denies plain-HTTP requests",
                    "bucket policy: none");
        }
        return Outcome.fail("no statement of the bucket policy denies requests without TLS (aws:SecureTransport"
                + " false)", "bucket policy: present, no Deny on aws:SecureTransport false");
    }
}
