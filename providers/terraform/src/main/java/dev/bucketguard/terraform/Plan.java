package dev.bucketguard.terraform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.provider.IoErrors;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.scan.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The documented JSON of {@code terraform show -json} for a saved plan (format_version 1.x; OpenTofu writes the same):
 * every resource instance of {@code resource_changes} in the root module and every child module, with its block of
 * {@code configuration}, and the data sources read while planning ({@code prior_state}). A file that is no plan (a state
 * file, the JSON of a state, a truncated file) stops with one line naming the file.
 */
final class Plan {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Top-level sections of a plan that nothing here reads: planned_values repeats resource_changes' values. */
    private static final Set<String> UNUSED = Set.of("planned_values", "resource_drift", "output_changes",
            "relevant_attributes", "checks", "variables");
    private static final List<String> UNUSED_IN_CHANGE = List.of("before", "before_sensitive", "after_sensitive",
            "before_identity", "after_identity");
    private static final Pattern MODULE_STEP = Pattern.compile("module\\.([^.\\[]+)(\\[[^]]*])?");

    private final Path file;
    private final JsonNode root;
    private final List<PlanResource> resources;

    private Plan(Path file, JsonNode root, List<PlanResource> resources) {
        this.file = file;
        this.root = root;
        this.resources = resources;
    }

    /** Reads and checks a plan file; a {@link ProviderException} (input error) with one line otherwise. */
    static Plan read(Path file) {
        JsonNode root;
        if (Files.isDirectory(file)) {
            throw new ProviderException(file + ": is a directory; give the file that 'terraform show -json PLANFILE'"
                    + " wrote", true);
        }
        try (InputStream in = Files.newInputStream(file)) {
            root = readLean(in);
        } catch (JsonProcessingException e) {
            throw new ProviderException(JsonInput.place(file, e.getLocation(), null) + ": not valid JSON ("
                    + JsonInput.message(e) + "); is the plan file complete?", true, e);
        } catch (NoSuchFileException e) {
            throw new ProviderException(file + ": no such file", true, e);
        } catch (IOException e) {
            throw new ProviderException(file + ": cannot read: " + IoErrors.describe(e), true, e);
        }
        if (root == null || !root.isObject()) {
            throw notAPlan(file, "it is not a JSON object");
        }
        if (!root.has("format_version")) {
            if (root.has("version") && root.has("resources")) {
                throw notAPlan(file, "it is a Terraform state file");
            }
            throw notAPlan(file, "it has no format_version");
        }
        String version = root.path("format_version").asText();
        if (!version.matches("1(\\.\\d+)*")) {
            throw new ProviderException(file + ": plan format_version " + version + " is not supported (1.x is)",
                    true);
        }
        if (!root.has("planned_values") && !root.has("resource_changes")) {
            throw notAPlan(file, root.has("values") ? "it is the JSON of a state (terraform show -json without a plan"
                    + " file)" : "it has neither planned_values nor resource_changes");
        }
        JsonNode changes = root.path("resource_changes");
        if (!changes.isMissingNode() && !changes.isArray()) {
            throw notAPlan(file, "resource_changes is not an array");
        }
        Plan plan = new Plan(file, root, new ArrayList<>());
        for (JsonNode c : changes) {
            plan.resources.add(plan.resource(c));
        }
        return plan;
    }

    /**
     * The plan's JSON without what is never read, so that memory follows what the scan needs rather than the size of
     * the file: the top-level sections in {@link #UNUSED} are skipped (their presence is kept, as null), and each
     * resource change drops its old values ({@code before}, a copy of the state) and its sensitivity masks.
     */
    private static JsonNode readLean(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return first == null ? null : JSON.readTree(p);
            }
            ObjectNode root = JSON.createObjectNode();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == null) {
                    break;
                }
                if (UNUSED.contains(name)) {
                    p.skipChildren();
                    root.putNull(name);
                } else if ("resource_changes".equals(name) && value == JsonToken.START_ARRAY) {
                    ArrayNode changes = root.putArray(name);
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
                        JsonNode c = JSON.readTree(p);
                        if (c.path("change") instanceof ObjectNode change) {
                            change.remove(UNUSED_IN_CHANGE);
                        }
                        changes.add(c);
                    }
                } else {
                    root.set(name, JSON.readTree(p));
                }
            }
            return root;
        }
    }

    /**
     * Adds what {@code map} makes of one resource of the plan; a plan whose values have a shape the mapping does not
     * expect (a hand-edited or hostile file) costs that resource only: it is listed as not scanned, the others are.
     */
    static void mapped(List<Resource> out, List<ScanError> errors, String cloud, String address,
                       Supplier<Resource> map) {
        try {
            out.add(map.get());
        } catch (RuntimeException e) {
            errors.add(new ScanError(cloud, address, ScanError.Kind.CLOUD_DATA, address + ": its values in the plan"
                    + " have a shape bucketguard does not expect (" + e.getClass().getSimpleName() + "); it is not"
                    + " scanned"));
        }
    }

    private static ProviderException notAPlan(Path file, String why) {
        return new ProviderException(file + ": not a Terraform plan: " + why + "; give the output of"
                + " 'terraform show -json PLANFILE' for a plan saved with 'terraform plan -out PLANFILE'", true);
    }

    private PlanResource resource(JsonNode c) {
        String address = text(c, "address");
        String type = text(c, "type");
        String name = text(c, "name");
        if (address == null || type == null || name == null) {
            throw new ProviderException(file + ": not a Terraform plan: a resource change lacks address, type or"
                    + " name", true);
        }
        String module = c.path("module_address").asText("");
        String mode = c.path("mode").asText("managed");
        JsonNode change = c.path("change");
        List<String> actions = new ArrayList<>();
        change.path("actions").forEach(a -> actions.add(a.asText()));
        PlanResource partial = new PlanResource(address, module, mode, type, name, c.get("index"), actions,
                change.get("after"), change.get("after_unknown"), null);
        return new PlanResource(address, module, mode, type, name, c.get("index"), actions, change.get("after"),
                change.get("after_unknown"), configBlock(module, partial.configAddress()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    Path file() {
        return file;
    }

    /** Every resource instance the plan mentions, destroyed ones included. */
    List<PlanResource> resources() {
        return resources;
    }

    /** The module's configuration ({@code module_calls} followed from the root); missing when not in the plan. */
    JsonNode configModule(String moduleAddress) {
        JsonNode m = root.path("configuration").path("root_module");
        for (String call : moduleCalls(moduleAddress)) {
            m = m.path("module_calls").path(call).path("module");
        }
        return m;
    }

    /** The module call names of a module address: {@code module.a[0].module.b} is a, b. */
    static List<String> moduleCalls(String moduleAddress) {
        List<String> calls = new ArrayList<>();
        Matcher m = MODULE_STEP.matcher(moduleAddress == null ? "" : moduleAddress);
        while (m.find()) {
            calls.add(m.group(1));
        }
        return calls;
    }

    /** The {@code source} of each module call along a module address, from the root. */
    List<String> moduleSources(String moduleAddress) {
        List<String> sources = new ArrayList<>();
        JsonNode m = root.path("configuration").path("root_module");
        for (String call : moduleCalls(moduleAddress)) {
            JsonNode c = m.path("module_calls").path(call);
            sources.add(c.path("source").asText(""));
            m = c.path("module");
        }
        return sources;
    }

    private final Map<String, Map<String, JsonNode>> configCache = new HashMap<>();

    private JsonNode configBlock(String module, String configAddress) {
        Map<String, JsonNode> blocks = configCache.computeIfAbsent(module, m -> {
            Map<String, JsonNode> byAddress = new HashMap<>();
            configModule(m).path("resources").forEach(r -> byAddress.put(r.path("address").asText(), r));
            return byAddress;
        });
        return blocks.getOrDefault(configAddress, MissingNode.getInstance());
    }

    /** A constant of a provider's configuration in the root module ({@code region}, {@code project}). */
    Optional<String> providerConstant(String provider, String attribute) {
        JsonNode v = root.path("configuration").path("provider_config").path(provider).path("expressions")
                .path(attribute).path("constant_value");
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** The data sources read while planning (their values are in {@code prior_state}), of one type. */
    List<JsonNode> priorData(String type) {
        List<JsonNode> out = new ArrayList<>();
        collectData(root.path("prior_state").path("values").path("root_module"), type, out);
        return out;
    }

    private static void collectData(JsonNode module, String type, List<JsonNode> out) {
        for (JsonNode r : module.path("resources")) {
            if ("data".equals(r.path("mode").asText()) && type.equals(r.path("type").asText())) {
                out.add(r.path("values"));
            }
        }
        for (JsonNode child : module.path("child_modules")) {
            collectData(child, type, out);
        }
    }
}
