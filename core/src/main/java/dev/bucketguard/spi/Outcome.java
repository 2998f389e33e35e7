package dev.bucketguard.spi;

import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Objects;

/**
 * What a rule decided about one resource.
 *
 * @param status   PASS, FAIL or UNKNOWN
 * @param message  one sentence for people, naming the resource's setting: "bucket policy statement 'PublicRead'
 *                 lets anyone read objects"
 * @param evidence the facts behind the decision, one line each
 * @param severity the finding's severity when it differs from the rule's (an object rule reading personal data is
 *                 worse than one that does not); null for the rule's own severity
 */
public record Outcome(Status status, String message, List<String> evidence, Severity severity) {

    /** The three answers a rule can give. */
    public enum Status { PASS, FAIL, UNKNOWN }

    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** An outcome at the rule's own severity. */
    public Outcome(Status status, String message, List<String> evidence) {
        this(status, message, evidence, null);
    }

    /** The same outcome at {@code other} severity instead of the rule's. */
    public Outcome at(Severity other) {
        return new Outcome(status, message, evidence, Objects.requireNonNull(other, "severity"));
    }

    /** The severity of the finding: this outcome's own, or else the rule's. */
    public Severity severityOr(Severity ruleSeverity) {
        return severity == null ? ruleSeverity : severity;
    }

    public static Outcome pass(String message, String... evidence) {
        return new Outcome(Status.PASS, message, List.of(evidence));
    }

    public static Outcome fail(String message, List<String> evidence) {
        return new Outcome(Status.FAIL, message, evidence);
    }

    public static Outcome fail(String message, String... evidence) {
        return new Outcome(Status.FAIL, message, List.of(evidence));
    }

    public static Outcome unknown(String message, List<String> evidence) {
        return new Outcome(Status.UNKNOWN, message, evidence);
    }

    /** UNKNOWN because a fact could not be read; the evidence names the call and the missing permission. */
    public static Outcome unknown(Unknown why) {
        return new Outcome(Status.UNKNOWN, why.describe(), List.of(why.describe()));
    }
}
