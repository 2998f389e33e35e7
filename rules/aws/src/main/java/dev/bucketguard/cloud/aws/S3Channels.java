package dev.bucketguard.cloud.aws;

import dev.bucketguard.model.Channel;
import java.util.Set;

/** Through what an S3 grant reaches the data. */
public final class S3Channels {
    /** A bucket ACL grant. */
    public static final Channel ACL = Channel.of("ACL");
    /** An object ACL grant (a "public link" on one object); {@code Grant.scope()} is the key. */
    public static final Channel OBJECT_ACL = Channel.of("OBJECT_ACL");
    /** A statement of the bucket policy. */
    public static final Channel POLICY = Channel.of("POLICY");
    /** A statement of an access point's policy; {@code Grant.scope()} is the access point's name. */
    public static final Channel ACCESS_POINT_POLICY = Channel.of("ACCESS_POINT_POLICY");

    public static final Set<Channel> ALL = Set.of(ACL, OBJECT_ACL, POLICY, ACCESS_POINT_POLICY);

    private S3Channels() {
    }
}
