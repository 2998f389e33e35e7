package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The static website is off: its $web container is served to anyone whatever allowBlobPublicAccess says. */
@RuleDefinition(id = "azure.blob.static-website", severity = Severity.HIGH, provider = "azure",
        requires = {"WEBSITE"})
public final class StaticWebsite implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        if (StorageAccount.of(resource).website().enabled()) {
            return Outcome.fail("the static website is on: every blob in $web is served to anyone, whatever"
                    + " allowBlobPublicAccess says", "Get Blob Service Properties: StaticWebsite Enabled");
        }
        return Outcome.pass("the static website is off", "Get Blob Service Properties: StaticWebsite disabled");
    }
}
