package dev.bucketguard.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;

/** Writes a JSON tree the same way on every platform: two-space indent, "\n" line endings, a final newline. */
final class JsonOutput {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // A streamed report writes one subtree per resource; the writer is flushed once, at the end.
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .build();

    // Jackson's default indenter uses the platform line separator, which would make Windows output differ.
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("").withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonOutput() {
    }

    static void write(JsonNode tree, Writer out) throws IOException {
        WRITER.writeValue(out, tree);
        out.write('\n');
        out.flush();
    }

    /**
     * A generator that writes exactly as {@link #write} does, for a report too large to build as one tree first:
     * write the parts in order ({@link JsonGenerator#writeTree} for each subtree), close it, then call
     * {@link #end(Writer)}.
     */
    static JsonGenerator generator(Writer out) throws IOException {
        return WRITER.createGenerator(out);
    }

    /** The final newline, then the flush, as {@link #write} ends. */
    static void end(Writer out) throws IOException {
        out.write('\n');
        out.flush();
    }
}
