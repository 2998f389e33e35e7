package dev.bucketguard.cloud.azure;

import dev.bucketguard.model.Channel;
import java.util.Set;

/** Through what an Azure grant reaches the data. */
public final class AzureChannels {
    /** A container's anonymous access level (Blob or Container); {@code Grant.scope()} is the container. */
    public static final Channel CONTAINER_ACCESS_LEVEL = Channel.of("CONTAINER_ACCESS_LEVEL");
    /** The {@code $web} container of a static website. */
    public static final Channel WEBSITE_ENDPOINT = Channel.of("WEBSITE_ENDPOINT");
    /** A stored access policy that service SAS tokens can bind to; {@code Grant.scope()} is the container. */
    public static final Channel STORED_ACCESS_POLICY = Channel.of("STORED_ACCESS_POLICY");
    /** A network or replication rule that admits another tenant. */
    public static final Channel NETWORK_RULE = Channel.of("NETWORK_RULE");

    public static final Set<Channel> ALL = Set.of(CONTAINER_ACCESS_LEVEL, WEBSITE_ENDPOINT, STORED_ACCESS_POLICY,
            NETWORK_RULE);

    private AzureChannels() {
    }
}
