package dev.bucketguard.cloud.gcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bucketguard.forensics.Retention;
import java.util.Objects;

/**
 * A log sink of the project that routes Cloud Storage's Data Access audit logs, and how long its destination keeps
 * them.
 *
 * @param sink        the sink's name ({@code _Default})
 * @param kind        what its destination is
 * @param destination the destination as the sink names it, without the service host
 *                    ({@code projects/p/locations/global/buckets/_Default}, a bucket name, a dataset, a topic)
 * @param retention   how long the destination keeps them: a log bucket's retention, a storage bucket's lifecycle, or
 *                    unknown (not readable, or outside the scan)
 */
public record LogRoute(String sink, Kind kind, String destination, Retention retention) {
    /** The destinations a sink can have. */
    public enum Kind {
        @JsonProperty("logBucket") LOG_BUCKET("log bucket"),
        @JsonProperty("storageBucket") STORAGE_BUCKET("storage bucket"),
        @JsonProperty("bigQuery") BIGQUERY("BigQuery dataset"),
        @JsonProperty("pubSub") PUBSUB("Pub/Sub topic"),
        @JsonProperty("other") OTHER("destination");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** "log bucket". */
        public String label() {
            return label;
        }
    }

    public LogRoute {
        Objects.requireNonNull(sink, "missing required field 'sink'");
        Objects.requireNonNull(kind, "missing required field 'kind'");
        Objects.requireNonNull(destination, "missing required field 'destination'");
        Objects.requireNonNull(retention, "missing required field 'retention'");
    }

    /** "log bucket projects/p/locations/global/buckets/_Default". */
    public String describe() {
        return kind.label() + " " + destination;
    }
}
