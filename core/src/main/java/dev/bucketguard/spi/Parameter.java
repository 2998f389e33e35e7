package dev.bucketguard.spi;

import java.util.Objects;

/**
 * One scan parameter that rules or a cloud's answers depend on, such as the log retention the user requires. A
 * module declares its own parameters as constants (core declares the ones every cloud shares, in
 * {@link ScanParameters}); the CLI sets them from flags, and rules read them from {@link RuleContext#parameters()}.
 *
 * @param name         the flag's name without dashes, kebab case: {@code log-retention-days}
 * @param type         the value's type
 * @param defaultValue the value when the user gives none; never null
 * @param <T>          the value's type
 */
public record Parameter<T>(String name, Class<T> type, T defaultValue) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a parameter name is kebab case: '" + name + "'");
        }
        if (!type.isInstance(defaultValue)) {
            throw new IllegalArgumentException("parameter " + name + " needs a default of type "
                    + type.getSimpleName());
        }
    }
}
