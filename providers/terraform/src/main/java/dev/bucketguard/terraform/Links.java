package dev.bucketguard.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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

    /** {@code module.m.out} or {@code module.m["k"].out}. */
    private static final Pattern MODULE_OUTPUT = Pattern.compile("module\\.([^.\\[]+)(\\[[^]]*])?\\.([^.\\[]+).*");
    /** How many module boundaries a reference is followed across. */
    private static final int MAX_MODULE_HOPS = 16;

    private final Map<String, List<PlanResource>> byName = new HashMap<>();
    private final Map<String, List<PlanResource>> byBlock = new HashMap<>();
    /** Each instance by module, block and index, so that count and for_each attach in constant time. */
    private final Map<String, PlanResource> byInstance = new HashMap<>();

    private final Plan plan;

    /**
     * @param plan    the plan whose configuration links modules; null to follow references within a module only
     * @param targets the resources companions attach to; {@code nameOf} gives a target's name where known
     */
    Links(Plan plan, List<PlanResource> targets, Function<PlanResource, String> nameOf) {
        this.plan = plan;
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
     * expression, followed across modules (a {@code var.x} to the module call's argument, a {@code module.m.out} to
     * that module's output); empty when neither tells.
     */
    Optional<PlanResource> target(PlanResource companion, String attribute, String knownValue) {
        Optional<PlanResource> named = byName(knownValue);
        if (named.isPresent()) {
            return named;
        }
        List<String> refs = new ArrayList<>(companion.references(attribute));
        boolean eachValue = refs.stream().anyMatch(r -> r.startsWith("each.value"));
        boolean sameInstance = refs.contains("count.index") || refs.contains("each.key") || eachValue;
        if (eachValue) {
            // for_each = aws_s3_bucket.tenant, bucket = each.value.id: the resource is named by the for_each.
            refs.addAll(PlanResource.references(companion.config().path("for_each_expression")));
        }
        return resolve(companion, refs, companion.module(), sameInstance, 0);
    }

    private Optional<PlanResource> resolve(PlanResource companion, List<String> refs, String module,
                                           boolean sameInstance, int depth) {
        if (depth > MAX_MODULE_HOPS) {
            return Optional.empty();
        }
        for (String ref : refs) {
            Optional<PlanResource> found = ref.startsWith("var.") ? viaVariable(companion, ref, module, depth)
                    : ref.startsWith("module.") ? viaOutput(companion, ref, module, depth)
                    : inModule(companion, ref, module, sameInstance);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code var.x} of a child module: the references of argument x of its module call, in the parent module. */
    private Optional<PlanResource> viaVariable(PlanResource companion, String ref, String module, int depth) {
        int cut = module.lastIndexOf("module.");
        if (plan == null || cut < 0) {
            return Optional.empty();
        }
        String parent = cut == 0 ? "" : module.substring(0, cut - 1);
        List<String> calls = Plan.moduleCalls(module);
        String variable = ref.substring("var.".length()).replaceFirst("[.\\[].*", "");
        JsonNode argument = plan.configModule(parent).path("module_calls").path(calls.get(calls.size() - 1))
                .path("expressions").path(variable);
        return resolve(companion, PlanResource.references(argument), parent, false, depth + 1);
    }

    /** {@code module.m.out}: the references of output out of module m, in that module. */
    private Optional<PlanResource> viaOutput(PlanResource companion, String ref, String module, int depth) {
        Matcher m = MODULE_OUTPUT.matcher(ref);
        if (plan == null || !m.matches()) {
            return Optional.empty();
        }
        String child = (module.isEmpty() ? "" : module + ".") + "module." + m.group(1) + (m.group(2) == null ? ""
                : m.group(2));
        JsonNode output = plan.configModule(module).path("module_calls").path(m.group(1)).path("module")
                .path("outputs").path(m.group(3)).path("expression");
        return resolve(companion, PlanResource.references(output), child, false, depth + 1);
    }

    /** A reference to a resource block of {@code module}, instance to instance where count or for_each is used. */
    private Optional<PlanResource> inModule(PlanResource companion, String ref, String module, boolean sameInstance) {
        Matcher m = REFERENCE.matcher(ref);
        if (!m.matches() || ref.startsWith("local.") || ref.startsWith("each.") || ref.startsWith("count.")
                || ref.startsWith("path.") || ref.startsWith("terraform.")) {
            return Optional.empty();
        }
        List<PlanResource> block = byBlock.get(module + "|" + m.group(1));
        if (block == null) {
            return Optional.empty();
        }
        String literal = m.group(2) == null ? null : m.group(2).replace("\"", "");
        String key = module + "|" + m.group(1) + "|";
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
        return Optional.empty();
    }

    /**
     * Attaches each companion to its owner (a bucket, a storage account): the owner block of the plan that its
     * attribute names (see {@link #target}), else an owner outside the plan by the name the value gives. A companion
     * whose owner is known only after apply and named by no reference is an orphan: a scan error for it, and it goes
     * to {@code orphans}, since what it sets may apply to any owner of the plan.
     *
     * @param companions the companions, in plan order
     * @param byBlock    an owner for each owner block of the plan, in plan order
     * @param outside    makes an owner outside the plan from its name
     * @param attribute  the companion's attribute that names its owner ("bucket")
     * @param nameOf     the owner's name from that attribute's value ("b/x" to "x"); the value is never null
     * @param add        adds a companion to its owner
     * @param noun       what an owner is, for the error: "bucket", "storage account"
     * @return the owners of the plan, then those outside it, each once
     */
    <T> List<T> attach(List<PlanResource> companions, Map<PlanResource, T> byBlock, Function<String, T> outside,
                       Function<PlanResource, String> attribute, UnaryOperator<String> nameOf,
                       BiConsumer<T, PlanResource> add, String provider, String noun, List<ScanError> errors,
                       List<PlanResource> orphans) {
        Map<String, T> elsewhere = new LinkedHashMap<>();
        for (PlanResource c : companions) {
            String a = attribute.apply(c);
            String value = c.string(a);
            String name = value == null ? null : nameOf.apply(value);
            Optional<PlanResource> block = target(c, a, name);
            T owner;
            if (block.isPresent()) {
                owner = byBlock.get(block.get());
            } else if (name != null) {
                owner = elsewhere.computeIfAbsent(name, outside);
            } else {
                errors.add(new ScanError(provider, c.address(), ScanError.Kind.CLOUD_DATA, c.address() + ": which "
                        + noun + " it belongs to is known only after apply and no reference in the configuration names"
                        + " a " + noun + " of this plan; what it sets is unknown on every " + noun + " of the plan"));
                orphans.add(c);
                continue;
            }
            add.accept(owner, c);
        }
        List<T> all = new ArrayList<>(byBlock.values());
        all.addAll(elsewhere.values());
        return all;
    }

    /**
     * What the orphans of {@link #attach} may set on one owner: unknown, never "not set", since each may belong to it.
     *
     * @param sets  the fact each companion type sets
     * @param owner the owner as a person reads it ("bucket 'x'", "storage account 'y'")
     * @param noun  what an owner is ("bucket", "account")
     */
    static void undecided(Resource.Builder out, List<PlanResource> orphans, Map<String, Fact> sets, String owner,
                          String noun) {
        for (PlanResource o : orphans) {
            out.unknown(sets.get(o.type()), null, null, o.address() + " may set this on " + owner + ": which " + noun
                    + " it belongs to is known only after apply");
        }
    }
}
