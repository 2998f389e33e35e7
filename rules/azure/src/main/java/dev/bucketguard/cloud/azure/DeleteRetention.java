package dev.bucketguard.cloud.azure;

/**
 * Blob soft delete ({@link AzureFacts#SOFT_DELETE}).
 *
 * @param enabled true when deleted blobs are kept
 * @param days    for how long; null when off
 */
public record DeleteRetention(boolean enabled, Integer days) {
    public static final DeleteRetention OFF = new DeleteRetention(false, null);
}
