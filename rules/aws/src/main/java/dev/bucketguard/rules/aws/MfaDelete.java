package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.EnumSet;
import java.util.List;

/** MFA delete on: only the root user with MFA can permanently delete versions. */
public final class MfaDelete implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.mfa-delete",
            "S3 MFA delete is not enabled",
            Severity.LOW,
            "aws",
            "Fails unless MFADelete is Enabled in the versioning configuration. MFA delete needs versioning, so a"
                    + " bucket without versioning fails too.",
            "Without MFA delete, any principal allowed s3:DeleteObjectVersion or s3:PutBucketVersioning (a stolen"
                    + " key, a compromised pipeline) can destroy every version of the data for good.",
            new Remediation(
                    "MFA delete cannot be set in the console: as the root user with an MFA device, enable it with the"
                            + " AWS CLI (below).",
                    "aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration"
                            + " Status=Enabled,MFADelete=Enabled --mfa 'arn:aws:iam::ACCOUNT_ID:mfa/root-account-mfa-device"
                            + " CODE'",
                    """
                    resource "aws_s3_bucket_versioning" "this" {
                      bucket = aws_s3_bucket.this.id
                      mfa    = "${var.root_mfa_serial} ${var.mfa_code}"
                      versioning_configuration {
                        status     = "Enabled"
                        mfa_delete = "Enabled"
                      }
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.2",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html"),
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
        Versioning v = resource.versioning() == null ? Versioning.NEVER_ENABLED : resource.versioning();
        String status = "versioning Status: " + (v.status() == null ? "absent (never enabled)" : v.status());
        String mfa = "MFADelete: " + (v.mfaDelete() == null ? "absent (never set)"
                : v.mfaDelete() ? "Enabled" : "Disabled");
        if (Boolean.TRUE.equals(v.mfaDelete())) {
            return Outcome.pass("MFA delete is Enabled", status, mfa);
        }
        if (!v.enabled()) {
            return Outcome.fail("MFA delete is off, and versioning, which it needs, is "
                    + (v.status() == null ? "not enabled" : v.status()), List.of(status, mfa));
        }
        return Outcome.fail("MFA delete is off: versions can be deleted for good without MFA",
                List.of(status, mfa));
    }
}
