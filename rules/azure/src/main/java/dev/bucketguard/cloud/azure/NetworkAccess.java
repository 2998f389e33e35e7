package dev.bucketguard.cloud.azure;

import java.util.Objects;

/**
 * Who can reach a storage account's endpoints over the network ({@link AzureFacts#NETWORK_RULES}).
 *
 * @param publicNetworkAccess the account's publicNetworkAccess
 * @param internetOpen        the firewall admits the internet: default action Allow, or an IP rule broader than /8
 */
public record NetworkAccess(PublicNetworkAccess publicNetworkAccess, boolean internetOpen) {
    public NetworkAccess {
        Objects.requireNonNull(publicNetworkAccess, "missing required field 'publicNetworkAccess'");
    }
}
