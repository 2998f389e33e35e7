package dev.bucketguard.exposure;

import dev.bucketguard.model.Grant;
import java.util.Objects;

/**
 * What a grant does once guardrails are applied.
 *
 * @param grant  the grant
 * @param effect IN_FORCE, NEUTRALISED or UNDECIDED
 * @param why    the guardrail that neutralises it, or the fact whose absence leaves it undecided; null when in force
 */
public record GrantEffect(Grant grant, Effect effect, String why) {

    /** Whether a grant reaches the data. */
    public enum Effect {
        /** Nothing overrides it. */
        IN_FORCE,
        /** A guardrail overrides it. */
        NEUTRALISED,
        /** Whether a guardrail overrides it could not be read. */
        UNDECIDED
    }

    public GrantEffect {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(effect, "effect");
    }

    public boolean inForce() {
        return effect == Effect.IN_FORCE;
    }

    /** In force or undecided: may reach the data. */
    public boolean mayApply() {
        return effect != Effect.NEUTRALISED;
    }
}
