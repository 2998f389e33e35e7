package dev.bucketguard.cloud.azure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who can reach a storage account's endpoints over the network ({@link AzureFacts#NETWORK_RULES}), as ARM states it.
 * The verdict decides what is open; nothing here is precomputed.
 *
 * @param publicNetworkAccess  the account's publicNetworkAccess (absent: NOT_SET, which behaves as Enabled)
 * @param defaultAction        the firewall's default action (an absent networkAcls is Allow)
 * @param ipRules              the IP rules' address ranges (CIDR, or a single address), in ARM's order
 * @param virtualNetworkRules  the subnet ids of the virtual network rules
 * @param bypass               the trusted-service bypass as ARM writes it ({@code AzureServices, Logging}); may be null
 * @param ruleSetAbsent        true when ARM reported no networkAcls at all (read as default Allow); null reads false
 */
public record NetworkAccess(PublicNetworkAccess publicNetworkAccess, NetworkDefaultAction defaultAction,
                            List<String> ipRules, List<String> virtualNetworkRules, String bypass,
                            Boolean ruleSetAbsent) {
    /** What "broader than /8" means, mirroring S3's rule for aws:SourceIp (SEMANTICS 1.1, 5.2). */
    public static final int BROADEST_SCOPED_PREFIX = 8;

    public NetworkAccess {
        Objects.requireNonNull(publicNetworkAccess, "missing required field 'publicNetworkAccess'");
        Objects.requireNonNull(defaultAction, "missing required field 'defaultAction'");
        ipRules = ipRules == null ? List.of() : List.copyOf(ipRules);
        virtualNetworkRules = virtualNetworkRules == null ? List.of() : List.copyOf(virtualNetworkRules);
        ruleSetAbsent = Boolean.TRUE.equals(ruleSetAbsent);
    }

    /** An account with no network rule set at all: ARM's default is Allow. */
    public static NetworkAccess noRuleSet(PublicNetworkAccess publicNetworkAccess) {
        return new NetworkAccess(publicNetworkAccess, NetworkDefaultAction.ALLOW, List.of(), List.of(), null, true);
    }

    /** A firewall as stated. */
    public static NetworkAccess of(PublicNetworkAccess publicNetworkAccess, NetworkDefaultAction defaultAction,
                                   List<String> ipRules) {
        return new NetworkAccess(publicNetworkAccess, defaultAction, ipRules, List.of(), null, false);
    }

    /** The first IP rule broader than /8 (a prefix shorter than 8; {@code 0.0.0.0/0} included), if any. */
    public Optional<String> broadIpRule() {
        return ipRules.stream().filter(NetworkAccess::broaderThanSlash8).findFirst();
    }

    static boolean broaderThanSlash8(String range) {
        int slash = range.indexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            return Integer.parseInt(range.substring(slash + 1).strip()) < BROADEST_SCOPED_PREFIX;
        } catch (NumberFormatException e) {
            // A range we cannot read might be anything: the conservative reading is broad.
            return true;
        }
    }
}
