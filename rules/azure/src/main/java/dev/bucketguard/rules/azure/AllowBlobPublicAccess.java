package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.Switch;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The account switch allowBlobPublicAccess is false, so no container can be anonymous. */
@RuleDefinition(id = "azure.storage.allow-blob-public-access", severity = Severity.HIGH, provider = "azure",
        requires = {"ACCOUNT_SETTINGS"})
public final class AllowBlobPublicAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Switch s = StorageAccount.of(resource).settings().allowBlobPublicAccess();
        return switch (s) {
            case FALSE -> Outcome.pass("allowBlobPublicAccess is false: no container can be made anonymous",
                    "allowBlobPublicAccess: false");
            case TRUE -> Outcome.fail("allowBlobPublicAccess is true: any container can be made anonymous with one"
                    + " setting", "allowBlobPublicAccess: true");
            case NOT_SET -> Outcome.fail("allowBlobPublicAccess is not set, which reads as true: any container can"
                    + " be made anonymous with one setting", "allowBlobPublicAccess: null");
        };
    }
}
