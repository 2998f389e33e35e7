package dev.bucketguard.scan;

import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.TreeSet;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Compliance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/** An ordered, duplicate-free set of rules, found with {@link ServiceLoader} or given. */
public final class RuleSet {
    private final Map<String, Rule> byId;
    private final Map<String, RuleMetadata> metadata = new LinkedHashMap<>();

    private RuleSet(Collection<Rule> rules) {
        Map<String, Rule> map = new LinkedHashMap<>();
        rules.stream().sorted(Comparator.comparing(r -> r.metadata().id())).forEach(r -> {
            Rule previous = map.putIfAbsent(r.metadata().id(), r);
            if (previous != null && previous.getClass() != r.getClass()) {
                throw new IllegalStateException("two rules share the id " + r.metadata().id() + ": "
                        + previous.getClass().getName() + " and " + r.getClass().getName());
            }
        });
        this.byId = map;
        List<Compliance> frameworks = Clouds.discover().all().stream().flatMap(c -> c.compliance().stream()).toList();
        map.forEach((id, r) -> {
            RuleMetadata m = r.metadata();
            List<String> refs = new ArrayList<>(m.compliance());
            frameworks.forEach(c -> c.referencesFor(id).stream().filter(x -> !refs.contains(x)).forEach(refs::add));
            metadata.put(id, refs.equals(m.compliance()) ? m : m.withCompliance(refs));
        });
    }

    public static RuleSet of(Collection<Rule> rules) {
        return new RuleSet(rules);
    }

    /** Every rule on the class path of the given loader (the built-in ones and any an embedding tool adds). */
    public static RuleSet discover(ClassLoader loader) {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(rules::add);
        return new RuleSet(rules);
    }

    public static RuleSet discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    public List<Rule> rules() {
        return List.copyOf(byId.values());
    }

    public List<RuleMetadata> metadata() {
        return List.copyOf(metadata.values());
    }

    /** A rule's metadata with its compliance references; null when the set has no such rule. */
    public RuleMetadata metadata(String id) {
        return metadata.get(id);
    }

    public Rule get(String id) {
        return byId.get(id);
    }

    /**
     * Keeps the rules matching any of {@code include} (all when empty) and none of {@code exclude}. Patterns are rule
     * ids or globs ({@code aws.s3.*}); a pattern that matches no rule is an input error, so a typo never silently
     * switches a check off.
     */
    public RuleSet select(List<String> include, List<String> exclude) {
        for (String p : include) {
            requireMatch(p, "to include");
        }
        for (String p : exclude) {
            requireMatch(p, "to exclude");
        }
        List<Rule> kept = byId.values().stream()
                .filter(r -> include.isEmpty() || include.stream().anyMatch(p -> matches(p, r.metadata().id())))
                .filter(r -> exclude.stream().noneMatch(p -> matches(p, r.metadata().id())))
                .toList();
        return new RuleSet(kept);
    }

    private void requireMatch(String pattern, String purpose) {
        if (byId.keySet().stream().noneMatch(id -> matches(pattern, id))) {
            throw new InputException("no rule matches '" + pattern + "', given as rules " + purpose);
        }
    }

    static boolean matches(String pattern, String id) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")).matcher(id).matches();
    }

    /** The facts these rules read, for the given provider id (or all providers when null). */
    public Set<Fact> requiredFacts(String provider) {
        Set<Fact> facts = new TreeSet<>();
        for (RuleMetadata m : metadata.values()) {
            if (provider == null || m.appliesTo(provider)) {
                facts.addAll(m.facts());
            }
        }
        return facts;
    }

    public int size() {
        return byId.size();
    }
}
