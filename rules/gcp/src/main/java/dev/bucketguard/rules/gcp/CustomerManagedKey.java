package dev.bucketguard.rules.gcp;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** A Cloud KMS key (CMEK) as the bucket's default: the owner, not Google, decides who can decrypt. */
@RuleDefinition(id = "gcp.storage.customer-managed-key", severity = Severity.MEDIUM, provider = "gcp",
        requires = {"ENCRYPTION"})
public final class CustomerManagedKey implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (resource.encryption() != null && resource.encryption().state() == EncryptionState.CUSTOMER_MANAGED) {
            return Outcome.pass("new objects are encrypted with the Cloud KMS key " + resource.encryption().keyId(),
                    "encryption.defaultKmsKeyName: " + resource.encryption().keyId());
        }
        return Outcome.fail("no default Cloud KMS key: objects are encrypted with Google-managed keys, which the"
                + " owner can neither revoke nor audit", "encryption.defaultKmsKeyName: none");
    }
}
