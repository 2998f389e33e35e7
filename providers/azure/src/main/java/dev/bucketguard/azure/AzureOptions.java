package dev.bucketguard.azure;

import java.net.URI;
import java.util.List;

/**
 * How to reach Azure.
 *
 * @param subscriptions    subscriptions to scan; empty for every subscription the credential can see
 * @param connectionString a storage connection string: the data plane of that one account only; null for ARM. Never
 *                         printed: {@link #toString()} hides it
 * @param armEndpoint      a management endpoint override (a stub or emulator); null for Azure's public cloud. A loopback
 *                         {@code http://} endpoint is called with no token and no Authorization header
 * @param probeAnonymous   also send unauthenticated requests to the containers the configuration calls anonymous
 * @param concurrency      how many storage accounts to read at once
 */
public record AzureOptions(List<String> subscriptions, String connectionString, URI armEndpoint,
                           boolean probeAnonymous, int concurrency) {
    public AzureOptions {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
        }
        if (armEndpoint != null && "http".equals(armEndpoint.getScheme()) && !dev.bucketguard.provider.Loopback.uri(armEndpoint)) {
            throw new IllegalArgumentException("an http:// management endpoint must be on the loopback interface"
                    + " (127.0.0.1, localhost or [::1]): " + armEndpoint);
        }
    }

    public static AzureOptions defaults() {
        return new AzureOptions(List.of(), null, null, false, 16);
    }

    @Override
    public String toString() {
        return "AzureOptions[subscriptions=" + subscriptions + ", connectionString="
                + (connectionString == null ? "null" : "(hidden)") + ", armEndpoint=" + armEndpoint
                + ", probeAnonymous=" + probeAnonymous + ", concurrency=" + concurrency + "]";
    }
}
