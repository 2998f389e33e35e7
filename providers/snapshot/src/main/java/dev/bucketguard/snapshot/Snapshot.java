package dev.bucketguard.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bucketguard.model.ModelJson;
import dev.bucketguard.model.Resource;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Writes snapshots (format {@value #FORMAT_VERSION}, see {@code docs/snapshot-format.md}): resources sorted by
 * provider, account, id and kind, so the same resources give the same bytes, and {@link SnapshotProvider} reads them
 * back unchanged.
 */
public final class Snapshot {
    /**
     * The snapshot format version; the major part must match for a file to be read. Version 1 files are refused
     * with a pointer to {@code scripts/snapshot-v1-to-v2.py}.
     */
    public static final String FORMAT_VERSION = "2.0";

    private Snapshot() {
    }

    /**
     * Writes the resources one at a time through a streaming generator: a 10,000-bucket scan saved with
     * {@code --save-snapshot} is never held as one JSON tree or one string. The bytes are those of the whole document
     * pretty-printed at once.
     */
    public static void write(List<Resource> resources, Writer out) throws IOException {
        ObjectMapper json = ModelJson.mapper();
        List<Resource> sorted = resources.stream()
                .sorted(Comparator.comparing(Resource::provider).thenComparing(Resource::account)
                        .thenComparing(Resource::id).thenComparing(Resource::kind))
                .toList();
        // No flush after each resource: the caller's buffered writer decides.
        ObjectWriter each = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator g = each.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("formatVersion", FORMAT_VERSION);
            g.writeArrayFieldStart("resources");
            for (Resource r : sorted) {
                each.writeValue(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    public static void write(List<Resource> resources, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(resources, w);
        }
    }
}
