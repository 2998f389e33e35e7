package dev.bucketguard.provider;

/** Progress of a long scan, for people watching stderr. Implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    Progress NONE = message -> { };

    void report(String message);

    /**
     * Something people should know about the scan as it runs, once (the cloud is throttling it), for stderr and never
     * for the report. Unlike {@link #report(String)}, a caller that hides progress (no terminal) should still show it.
     */
    default void notice(String message) {
        report(message);
    }
}
