package dev.bucketguard.cloud.azure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a storage account's SAS expiration policy does with a token that outlives it; NONE when there is no policy. */
public enum SasExpirationAction {
    @JsonProperty("Log") LOG,
    @JsonProperty("Block") BLOCK,
    @JsonProperty("none") NONE
}
