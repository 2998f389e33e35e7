package dev.bucketguard.model;

/** Who a grant reaches. */
public enum GranteeKind {
    /** Anyone, signed or not: S3 AllUsers or a policy's {@code "*"}, GCS allUsers, Azure anonymous access. */
    ANONYMOUS,
    /** Any authenticated identity of any account: S3 AuthenticatedUsers, GCS allAuthenticatedUsers. */
    ANY_AUTHENTICATED,
    /** A named account, tenant, project or domain; {@link Grantee#id()} names it. May turn out to be the owner. */
    ACCOUNT,
    /** An organisation (AWS Organizations id, Google organisation); {@link Grantee#id()} names it. */
    ORGANIZATION,
    /**
     * Anyone on a fixed network (aws:SourceIp ranges, aws:SourceVpc, aws:SourceVpce); {@link Grantee#id()} names it.
     * Not public in the clouds' own sense, and not a named account either.
     */
    NETWORK,
    /** The resource's own account. */
    OWNER,
    /** A cloud service acting for the owner (an AWS service principal, S3 log delivery). */
    SERVICE
}
