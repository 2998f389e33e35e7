package dev.bucketguard.spi;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The values the user gave a scan for the {@link Parameter}s that rules and clouds read: immutable, with each
 * parameter's default where none was given. The engine hands them to {@link Cloud#readAudit} and, through
 * {@link RuleContext}, to rules.
 *
 * <pre>{@code
 * ScanParameters p = ScanParameters.DEFAULTS.with(ScanParameters.LOG_RETENTION_DAYS, 90);
 * int days = p.get(ScanParameters.LOG_RETENTION_DAYS);
 * }</pre>
 */
public final class ScanParameters {
    /** How many days a record of a read must be kept ({@code --log-retention-days}). */
    public static final Parameter<Integer> LOG_RETENTION_DAYS = new Parameter<>("log-retention-days", Integer.class,
            365);

    /** Every parameter at its default. */
    public static final ScanParameters DEFAULTS = new ScanParameters(new TreeMap<>());

    private final Map<String, Object> values;

    private ScanParameters(Map<String, Object> values) {
        this.values = values;
    }

    /** The value given for {@code p}, or its default. */
    public <T> T get(Parameter<T> p) {
        Object v = values.get(p.name());
        return v == null ? p.defaultValue() : p.type().cast(v);
    }

    /** These parameters with {@code p} set to {@code value} (null: back to its default). */
    public <T> ScanParameters with(Parameter<T> p, T value) {
        Objects.requireNonNull(p, "parameter");
        Map<String, Object> copy = new TreeMap<>(values);
        if (value == null) {
            copy.remove(p.name());
        } else {
            copy.put(p.name(), p.type().cast(value));
        }
        return new ScanParameters(copy);
    }

    /** {@link #LOG_RETENTION_DAYS}. */
    public int logRetentionDays() {
        return get(LOG_RETENTION_DAYS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanParameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ScanParameters" + values;
    }
}
