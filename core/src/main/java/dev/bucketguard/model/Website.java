package dev.bucketguard.model;

/**
 * Static website hosting.
 *
 * @param enabled  true when the resource serves a website
 * @param endpoint the website endpoint, where known
 */
public record Website(boolean enabled, String endpoint) {
    public static final Website OFF = new Website(false, null);
}
