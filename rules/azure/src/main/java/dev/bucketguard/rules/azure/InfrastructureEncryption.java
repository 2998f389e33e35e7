package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Infrastructure encryption (a second layer, requireInfrastructureEncryption) is on. */
@RuleDefinition(id = "azure.storage.infrastructure-encryption", severity = Severity.LOW, provider = "azure",
        requires = {"ACCOUNT_SETTINGS"})
public final class InfrastructureEncryption implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (Boolean.TRUE.equals(StorageAccount.of(resource).settings().infrastructureEncryption())) {
            return Outcome.pass("infrastructure encryption is on: data is encrypted twice, with two algorithms and"
                    + " two keys", "encryption.requireInfrastructureEncryption: true");
        }
        return Outcome.fail("infrastructure encryption is off: one layer of encryption at rest",
                "encryption.requireInfrastructureEncryption: false or absent");
    }
}
