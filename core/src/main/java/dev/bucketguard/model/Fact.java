package dev.bucketguard.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A fact about a resource that a provider reads with one or a few API calls. Rules and verdicts declare the facts
 * they need, and a provider fetches only those; a fact that was requested and could not be read is recorded as an
 * {@link Unknown}.
 *
 * <p>The set is open: each cloud declares its own facts (see {@code dev.bucketguard.spi.Cloud#facts()}). Core
 * declares only the fact behind a field of the envelope itself, {@link #ENCRYPTION}.
 *
 * @param name UPPER_SNAKE_CASE, unique within a cloud
 */
public record Fact(String name) implements Comparable<Fact> {
    private static final Canonical<Fact> CANONICAL = new Canonical<>(Fact::new);

    /** Default encryption at rest: {@link Resource#encryption()}. */
    public static final Fact ENCRYPTION = of("ENCRYPTION");

    @JsonCreator(mode = JsonCreator.Mode.DISABLED) // Jackson reads through of(), which shares instances
    public Fact {
        Name.require(name, "fact");
    }

    /** The fact of this name: one shared instance per name. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Fact of(String name) {
        return CANONICAL.of(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public int compareTo(Fact o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
