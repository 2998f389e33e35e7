package dev.bucketguard.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a resource is, in its cloud's words: {@code BUCKET}, {@code STORAGE_ACCOUNT}. Each cloud declares the kinds
 * it has; the snapshot reader refuses a kind the resource's cloud does not declare.
 *
 * @param name UPPER_SNAKE_CASE
 */
public record ResourceKind(String name) implements Comparable<ResourceKind> {
    private static final Canonical<ResourceKind> CANONICAL = new Canonical<>(ResourceKind::new);

    @JsonCreator(mode = JsonCreator.Mode.DISABLED) // Jackson reads through of(), which shares instances
    public ResourceKind {
        Name.require(name, "resource kind");
    }

    /** The resource kind of this name: one shared instance per name. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ResourceKind of(String name) {
        return CANONICAL.of(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public int compareTo(ResourceKind o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
