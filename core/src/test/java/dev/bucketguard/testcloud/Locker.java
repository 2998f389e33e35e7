package dev.bucketguard.testcloud;

import dev.bucketguard.model.Details;

/**
 * What the test cloud knows about a locker beyond the envelope.
 *
 * @param lock  whether the locker's shared-access lock is engaged ({@link TestCloud#LOCK}); null when not read
 * @param label a free text label ({@link TestCloud#LABEL}); null when not read
 */
public record Locker(Lock lock, String label) implements Details {
    /** A locker whose own facts were not read. */
    public static final Locker UNREAD = new Locker(null, null);

    /** The lock's two positions: an engaged lock cuts every share to the public, not those to named accounts. */
    public enum Lock { ENGAGED, OPEN }
}
