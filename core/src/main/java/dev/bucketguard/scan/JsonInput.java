package dev.bucketguard.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.nio.file.Path;
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
        String m = firstLine(e.getOriginalMessage());
        if (m.startsWith("Unrecognized field")) {
            int open = m.indexOf('"');
            int close = m.indexOf('"', open + 1);
            return "unknown field " + (close > 0 ? m.substring(open, close + 1) : m);
        }
        return m;
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
