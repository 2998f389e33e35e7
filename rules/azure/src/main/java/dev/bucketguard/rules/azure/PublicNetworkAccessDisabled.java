package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.PublicNetworkAccess;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Public network access is Disabled (private endpoints only), or governed by a network security perimeter. */
@RuleDefinition(id = "azure.storage.public-network-access", severity = Severity.MEDIUM, provider = "azure",
        requires = {"NETWORK_RULES"})
public final class PublicNetworkAccessDisabled implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        PublicNetworkAccess p = StorageAccount.of(resource).network().publicNetworkAccess();
        return switch (p) {
            case DISABLED -> Outcome.pass("public network access is disabled: only private endpoints reach the"
                    + " account", "publicNetworkAccess: Disabled");
            case SECURED_BY_PERIMETER -> Outcome.pass("public network access is governed by a network security"
                    + " perimeter", "publicNetworkAccess: SecuredByPerimeter");
            case ENABLED -> Outcome.fail("public network access is enabled: the account's endpoint answers the"
                    + " internet, subject to its firewall", "publicNetworkAccess: Enabled");
            case NOT_SET -> Outcome.fail("publicNetworkAccess is not set, which behaves as Enabled: the account's"
                    + " endpoint answers the internet, subject to its firewall", "publicNetworkAccess: null");
        };
    }
}
