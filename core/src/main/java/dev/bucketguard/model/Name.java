package dev.bucketguard.model;

import java.util.regex.Pattern;

/** The spelling shared by the open vocabularies of the model (facts, kinds, channels, tags): UPPER_SNAKE_CASE. */
final class Name {
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private Name() {
    }

    static String require(String name, String what) {
        if (name == null || !UPPER_SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' is not UPPER_SNAKE_CASE");
        }
        return name;
    }
}
