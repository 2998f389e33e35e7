package dev.bucketguard.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public static void write(List<Resource> resources, Writer out) throws IOException {
        ObjectMapper json = ModelJson.mapper();
        ObjectNode root = json.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode array = root.putArray("resources");
        resources.stream()
                .sorted(Comparator.comparing(Resource::provider).thenComparing(Resource::account)
                        .thenComparing(Resource::id).thenComparing(Resource::kind))
                .forEach(r -> array.add(json.valueToTree(r)));
        out.write(json.writeValueAsString(root));
        out.write("\n");
        out.flush();
    }

    public static void write(List<Resource> resources, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(resources, w);
        }
    }
}
