package dev.bucketguard.model;

/**
 * Access logging: without it, nobody can tell whose records were read.
 *
 * @param enabled true when access logs are written
 * @param target  where they go (bucket/prefix, workspace); null when off
 */
public record Logging(boolean enabled, String target) {
    public static final Logging OFF = new Logging(false, null);
}
