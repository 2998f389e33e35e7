package dev.bucketguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.ModelJson;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Parameter;
import dev.bucketguard.spi.ScanParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's cases as data, read from one JSON file.
 *
 * <p>The file is either a list of cases, or an object {@code {"rule": id, "base": {...}, "cases": [...]}} whose
 * {@code base} is a partial resource merged under every case's {@code resource}: objects merge field by field, lists
 * and values replace, and a {@code null} removes the base's field. A case is
 * {@code {"name", "resource", "trust": {"accounts", "organizations"}, "parameters": {"log-retention-days": 30},
 * "expect": {"status", "messageContains", "evidenceContains", "exposure", "severity"}}}: {@code parameters} are the
 * scan's parameters by name (numbers, strings, booleans). Resources are read with {@link ModelJson#mapper()}, so a misspelt field fails.
 *
 * @param ruleId the rule the file is for, when it says so; null otherwise
 * @param source where the file was read from
 * @param cases  the cases, in file order
 */
public record RuleFixture(String ruleId, URI source, List<RuleCase> cases) {
    private static final Set<String> FILE_FIELDS = Set.of("rule", "base", "cases");

    public RuleFixture {
        cases = List.copyOf(cases);
    }

    /** Reads a fixture; any problem (missing file, bad JSON, a misspelt field, duplicate names) is an error. */
    public static RuleFixture read(URL url) {
        ObjectMapper mapper = ModelJson.mapper();
        JsonNode root;
        try (InputStream in = url.openStream()) {
            root = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule fixture " + url + ": " + e.getMessage(), e);
        }
        String ruleId = null;
        JsonNode base = null;
        JsonNode cases = root;
        if (root.isObject()) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!FILE_FIELDS.contains(f)) {
                    throw new IllegalArgumentException(url + ": unknown field '" + f + "' (expected " + FILE_FIELDS
                            + ")");
                }
            }
            ruleId = root.hasNonNull("rule") ? root.get("rule").asText() : null;
            base = root.get("base");
            cases = root.get("cases");
        }
        if (cases == null || !cases.isArray()) {
            throw new IllegalArgumentException(url + ": expected a list of cases");
        }
        List<RuleCase> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode c : cases) {
            RuleCase rc = readCase(mapper, base, c, url);
            if (!names.add(rc.name())) {
                throw new IllegalArgumentException(url + ": two cases are named '" + rc.name() + "'");
            }
            out.add(rc);
        }
        try {
            return new RuleFixture(ruleId, url.toURI(), out);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + ": " + e.getMessage(), e);
        }
    }

    private record CaseJson(String name, JsonNode resource, TrustZone trust, Map<String, Object> parameters,
                            Expectation expect) {
    }

    private static RuleCase readCase(ObjectMapper mapper, JsonNode base, JsonNode node, URL url) {
        String label = node.hasNonNull("name") ? "case '" + node.get("name").asText() + "'" : "a case without name";
        try {
            CaseJson c = mapper.treeToValue(node, CaseJson.class);
            if (c.name() == null || c.name().isBlank()) {
                throw new IllegalArgumentException("a case needs a name");
            }
            if (c.resource() == null || c.expect() == null) {
                throw new IllegalArgumentException("a case needs a resource and an expect");
            }
            JsonNode merged = base == null ? c.resource() : merge(base.deepCopy(), c.resource());
            Resource resource = mapper.treeToValue(merged, Resource.class);
            return new RuleCase(c.name(), resource, c.trust(), c.expect(), parameters(c.parameters()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(url + ", " + label + ": " + e.getMessage(), e);
        }
    }

    /** The parameters by name, each of the type its JSON value has. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ScanParameters parameters(Map<String, Object> byName) {
        ScanParameters p = ScanParameters.DEFAULTS;
        if (byName == null) {
            return p;
        }
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(byName).entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof Integer || v instanceof String || v instanceof Boolean)) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' must be an integer, a string or "
                        + "a boolean");
            }
            p = p.with(new Parameter(e.getKey(), v.getClass(), v), v);
        }
        return p;
    }

    /** Merges {@code over} into {@code under}: objects field by field, everything else replaced, null removes. */
    static JsonNode merge(JsonNode under, JsonNode over) {
        if (!(under instanceof ObjectNode target) || !over.isObject()) {
            return over.deepCopy();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = over.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (target.has(e.getKey())) {
                target.set(e.getKey(), merge(target.get(e.getKey()), e.getValue()));
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return target;
    }
}
