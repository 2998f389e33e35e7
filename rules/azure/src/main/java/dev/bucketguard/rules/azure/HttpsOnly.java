package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Secure transfer required: plain HTTP is refused. */
@RuleDefinition(id = "azure.storage.https-only", severity = Severity.HIGH, provider = "azure",
        requires = {"ACCOUNT_SETTINGS"})
public final class HttpsOnly implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (StorageAccount.of(resource).settings().httpsTrafficOnly()) {
            return Outcome.pass("secure transfer is required: plain HTTP is refused",
                    "supportsHttpsTrafficOnly: true");
        }
        return Outcome.fail("plain HTTP is accepted: records and SAS tokens can cross the network unencrypted",
                "supportsHttpsTrafficOnly: false");
    }
}
