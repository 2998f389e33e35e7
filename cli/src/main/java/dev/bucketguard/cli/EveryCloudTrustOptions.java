package dev.bucketguard.cli;

import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Mixin;

/**
 * The trust flags of every cloud that has its own ({@code --trusted-domains}, {@code --trusted-projects},
 * {@code --trusted-tenants}), for a scan whose input may hold resources of any cloud: a snapshot, a plan.
 */
final class EveryCloudTrustOptions {
    @Mixin
    GcpTrustOptions gcp;

    @Mixin
    AzureTrustOptions azure;

    /** Every cloud's trusted owners, for the trust zone. */
    Set<String> owners() {
        Set<String> owners = new TreeSet<>(gcp.owners());
        owners.addAll(azure.owners());
        return owners;
    }
}
