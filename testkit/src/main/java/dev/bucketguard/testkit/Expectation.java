package dev.bucketguard.testkit;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What a rule case expects.
 *
 * @param status           PASS, FAIL or UNKNOWN
 * @param messageContains  texts the message must contain, each one (a single string is accepted)
 * @param evidenceContains texts that must each appear in some evidence line
 * @param exposure         the verdict the engine must reach on the case's resource; null to leave it unchecked
 * @param severity         the finding's severity (the rule's own unless the outcome sets one); null: unchecked
 * @param readsRecorded    the read audit the resource's cloud must answer; null to leave it unchecked
 */
public record Expectation(
        Outcome.Status status,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> messageContains,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> evidenceContains,
        Exposure exposure,
        Severity severity,
        ReadsRecorded readsRecorded) {

    public Expectation {
        Objects.requireNonNull(status, "expect.status");
        messageContains = messageContains == null ? List.of() : List.copyOf(messageContains);
        evidenceContains = evidenceContains == null ? List.of() : List.copyOf(evidenceContains);
    }

    /** An expectation that leaves severity and read audit unchecked. */
    public Expectation(Outcome.Status status, List<String> messageContains, List<String> evidenceContains,
                       Exposure exposure) {
        this(status, messageContains, evidenceContains, exposure, null, null);
    }
}
