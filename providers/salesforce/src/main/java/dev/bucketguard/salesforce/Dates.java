package dev.bucketguard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Salesforce's date-times ({@code 2026-11-24T00:00:00.000+0000}) as ISO-8601 instants ({@code 2026-11-24T00:00:00Z}). */
final class Dates {
    private static final DateTimeFormatter SALESFORCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private Dates() {
    }

    /** The instant, or null for a missing, null or unreadable value. */
    static Instant instant(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.asText("").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, SALESFORCE).toInstant();
        } catch (DateTimeParseException e) {
            // fall through to the other forms
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The ISO-8601 text of {@link #instant}, or null. */
    static String iso(JsonNode value) {
        Instant i = instant(value);
        return i == null ? null : i.toString();
    }
}
