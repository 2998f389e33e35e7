package dev.bucketguard.cloud.azure;

import dev.bucketguard.model.Channel;
import java.util.Set;

/** Through what an Azure grant reaches the data. */
public final class AzureChannels {
    /** A container's anonymous access level (Blob or Container); {@code Grant.scope()} is the container. */
    public static final Channel CONTAINER_ACCESS_LEVEL = Channel.of("CONTAINER_ACCESS_LEVEL");
    /**
     * The {@code $web} container of a static website, as hand-written snapshots may record it; the verdict reads the
     * website fact itself.
     */
    public static final Channel WEBSITE_ENDPOINT = Channel.of("WEBSITE_ENDPOINT");
    /** A stored access policy that service SAS tokens can bind to; {@code Grant.scope()} is the container. */
    public static final Channel STORED_ACCESS_POLICY = Channel.of("STORED_ACCESS_POLICY");
    /** A firewall resource access rule that admits resource instances of another tenant. */
    public static final Channel NETWORK_RULE = Channel.of("NETWORK_RULE");
    /** An object replication policy whose other side is another account (named by its subscription or tenant). */
    public static final Channel OBJECT_REPLICATION = Channel.of("OBJECT_REPLICATION");
    /** An approved private endpoint connection from a private endpoint in another subscription. */
    public static final Channel PRIVATE_ENDPOINT = Channel.of("PRIVATE_ENDPOINT");

    public static final Set<Channel> ALL = Set.of(CONTAINER_ACCESS_LEVEL, WEBSITE_ENDPOINT, STORED_ACCESS_POLICY,
            NETWORK_RULE, OBJECT_REPLICATION, PRIVATE_ENDPOINT);

    private AzureChannels() {
    }
}
