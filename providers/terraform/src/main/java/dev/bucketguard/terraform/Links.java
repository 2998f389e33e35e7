package dev.bucketguard.terraform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the resource a companion belongs to (the bucket of an {@code aws_s3_bucket_policy}, the account of an
 * {@code azurerm_storage_container}): by the value where the plan knows it, otherwise by the references of the
 * companion's expression in {@code configuration}, instance to instance under count and for_each
 * ({@code aws_s3_bucket.tenant[count.index].id}, {@code each.value.id}, a literal index).
 */
final class Links {
    private static final Pattern REFERENCE = Pattern.compile("((?:data\\.)?[a-z][a-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*)"
            + "(?:\\[(\"[^\"]*\"|\\d+)])?.*");

    private final Map<String, List<PlanResource>> byName = new HashMap<>();
    private final Map<String, List<PlanResource>> byBlock = new HashMap<>();
    /** Each instance by module, block and index, so that count and for_each attach in constant time. */
    private final Map<String, PlanResource> byInstance = new HashMap<>();

    /** @param targets the resources companions attach to; {@code nameOf} gives a target's name where known */
    Links(List<PlanResource> targets, Function<PlanResource, String> nameOf) {
        for (PlanResource t : targets) {
            String name = nameOf.apply(t);
            if (name != null) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
            }
            byBlock.computeIfAbsent(t.module() + "|" + t.configAddress(), k -> new ArrayList<>()).add(t);
            byInstance.put(t.module() + "|" + t.configAddress() + "|" + t.index().asText(), t);
        }
    }

    /** The target whose name is {@code name}, when exactly one has it. */
    Optional<PlanResource> byName(String name) {
        List<PlanResource> found = name == null ? null : byName.get(name);
        return found != null && found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * The target that {@code companion}'s {@code attribute} names: by its known value, else by the references of its
     * expression; empty when neither tells.
     */
    Optional<PlanResource> target(PlanResource companion, String attribute, String knownValue) {
        Optional<PlanResource> named = byName(knownValue);
        if (named.isPresent()) {
            return named;
        }
        List<String> refs = companion.references(attribute);
        boolean sameInstance = refs.contains("count.index") || refs.contains("each.key")
                || refs.stream().anyMatch(r -> r.startsWith("each.value"));
        for (String ref : refs) {
            Matcher m = REFERENCE.matcher(ref);
            if (!m.matches() || ref.startsWith("module.") || ref.startsWith("var.") || ref.startsWith("local.")
                    || ref.startsWith("each.") || ref.startsWith("count.")) {
                continue;
            }
            List<PlanResource> block = byBlock.get(companion.module() + "|" + m.group(1));
            if (block == null) {
                continue;
            }
            String literal = m.group(2) == null ? null : m.group(2).replace("\"", "");
            String key = companion.module() + "|" + m.group(1) + "|";
            if (literal != null && byInstance.containsKey(key + literal)) {
                return Optional.of(byInstance.get(key + literal));
            }
            if (literal == null && sameInstance && !companion.index().isMissingNode()) {
                PlanResource same = byInstance.get(key + companion.index().asText());
                if (same != null && same.index().equals(companion.index())) {
                    return Optional.of(same);
                }
            }
            for (PlanResource t : block) {
                boolean match;
                if (literal != null) {
                    match = t.index().asText().equals(literal);
                } else if (t.index().isMissingNode()) {
                    match = true;
                } else {
                    match = sameInstance && t.index().equals(companion.index());
                }
                if (match) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }
}
