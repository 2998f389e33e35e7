package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Classic Storage Analytics logging of the blob service is on (read, write or delete requests). */
@RuleDefinition(id = "azure.storage.logging", severity = Severity.MEDIUM, provider = "azure",
        requires = {"LOGGING"})
public final class StorageLogging implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (StorageAccount.of(resource).logging().enabled()) {
            return Outcome.pass("blob requests are logged to $logs", "Get Blob Service Properties: Logging on");
        }
        return Outcome.fail("blob service logging is off: nobody could tell whose records were read",
                "Get Blob Service Properties: Logging Read, Write and Delete all false");
    }
}
