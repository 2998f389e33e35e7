package dev.bucketguard.cloud.azure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ARM's time spans ({@code 1.12:00:00} is one day and twelve hours). */
final class Durations {
    private static final Pattern SPAN = Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?");

    private Durations() {
    }

    /** Seconds of a {@code [D.]HH:MM:SS} span, or null when absent or malformed. */
    static Long armSeconds(String span) {
        if (span == null) {
            return null;
        }
        Matcher m = SPAN.matcher(span.strip());
        if (!m.matches()) {
            return null;
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return ((days * 24 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 60
                + Long.parseLong(m.group(4));
    }
}
