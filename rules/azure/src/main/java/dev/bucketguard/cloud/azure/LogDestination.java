package dev.bucketguard.cloud.azure;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bucketguard.forensics.Retention;
import java.util.Objects;

/**
 * Where a diagnostic setting sends the blob service's logs, and how long they are kept there.
 *
 * @param kind      what the destination is
 * @param id        its ARM resource id (for an event hub: the authorization rule's id)
 * @param retention how long the read logs are kept there: a workspace's (or its StorageBlobLogs table's) total
 *                  retention, the shortest delete age of the destination account's lifecycle rules that reach the
 *                  read logs, or unknown (not readable, or outside Azure's view), with the reason
 */
public record LogDestination(Kind kind, String id, Retention retention) {
    /** The kinds of destination a diagnostic setting has. */
    public enum Kind {
        @JsonProperty("logAnalytics") LOG_ANALYTICS("Log Analytics workspace"),
        @JsonProperty("storageAccount") STORAGE_ACCOUNT("storage account"),
        @JsonProperty("eventHub") EVENT_HUB("event hub"),
        @JsonProperty("partner") PARTNER("partner solution");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** "Log Analytics workspace". */
        public String label() {
            return label;
        }
    }

    public LogDestination {
        Objects.requireNonNull(kind, "missing required field 'kind'");
        Objects.requireNonNull(id, "missing required field 'id'");
        Objects.requireNonNull(retention, "missing required field 'retention'");
    }

    /** The destination's own name: the last segment of its id. */
    public String name() {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** "Log Analytics workspace 'law-security'". */
    public String describe() {
        return kind.label() + " '" + name() + "'";
    }
}
