package dev.bucketguard.spi;

import java.util.Locale;

/** How bad a failing finding is, worst first. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /** True when this severity is at or above the given threshold (CRITICAL is at or above everything). */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
