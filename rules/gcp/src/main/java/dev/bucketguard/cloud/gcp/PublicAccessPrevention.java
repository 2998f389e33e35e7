package dev.bucketguard.cloud.gcp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GCS public access prevention, in the JSON API's spelling. INHERITED (and the legacy UNSPECIFIED) defer to the
 * organisation policy {@code storage.publicAccessPrevention}: neither means off.
 */
public enum PublicAccessPrevention {
    @JsonProperty("enforced") ENFORCED,
    @JsonProperty("inherited") INHERITED,
    @JsonProperty("unspecified") UNSPECIFIED;

    /** True when the bucket itself enforces it; otherwise the organisation policy decides. */
    public boolean enforcedOnBucket() {
        return this == ENFORCED;
    }
}
