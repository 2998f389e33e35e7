package dev.bucketguard.cloud.azure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A storage account's publicNetworkAccess, in ARM's spelling. NOT_SET (absent) behaves as Enabled. */
public enum PublicNetworkAccess {
    @JsonProperty("Enabled") ENABLED,
    @JsonProperty("Disabled") DISABLED,
    @JsonProperty("SecuredByPerimeter") SECURED_BY_PERIMETER,
    @JsonProperty("notSet") NOT_SET
}
