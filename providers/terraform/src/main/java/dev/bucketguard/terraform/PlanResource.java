package dev.bucketguard.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One resource instance of a plan, as {@code resource_changes} gives it, with its block of {@code configuration}.
 *
 * @param address     the full address: {@code module.logs.aws_s3_bucket.tenant["beta"]}
 * @param module      the module address ({@code module.logs}); empty in the root module
 * @param mode        {@code managed} or {@code data}
 * @param type        the resource type: {@code aws_s3_bucket}
 * @param name        the name in the configuration: {@code tenant}
 * @param index       the count index or for_each key; missing when the resource has neither
 * @param actions     what the plan does: create, update, no-op, delete, read
 * @param after       the values after apply (known ones); null-node for a delete
 * @param afterUnknown which values are known only after apply
 * @param config      the resource's block in {@code configuration}; missing when the plan has none
 */
record PlanResource(String address, String module, String mode, String type, String name, JsonNode index,
                    List<String> actions, JsonNode after, JsonNode afterUnknown, JsonNode config) {

    PlanResource {
        actions = List.copyOf(actions);
        after = after == null || after.isNull() ? MissingNode.getInstance() : after;
        afterUnknown = afterUnknown == null || afterUnknown.isNull() ? MissingNode.getInstance() : afterUnknown;
        config = config == null ? MissingNode.getInstance() : config;
        index = index == null || index.isNull() ? MissingNode.getInstance() : index;
    }

    /** One instance of the plan is one resource: identity, not a deep comparison of its values (they key maps). */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    boolean data() {
        return "data".equals(mode);
    }

    /** True when the plan destroys it and creates nothing in its place. */
    boolean destroyed() {
        return actions.contains("delete") && !actions.contains("create");
    }

    /** True when the plan creates it (a replace included): the cloud's defaults for new resources apply. */
    boolean created() {
        return actions.contains("create");
    }

    /** The address without the module path and index, as {@code configuration} names the block: {@code aws_s3_bucket.x}. */
    String configAddress() {
        return (data() ? "data." : "") + type + "." + name;
    }

    /** A known string value of a top-level attribute; null when absent, null or unknown. */
    String string(String attribute) {
        JsonNode v = after.path(attribute);
        return v.isTextual() && !unknown(attribute) ? v.asText() : null;
    }

    /** A known boolean; null when absent or unknown. */
    Boolean bool(String attribute) {
        JsonNode v = after.path(attribute);
        return v.isBoolean() && !unknown(attribute) ? v.asBoolean() : null;
    }

    /** True when the attribute, or any part of it, is known only after apply. */
    boolean unknown(String attribute) {
        return anyTrue(afterUnknown.path(attribute));
    }

    static boolean anyTrue(JsonNode n) {
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isContainerNode()) {
            for (JsonNode c : n) {
                if (anyTrue(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first element of a nested block ({@code rule}, {@code website}); missing when there is none. */
    JsonNode block(String attribute) {
        JsonNode v = after.path(attribute);
        return v.isArray() && !v.isEmpty() ? v.get(0) : MissingNode.getInstance();
    }

    /** True when the configuration gives this attribute an expression (or a block of that name). */
    boolean configured(String attribute) {
        JsonNode e = config.path("expressions").path(attribute);
        return !e.isMissingNode() && !e.isNull();
    }

    /** The references of an attribute's expression in the configuration ({@code aws_s3_bucket.x.id}, {@code count.index}). */
    List<String> references(String attribute) {
        return references(config.path("expressions").path(attribute));
    }

    /** The references of an expression of {@code configuration}, nested blocks included. */
    static List<String> references(JsonNode expression) {
        List<String> out = new ArrayList<>();
        collectReferences(expression, out);
        return out;
    }

    private static void collectReferences(JsonNode n, List<String> out) {
        JsonNode refs = n.path("references");
        if (refs.isArray()) {
            refs.forEach(r -> out.add(r.asText()));
        }
        if (n.isContainerNode()) {
            for (JsonNode c : n) {
                if (c.isContainerNode()) {
                    collectReferences(c, out);
                }
            }
        }
    }

    /** The index as Terraform writes it in an address: {@code [0]} or {@code ["beta"]}; empty when none. */
    String indexText() {
        if (index.isMissingNode()) {
            return "";
        }
        return index.isNumber() ? "[" + index.asText() + "]" : "[\"" + index.asText() + "\"]";
    }
}
