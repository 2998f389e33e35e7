package dev.bucketguard.cloud.azure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A storage account's minimumTlsVersion, in ARM's spelling; NOT_SET when ARM reports none (SEMANTICS 2.2). */
public enum TlsVersion {
    @JsonProperty("TLS1_0") TLS1_0,
    @JsonProperty("TLS1_1") TLS1_1,
    @JsonProperty("TLS1_2") TLS1_2,
    @JsonProperty("TLS1_3") TLS1_3,
    @JsonProperty("notSet") NOT_SET
}
