package dev.bucketguard.cloud.azure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Where a diagnostic setting sends the blob service's logs, and how long they are kept there. Exactly one of
 * {@code retentionDays}, {@code noExpiry} and {@code retentionUnknown} says the retention.
 *
 * @param kind             what the destination is
 * @param id               its ARM resource id (for an event hub: the authorization rule's id)
 * @param retentionDays    the days the logs are kept: a workspace's (or its StorageBlobLogs table's) total retention,
 *                         or the shortest delete age of the destination account's lifecycle rules that reach the
 *                         log container
 * @param noExpiry         nothing deletes them: a destination account with no lifecycle rule that reaches them
 * @param retentionUnknown why the retention is not known (the call and the permission it needs, or that the
 *                         destination leaves Azure's view); null when it is known
 */
public record LogDestination(Kind kind, String id, Integer retentionDays, boolean noExpiry,
                             String retentionUnknown) {
    /** The kinds of destination a diagnostic setting has. */
    public enum Kind {
        @JsonProperty("logAnalytics") LOG_ANALYTICS,
        @JsonProperty("storageAccount") STORAGE_ACCOUNT,
        @JsonProperty("eventHub") EVENT_HUB,
        @JsonProperty("partner") PARTNER
    }

    public LogDestination {
        Objects.requireNonNull(kind, "missing required field 'kind'");
        Objects.requireNonNull(id, "missing required field 'id'");
        int said = (retentionDays != null ? 1 : 0) + (noExpiry ? 1 : 0) + (retentionUnknown != null ? 1 : 0);
        if (said != 1) {
            throw new IllegalArgumentException("a log destination needs exactly one of 'retentionDays', 'noExpiry'"
                    + " and 'retentionUnknown'");
        }
        if (retentionDays != null && retentionDays < 0) {
            throw new IllegalArgumentException("'retentionDays' must be 0 or more, not " + retentionDays);
        }
    }

    public static LogDestination keptFor(Kind kind, String id, int days) {
        return new LogDestination(kind, id, days, false, null);
    }

    public static LogDestination neverExpires(Kind kind, String id) {
        return new LogDestination(kind, id, null, true, null);
    }

    public static LogDestination unknown(Kind kind, String id, String why) {
        return new LogDestination(kind, id, null, false, why);
    }

    /** "Log Analytics workspace 'ws' (kept 30 days)". */
    public String describe() {
        String what = switch (kind) {
            case LOG_ANALYTICS -> "Log Analytics workspace";
            case STORAGE_ACCOUNT -> "storage account";
            case EVENT_HUB -> "event hub";
            case PARTNER -> "partner solution";
        };
        String kept = retentionDays != null ? "kept " + retentionDays + " days"
                : noExpiry ? "no lifecycle rule deletes them" : "retention unknown: " + retentionUnknown;
        return what + " '" + id.substring(id.lastIndexOf('/') + 1) + "' (" + kept + ")";
    }
}
