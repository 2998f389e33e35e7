package dev.bucketguard.cloud.azure;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An account setting that ARM reports as true, false or null. NOT_SET (null in ARM) is a value of its own: each
 * setting's documented default decides what it means (allowBlobPublicAccess and allowSharedKeyAccess: true).
 */
public enum Switch {
    @JsonProperty("true") TRUE,
    @JsonProperty("false") FALSE,
    @JsonProperty("notSet") NOT_SET;

    /** The setting's effective value, with {@code whenNotSet} as its documented default. */
    public boolean on(boolean whenNotSet) {
        return this == NOT_SET ? whenNotSet : this == TRUE;
    }
}
