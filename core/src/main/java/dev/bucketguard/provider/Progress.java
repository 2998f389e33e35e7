package dev.bucketguard.provider;

/** Progress of a long scan, for people watching stderr. Implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    Progress NONE = message -> { };

    void report(String message);
}
