package dev.bucketguard.provider;

import java.util.Objects;

/**
 * A failure that kept something from being scanned. Never carries secrets: messages are built from error codes and
 * names, not from raw exception text that may echo credentials.
 *
 * @param provider the provider id
 * @param scope    what could not be read: an account, a bucket reference, a file
 * @param kind     why
 * @param message  one line for people
 */
public record ScanError(String provider, String scope, Kind kind, String message) {

    /** The families of failure. */
    public enum Kind {
        /** A permission was missing. */
        ACCESS_DENIED,
        /** The input (a snapshot, a policy, a flag) was malformed. */
        INPUT,
        /** The cloud or network failed (throttling that outlasted retries, timeouts). */
        SERVICE,
        /**
         * The cloud answered with data bucketguard cannot interpret (a stored policy it cannot parse): the cloud's
         * data, not the user's input, so the scan is incomplete (exit 5), not a usage error.
         */
        CLOUD_DATA,
        /** A bug in bucketguard. */
        INTERNAL
    }

    public ScanError {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
