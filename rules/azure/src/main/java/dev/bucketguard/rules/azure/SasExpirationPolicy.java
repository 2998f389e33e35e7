package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.AccountSettings;
import dev.bucketguard.cloud.azure.SasExpirationAction;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The account has a SAS expiration policy, so no SAS outlives its period unnoticed (Log) or at all (Block). */
@RuleDefinition(id = "azure.storage.sas-expiration-policy", severity = Severity.MEDIUM, provider = "azure",
        requires = {"ACCOUNT_SETTINGS"})
public final class SasExpirationPolicy implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        AccountSettings s = StorageAccount.of(resource).settings();
        if (s.sasExpirationAction() == SasExpirationAction.NONE) {
            return Outcome.fail("the account has no SAS expiration policy: a SAS signed with an account key can"
                    + " last for years", "sasPolicy: none");
        }
        String period = s.sasExpirationPeriod() == null ? "a period that was not recorded" : s.sasExpirationPeriod();
        return Outcome.pass("the SAS expiration policy allows SAS lifetimes up to " + period + " and "
                + (s.sasExpirationAction() == SasExpirationAction.BLOCK ? "blocks" : "logs") + " longer ones",
                "sasPolicy: " + period + ", " + s.sasExpirationAction());
    }
}
