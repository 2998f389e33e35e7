package dev.bucketguard.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Through what a grant reaches the data, in its cloud's words: {@code POLICY}, {@code ACL}, {@code IAM_BINDING},
 * {@code CONTAINER_ACCESS_LEVEL}. Each cloud declares the channels it has; the snapshot reader refuses a channel the
 * resource's cloud does not declare.
 *
 * @param name UPPER_SNAKE_CASE
 */
public record Channel(String name) implements Comparable<Channel> {
    @JsonCreator
    public Channel {
        Name.require(name, "channel");
    }

    public static Channel of(String name) {
        return new Channel(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public int compareTo(Channel o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
