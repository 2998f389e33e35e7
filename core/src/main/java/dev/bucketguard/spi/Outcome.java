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
 * @param severity the finding's severity when it depends on the resource (a rule whose failure is worse on an exposed
 *                 resource); null for the rule's own {@link RuleDefinition#severity()}, which is then the highest it
 *                 gives. Set with {@link #withSeverity}.
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

    /** This outcome at another severity than the rule's, for this resource. */
    public Outcome withSeverity(Severity s) {
        return new Outcome(status, message, evidence, s);
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
