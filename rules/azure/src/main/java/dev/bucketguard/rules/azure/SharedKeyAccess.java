package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Shared key access is off: account keys and the SAS signed with them are refused, Entra ID only. */
@RuleDefinition(id = "azure.storage.shared-key-access", severity = Severity.MEDIUM, provider = "azure",
        requires = {"ACCOUNT_SETTINGS"})
public final class SharedKeyAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        return switch (StorageAccount.of(resource).settings().allowSharedKeyAccess()) {
            case FALSE -> Outcome.pass("shared key access is off: only Microsoft Entra ID identities get in",
                    "allowSharedKeyAccess: false");
            case TRUE -> Outcome.fail("shared key access is on: whoever holds an account key, or a SAS signed with"
                    + " one, reads everything, and no log names them", "allowSharedKeyAccess: true");
            case NOT_SET -> Outcome.fail("allowSharedKeyAccess is not set, which reads as true: account keys and"
                    + " the SAS signed with them work", "allowSharedKeyAccess: null");
        };
    }
}
