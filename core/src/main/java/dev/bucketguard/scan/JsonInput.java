package dev.bucketguard.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Turns Jackson's errors into one line that names the file, the line and column, and the JSON path. */
public final class JsonInput {
    private JsonInput() {
    }

    public static InputException error(Path file, JsonProcessingException e) {
        StringBuilder b = new StringBuilder(String.valueOf(file));
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            b.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            b.append(" at ").append(path(m));
        }
        b.append(": ").append(firstLine(e.getOriginalMessage()));
        return new InputException(b.toString(), e);
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                : "[" + r.getIndex() + "]").collect(Collectors.joining("", "$", ""));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String line = message.lines().findFirst().orElse("malformed").trim();
        // Jackson appends hints about the Java class; people need the field and the problem, not our class names.
        int cut = line.indexOf(" (class ");
        if (cut > 0) {
            line = line.substring(0, cut);
        }
        line = line.replaceAll("\\(for [^)]*\\)", "").replaceAll("`dev\\.bucketguard\\.[\\w.$]*`", "").trim();
        return line;
    }
}
