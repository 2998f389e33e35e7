package dev.bucketguard.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.ModelJson;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.scan.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads resources from a snapshot file. A file that is not valid JSON, or not a snapshot, stops with one line naming
 * the place; a single malformed resource becomes a {@link ScanError} of kind INPUT naming its place, and the other
 * resources are still scanned.
 */
public final class SnapshotProvider implements Provider {
    private static final Set<String> TOP_LEVEL = Set.of("formatVersion", "description", "resources");

    private final Path file;
    private final ObjectMapper json = ModelJson.mapper();
    /** Reads one element of the resources array: more tokens follow it, so trailing tokens are expected here. */
    private final ObjectReader elements = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public SnapshotProvider(Path file) {
        this.file = file;
    }

    @Override
    public String id() {
        return "snapshot";
    }

    @Override
    public Inventory collect(Set<Fact> facts, Progress progress) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        boolean sawVersion = false;
        boolean sawResources = false;
        try (InputStream in = Files.newInputStream(file); JsonParser p = json.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), "$", "a snapshot is a JSON object with 'formatVersion' and"
                        + " 'resources'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                p.nextToken();
                if (!TOP_LEVEL.contains(field)) {
                    throw error(at, "$." + field, "unknown field '" + field + "' (expected formatVersion,"
                            + " description, resources)");
                }
                switch (field) {
                    case "formatVersion" -> {
                        String v = p.getValueAsString();
                        if (v == null || !v.split("\\.")[0].equals(Snapshot.FORMAT_VERSION.split("\\.")[0])) {
                            throw error(at, "$.formatVersion", "snapshot format '" + v + "' is not supported (this"
                                    + " version reads " + Snapshot.FORMAT_VERSION + ")");
                        }
                        sawVersion = true;
                    }
                    case "description" -> p.skipChildren();
                    default -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw error(at, "$.resources", "must be an array of resources");
                        }
                        readResources(p, resources, errors);
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
            throw new ProviderException(file + ": cannot read: " + e.getClass().getSimpleName(), true, e);
        }
        if (!sawVersion) {
            throw new ProviderException(file + ": missing required field 'formatVersion'", true);
        }
        if (!sawResources) {
            throw new ProviderException(file + ": missing required field 'resources'", true);
        }
        progress.report("read " + resources.size() + " resources from " + file);
        return new Inventory(resources, errors);
    }

    private void readResources(JsonParser p, List<Resource> out, List<ScanError> errors) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation start = p.currentTokenLocation();
            JsonNode node = elements.readTree(p);
            String path = "$.resources[" + index + "]";
            try {
                out.add(json.treeToValue(node, Resource.class));
            } catch (JsonMappingException e) {
                String within = JsonInput.path(e);
                String name = node.path("id").isTextual() ? " (resource '" + node.path("id").asText() + "')" : "";
                errors.add(new ScanError("snapshot", file.toString(), ScanError.Kind.INPUT,
                        JsonInput.place(file, start, path + (within == null ? "" : within.substring(1))) + name
                                + ": " + JsonInput.message(e)));
            }
            index++;
        }
    }


    private ProviderException error(JsonLocation at, String path, String message) {
        return new ProviderException(JsonInput.place(file, at, path) + ": " + message, true);
    }

}
