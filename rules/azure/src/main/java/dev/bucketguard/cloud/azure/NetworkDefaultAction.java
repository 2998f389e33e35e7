package dev.bucketguard.cloud.azure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The firewall's default action, in ARM's spelling. An absent network rule set means Allow. */
public enum NetworkDefaultAction {
    @JsonProperty("Allow") ALLOW,
    @JsonProperty("Deny") DENY
}
