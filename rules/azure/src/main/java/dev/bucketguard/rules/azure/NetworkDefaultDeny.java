package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.NetworkAccess;
import dev.bucketguard.cloud.azure.NetworkDefaultAction;
import dev.bucketguard.cloud.azure.PublicNetworkAccess;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The firewall denies by default (or the public endpoint is off altogether). */
@RuleDefinition(id = "azure.storage.network-default-deny", severity = Severity.MEDIUM, provider = "azure",
        requires = {"NETWORK_RULES"})
public final class NetworkDefaultDeny implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        NetworkAccess n = StorageAccount.of(resource).network();
        if (n.publicNetworkAccess() == PublicNetworkAccess.DISABLED) {
            return Outcome.pass("public network access is disabled: the firewall's default does not matter",
                    "publicNetworkAccess: Disabled");
        }
        if (n.defaultAction() == NetworkDefaultAction.DENY) {
            String broad = n.broadIpRule().map(r -> "; but IP rule " + r + " is broader than /8").orElse("");
            if (!broad.isEmpty()) {
                return Outcome.fail("the firewall denies by default" + broad + ": much of the internet is admitted",
                        "networkAcls.defaultAction: Deny", "ipRules: " + n.ipRules());
            }
            return Outcome.pass("the firewall denies by default and admits " + n.ipRules().size() + " IP rule(s) and "
                    + n.virtualNetworkRules().size() + " virtual network rule(s)", "networkAcls.defaultAction: Deny");
        }
        return Outcome.fail(Boolean.TRUE.equals(n.ruleSetAbsent())
                ? "the account has no network rule set, which reads as default action Allow: any network reaches it"
                : "the firewall's default action is Allow: any network reaches the account",
                "networkAcls.defaultAction: Allow");
    }
}
