package dev.bucketguard.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.bucketguard.model.ModelJson;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.scan.JsonInput;
import dev.bucketguard.spi.Clouds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads resources from a snapshot file (format {@value Snapshot#FORMAT_VERSION}, see {@code docs/snapshot-format.md}).
 * A file that is not valid JSON, or not a snapshot of this version, stops with one line naming the place; a single
 * resource that does not belong (an unknown provider, another cloud's field, fact, channel or kind, an enum value its
 * cloud does not have, a duplicate key) becomes a {@link ScanError} of kind INPUT naming the file, the line and column
 * of the offending field, and its JSON path, and the other resources are still scanned.
 *
 * <p>Every cloud whose resources the file holds must be on the class path (its {@code rules/<cloud>} module); no cloud
 * SDK is needed.
 */
public final class SnapshotProvider implements Provider {
    private static final Set<String> TOP_LEVEL = Set.of("formatVersion", "description", "resources");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final String MAJOR = Snapshot.FORMAT_VERSION.substring(0, Snapshot.FORMAT_VERSION.indexOf('.'));

    private final Path file;
    private final ObjectReader resources;
    /** Duplicate keys are found by this reader itself, so that one resource's duplicate does not stop the file. */
    private final JsonFactory tokens;

    /** A reader of resources of the clouds on the class path. */
    public SnapshotProvider(Path file) {
        this(file, Clouds.discover());
    }

    /** A reader of resources of these clouds only. */
    public SnapshotProvider(Path file, Clouds clouds) {
        this.file = file;
        ObjectMapper json = ModelJson.mapper(clouds);
        this.resources = json.readerFor(Resource.class);
        this.tokens = json.getFactory().rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    @Override
    public String id() {
        return "snapshot";
    }

    /** Reads every resource of the file; a snapshot holds what was collected, so {@code facts} changes nothing. */
    @Override
    public Inventory collect(FactSelection facts, Progress progress) {
        List<Resource> out = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        boolean sawVersion = false;
        boolean sawResources = false;
        try (InputStream in = Files.newInputStream(file); JsonParser p = tokens.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), "$", "a snapshot is a JSON object with 'formatVersion' and"
                        + " 'resources'");
            }
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                p.nextToken();
                if (!TOP_LEVEL.contains(field)) {
                    throw error(at, "$." + field, "unknown field '" + field + "' (expected formatVersion,"
                            + " description, resources)");
                }
                if (!seen.add(field)) {
                    throw error(at, "$." + field, "duplicate field '" + field + "'");
                }
                switch (field) {
                    case "formatVersion" -> {
                        version(p, at);
                        sawVersion = true;
                    }
                    case "description" -> {
                        if (p.currentToken() != JsonToken.VALUE_STRING) {
                            throw error(at, "$.description", "'description' is free text, a string");
                        }
                    }
                    default -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw error(at, "$.resources", "'resources' is an array of resources");
                        }
                        readResources(p, out, errors);
                        sawResources = true;
                    }
                }
            }
            if (p.nextToken() != null) {
                throw error(p.currentTokenLocation(), "$", "unexpected content after the snapshot object");
            }
        } catch (JsonProcessingException e) {
            throw new ProviderException(JsonInput.place(file, e.getLocation(), null) + ": not valid JSON: "
                    + JsonInput.message(e), true, e);
        } catch (NoSuchFileException e) {
            throw new ProviderException(file + ": no such file", true, e);
        } catch (IOException e) {
            throw new ProviderException(file + ": cannot read: " + dev.bucketguard.provider.IoErrors.describe(e), true,
                    e);
        }
        if (!sawVersion) {
            throw new ProviderException(file + ": missing required field 'formatVersion'", true);
        }
        if (!sawResources) {
            throw new ProviderException(file + ": missing required field 'resources'", true);
        }
        progress.report("read " + out.size() + " resources from " + file);
        return new Inventory(out, errors);
    }

    private void version(JsonParser p, JsonLocation at) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error(at, "$.formatVersion", "formatVersion is a string such as \"" + Snapshot.FORMAT_VERSION
                    + "\"");
        }
        String v = p.getText();
        Matcher m = VERSION.matcher(v);
        if (!m.matches()) {
            throw error(at, "$.formatVersion", "formatVersion '" + v + "' is not a version such as \""
                    + Snapshot.FORMAT_VERSION + "\"");
        }
        if (m.group(1).equals("1")) {
            throw error(at, "$.formatVersion", "formatVersion " + v + " snapshots are no longer read; convert with"
                    + " scripts/snapshot-v1-to-v2.py");
        }
        if (!m.group(1).equals(MAJOR)) {
            throw error(at, "$.formatVersion", "formatVersion " + v + " is not supported (this version reads "
                    + MAJOR + ".x)");
        }
    }

    private void readResources(JsonParser p, List<Resource> out, List<ScanError> errors) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String path = "$.resources[" + index++ + "]";
            Element e = new Element(path);
            TokenBuffer buffer = new TokenBuffer(p, null);
            e.copy(p, buffer, path);
            if (e.duplicate != null) {
                errors.add(inputError(e.duplicateAt, e.duplicate, e.id, "duplicate field '"
                        + e.duplicate.substring(Math.max(e.duplicate.lastIndexOf('.'), e.duplicate.lastIndexOf('['))
                        + 1) + "'"));
                continue;
            }
            try (JsonParser r = buffer.asParser()) {
                out.add(resources.readValue(r));
            } catch (JsonMappingException x) {
                String within = JsonInput.path(x);
                String full = within == null ? path : path + within.substring(1);
                errors.add(inputError(e.place(full), full, e.id, JsonInput.message(x)));
            }
        }
    }

    private ScanError inputError(JsonLocation at, String path, String id, String message) {
        return new ScanError("snapshot", file.toString(), ScanError.Kind.INPUT, JsonInput.place(file, at, path)
                + (id == null ? "" : " (resource '" + id + "')") + ": " + message);
    }

    private ProviderException error(JsonLocation at, String path, String message) {
        return new ProviderException(JsonInput.place(file, at, path) + ": " + message, true);
    }

    /**
     * One element of the resources array, copied token by token: where each field and array element starts (by JSON
     * path), the first duplicate key, and the resource's id for messages.
     */
    private static final class Element {
        private final String root;
        private final Map<String, JsonLocation> places = new HashMap<>();
        private String duplicate;
        private JsonLocation duplicateAt;
        private String id;

        Element(String root) {
            this.root = root;
        }

        void copy(JsonParser p, TokenBuffer out, String path) throws IOException {
            places.putIfAbsent(path, p.currentTokenLocation());
            switch (p.currentToken()) {
                case START_OBJECT -> {
                    out.writeStartObject();
                    Set<String> names = new HashSet<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        String child = path + "." + name;
                        if (!names.add(name) && duplicate == null) {
                            duplicate = child;
                            duplicateAt = p.currentTokenLocation();
                        }
                        places.putIfAbsent(child, p.currentTokenLocation());
                        out.writeFieldName(name);
                        p.nextToken();
                        if (path.equals(root) && name.equals("id") && p.currentToken() == JsonToken.VALUE_STRING) {
                            id = p.getText();
                        }
                        copy(p, out, child);
                    }
                    out.writeEndObject();
                }
                case START_ARRAY -> {
                    out.writeStartArray();
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        copy(p, out, path + "[" + i++ + "]");
                    }
                    out.writeEndArray();
                }
                default -> out.copyCurrentEvent(p);
            }
        }

        /** Where the field at this path, or the nearest enclosing one, starts. */
        JsonLocation place(String path) {
            String p = path;
            while (!places.containsKey(p) && p.length() > root.length()) {
                p = p.substring(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('[')));
            }
            return places.getOrDefault(p, places.get(root));
        }
    }
}
