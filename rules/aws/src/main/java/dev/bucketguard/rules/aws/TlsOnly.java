package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.BucketPolicy;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** A bucket policy that denies requests without TLS. */
@RuleDefinition(id = "aws.s3.tls-only", severity = Severity.MEDIUM, provider = "aws", requires = {"POLICY"})
public final class TlsOnly implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        BucketPolicy policy = S3Bucket.of(resource).policy();
        if (policy.tlsEnforced()) {
            return Outcome.pass("the bucket policy denies requests without TLS (aws:SecureTransport false)",
                    "bucket policy: Deny when aws:SecureTransport is false");
        }
        if (!policy.present()) {
            return Outcome.fail("the bucket has no bucket policy, so nothing denies plain-HTTP requests",
                    "bucket policy: none");
        }
        if (!policy.tlsGaps().isEmpty()) {
            return Outcome.fail(policy.tlsGaps().get(0), policy.tlsGaps().stream().map(g -> "bucket policy: " + g)
                    .toList());
        }
        return Outcome.fail("no statement of the bucket policy denies requests without TLS (aws:SecureTransport"
                + " false)", "bucket policy: present, no Deny on aws:SecureTransport false");
    }
}
