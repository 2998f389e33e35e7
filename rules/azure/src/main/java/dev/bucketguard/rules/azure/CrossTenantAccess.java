package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.AzureChannels;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.Switch;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;
import java.util.Set;

/**
 * No tenant outside the trusted set reaches the data through a resource access rule, an object replication policy or
 * an approved private endpoint, and the account does not allow cross-tenant replication.
 */
@RuleDefinition(id = "azure.storage.cross-tenant-access", severity = Severity.HIGH, provider = "azure",
        requires = {"RESOURCE_ACCESS_RULES", "OBJECT_REPLICATION", "PRIVATE_ENDPOINTS"}, reads = {"ACCOUNT_SETTINGS"})
public final class CrossTenantAccess implements Rule {
    private static final Set<Channel> CHANNELS = Set.of(AzureChannels.NETWORK_RULE, AzureChannels.OBJECT_REPLICATION,
            AzureChannels.PRIVATE_ENDPOINT);

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        List<String> outside = verdict.effects(g -> CHANNELS.contains(g.via())).stream()
                .filter(GrantEffect::inForce)
                .map(GrantEffect::grant)
                .filter(g -> VerdictBuilder.named(g) && verdict.outsiders().contains(g.grantee().id()))
                .map(VerdictBuilder::describe)
                .toList();
        if (!outside.isEmpty()) {
            return Outcome.fail(String.join("; ", outside) + " (outside the account's tenant and the trusted set)",
                    outside);
        }
        if (resource.knows(AzureFacts.ACCOUNT_SETTINGS)) {
            Switch replication = StorageAccount.of(resource).settings().allowCrossTenantReplication();
            if (replication != Switch.FALSE) {
                return Outcome.fail("no other tenant reaches the data today, but allowCrossTenantReplication is "
                        + (replication == Switch.TRUE ? "true" : "not set, which reads as true for older accounts")
                        + ": a replication policy may copy blobs to any tenant",
                        "allowCrossTenantReplication: " + (replication == Switch.TRUE ? "true" : "null"));
            }
            return Outcome.pass("no other tenant reaches the data, and cross-tenant replication is not allowed",
                    "allowCrossTenantReplication: false");
        }
        return Outcome.pass("no resource access rule, replication policy or approved private endpoint reaches another"
                + " tenant (allowCrossTenantReplication could not be read)");
    }
}
