package dev.bucketguard.cloud.gcp;

import dev.bucketguard.model.Channel;
import java.util.Set;

/** Through what a Cloud Storage grant reaches the data. */
public final class GcpChannels {
    /** A bucket ACL entry. */
    public static final Channel ACL = Channel.of("ACL");
    /** A default object ACL entry that new objects inherit. */
    public static final Channel DEFAULT_OBJECT_ACL = Channel.of("DEFAULT_OBJECT_ACL");
    /** An object ACL entry; {@code Grant.scope()} is the object name. */
    public static final Channel OBJECT_ACL = Channel.of("OBJECT_ACL");
    /** A binding of the bucket IAM policy. */
    public static final Channel IAM_BINDING = Channel.of("IAM_BINDING");

    public static final Set<Channel> ALL = Set.of(ACL, DEFAULT_OBJECT_ACL, OBJECT_ACL, IAM_BINDING);

    private GcpChannels() {
    }
}
