package dev.bucketguard.rules.azure;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Data at rest is encrypted with a customer-managed key from Key Vault (Microsoft.Keyvault). */
@RuleDefinition(id = "azure.storage.customer-managed-key", severity = Severity.MEDIUM, provider = "azure",
        requires = {"ENCRYPTION"})
public final class CustomerManagedKey implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Encryption e = resource.encryption();
        if (e != null && e.state() == EncryptionState.CUSTOMER_MANAGED) {
            return Outcome.pass("data is encrypted with a customer-managed key"
                    + (e.keyId() == null ? "" : " (" + e.keyId() + ")"), "encryption.keySource: Microsoft.Keyvault");
        }
        return Outcome.fail("data is encrypted with Microsoft-managed keys: revoking access to the data cannot be done"
                + " by revoking a key you hold", "encryption.keySource: "
                + (e == null || e.algorithm() == null ? "Microsoft.Storage" : e.algorithm()));
    }
}
