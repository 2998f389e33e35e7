package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/** MFA delete on: only the root user with MFA can permanently delete versions. */
@RuleDefinition(id = "aws.s3.mfa-delete", severity = Severity.LOW, provider = "aws", requires = {"VERSIONING"})
public final class MfaDelete implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Versioning v = S3Bucket.of(resource).versioning();
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
