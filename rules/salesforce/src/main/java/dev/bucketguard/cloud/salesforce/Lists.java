package dev.bucketguard.cloud.salesforce;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The list and date conventions of the details records: lists never null and sorted, dates ISO-8601 instants. */
final class Lists {
    private Lists() {
    }

    /** An immutable copy sorted by {@code order}; empty for null. */
    static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /** An immutable copy of distinct strings, sorted; empty for null. */
    static List<String> names(List<String> list) {
        return list == null ? List.of() : list.stream().distinct().sorted().toList();
    }

    /** Checks that a date is an ISO-8601 instant ({@code 2026-11-24T00:00:00Z}); null stays null. */
    static String instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not an ISO-8601 instant such as"
                    + " 2026-11-24T00:00:00Z: '" + value + "'");
        }
        return value;
    }

    static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }
}
