package dev.bucketguard.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's errors into one line for people: the file, the line and column, the JSON path, and the problem in
 * the field's words rather than Jackson's hints about Java types. Shared by every reader of user files.
 */
public final class JsonInput {
    private JsonInput() {
    }

    public static InputException error(Path file, JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m) : null;
        return new InputException(place(file, e.getLocation(), path) + ": " + message(e), e);
    }

    /** "file:line:col at $.path"; the location and the path are left out where unknown (null). */
    public static String place(Path file, JsonLocation at, String path) {
        StringBuilder b = new StringBuilder(String.valueOf(file));
        if (at != null && at.getLineNr() > 0) {
            b.append(':').append(at.getLineNr()).append(':').append(at.getColumnNr());
        }
        if (path != null) {
            b.append(" at ").append(path);
        }
        return b.toString();
    }

    /** The JSON path of a mapping error, such as {@code $.suppressions[0].reason}; null when Jackson gave none. */
    public static String path(JsonMappingException m) {
        if (m.getPath().isEmpty()) {
            return null;
        }
        return m.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                : "[" + r.getIndex() + "]").collect(Collectors.joining("", "$", ""));
    }

    /**
     * The most specific message: the validation message of a record constructor ("a grant needs at least one
     * permission"), "unknown field \"x\"", or Jackson's own first line without its hints.
     */
    public static String message(JsonProcessingException e) {
        Throwable c = e.getCause();
        if (e instanceof JsonMappingException && (c instanceof IllegalArgumentException
                || c instanceof NullPointerException)) {
            return firstLine(c.getMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown field \"" + u.getPropertyName() + "\"" + (known.isEmpty() ? ""
                    : " (expected " + String.join(", ", known) + ")");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            Object v = f.getValue();
            return (v instanceof String ? "'" + v + "'" : "the number " + v) + " is not one of: "
                    + String.join(", ", enumNames(f.getTargetType()));
        }
        String m = firstLine(e.getOriginalMessage());
        if (m.startsWith("Unrecognized field")) {
            int open = m.indexOf('"');
            int close = m.indexOf('"', open + 1);
            return "unknown field " + (close > 0 ? m.substring(open, close + 1) : m);
        }
        if (e instanceof MismatchedInputException x && x.getTargetType() != null) {
            String found = m.matches(".*\\bfrom (String|Integer|Floating-point|Boolean|Null|Array|Object)\\b.*")
                    ? m.replaceAll(".*\\bfrom (String|Integer|Floating-point|Boolean|Null|Array|Object)"
                    + "( value)?\\b.*", "$1").toLowerCase(Locale.ROOT) : null;
            String want = expected(x.getTargetType());
            if (want != null) {
                return "expected " + want + (found == null ? "" : ", found " + (found.equals("null") ? "null"
                        : found.startsWith("a") || found.startsWith("o") || found.startsWith("i")
                        ? "an " + found : "a " + found));
            }
        }
        return m;
    }

    /** The names an enum is written with: its {@code @JsonProperty} names where it has them, sorted. */
    private static List<String> enumNames(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            try {
                JsonProperty p = type.getField(name).getAnnotation(JsonProperty.class);
                out.add(p != null && !p.value().isEmpty() ? p.value() : name);
            } catch (NoSuchFieldException ex) {
                out.add(name);
            }
        }
        out.sort(String.CASE_INSENSITIVE_ORDER);
        return out;
    }

    /** What a Java type is written as in JSON, for people; null when it has no short name. */
    private static String expected(Class<?> t) {
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t.isEnum()) {
            return "one of: " + String.join(", ", enumNames(t));
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        if (t.isRecord() || Map.class.isAssignableFrom(t)) {
            return "an object";
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String line = message.lines().findFirst().orElse("malformed").trim();
        int cut = line.indexOf(" (class ");
        if (cut > 0) {
            line = line.substring(0, cut);
        }
        // Jackson's hints name Java types and features; people need the field and the problem.
        return line.replaceAll("\\(for [^)]*\\)", "").replaceAll("\\(set [^)]*\\)", "")
                .replaceAll("\\(through reference chain[^)]*\\)", "").replaceAll("`[\\w.$]+`", "")
                .replaceAll("\\s+", " ").trim();
    }
}
