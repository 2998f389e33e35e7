package dev.bucketguard.spi;

import dev.bucketguard.model.Fact;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a rule checks, for people and for the engine.
 *
 * @param id          stable id, {@code <provider>.<service>.<name>}, for example {@code aws.s3.public-policy}
 * @param title       one line
 * @param severity    how bad a failure is
 * @param provider    the provider whose resources it checks ({@code aws}, {@code azure}, {@code gcp}), or {@code *}
 * @param description what it checks and how it decides
 * @param risk        what can go wrong when it fails
 * @param remediation how to fix it
 * @param references  documentation links (the project's docs/ pages, the clouds' documentation)
 * @param requires    the facts that must be known for it to decide; the engine answers UNKNOWN without calling the
 *                    rule when one is not
 * @param reads       further facts it reads and decides without when they are unread
 * @param compliance  compliance requirements it checks ("CIS ... v3.0.0 2.1.4"), from the frameworks' mapping files
 * @param scope       whether a finding is about the resource or about a fact of its account
 */
public record RuleMetadata(
        String id,
        String title,
        Severity severity,
        String provider,
        String description,
        String risk,
        Remediation remediation,
        List<String> references,
        Set<Fact> requires,
        Set<Fact> reads,
        List<String> compliance,
        RuleScope scope) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*){2,}");
    private static final Set<String> YAML_FIELDS = Set.of("title", "description", "risk", "remediation", "references");
    private static final ClassValue<RuleMetadata> CACHE = new ClassValue<>() {
        @Override
        protected RuleMetadata computeValue(Class<?> type) {
            return read(type);
        }
    };

    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' is not of the form provider.service.name");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(provider, "provider");
        references = references == null ? List.of() : List.copyOf(references);
        requires = requires == null || requires.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(requires));
        reads = reads == null || reads.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(reads));
        compliance = compliance == null ? List.of() : List.copyOf(compliance);
        scope = scope == null ? RuleScope.RESOURCE : scope;
    }

    /** The metadata of a rule about its resource ({@link RuleScope#RESOURCE}). */
    public RuleMetadata(String id, String title, Severity severity, String provider, String description, String risk,
                        Remediation remediation, List<String> references, Set<Fact> requires, Set<Fact> reads,
                        List<String> compliance) {
        this(id, title, severity, provider, description, risk, remediation, references, requires, reads, compliance,
                RuleScope.RESOURCE);
    }

    /** True when the rule checks resources of this provider. */
    public boolean appliesTo(String providerId) {
        return "*".equals(provider) || provider.equals(providerId);
    }

    /** Every fact the rule needs fetched: {@link #requires()} and {@link #reads()}. */
    public Set<Fact> facts() {
        Set<Fact> all = new TreeSet<>(requires);
        all.addAll(reads);
        return Collections.unmodifiableSet(all);
    }

    /** The compliance references, then the documentation links: what a person reads under "References". */
    public List<String> allReferences() {
        List<String> all = new ArrayList<>(compliance);
        references.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return List.copyOf(all);
    }

    /** The same metadata with these compliance references. */
    public RuleMetadata withCompliance(List<String> refs) {
        return new RuleMetadata(id, title, severity, provider, description, risk, remediation, references, requires,
                reads, refs, scope);
    }

    /**
     * The metadata of a rule class: its {@link RuleDefinition} and the YAML file of the same simple name beside it.
     * Read once per class.
     *
     * @throws IllegalStateException when the annotation or the file is missing or malformed; the metadata lint of the
     *                               test kit reports the same for every rule at build time
     */
    public static RuleMetadata of(Class<?> ruleClass) {
        return CACHE.get(ruleClass);
    }

    private static RuleMetadata read(Class<?> type) {
        RuleDefinition def = type.getAnnotation(RuleDefinition.class);
        if (def == null) {
            throw new IllegalStateException(type.getName() + " has no @RuleDefinition");
        }
        String file = type.getSimpleName() + ".yaml";
        Map<String, Object> y;
        try {
            y = YamlTree.read(type, file);
        } catch (IOException e) {
            throw new IllegalStateException(type.getName() + ": " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (y == null) {
            throw new IllegalStateException(type.getName() + ": no " + file + " beside the class");
        }
        for (String f : y.keySet()) {
            if (!YAML_FIELDS.contains(f)) {
                throw new IllegalStateException(type.getName() + ": " + file + " has an unknown field '" + f
                        + "' (expected " + new TreeSet<>(YAML_FIELDS) + ")");
            }
        }
        Map<String, Object> rem = YamlTree.map(y, "remediation");
        return new RuleMetadata(def.id(), text(y, "title"), def.severity(), def.provider(), text(y, "description"),
                text(y, "risk"), new Remediation(text(rem, "console"), text(rem, "cli"), text(rem, "terraform")),
                YamlTree.strings(y, "references"), facts(def.requires()), facts(def.reads()), List.of(), def.scope());
    }

    private static String text(Map<String, Object> m, String field) {
        String v = YamlTree.text(m, field);
        return v == null ? null : v.strip();
    }

    private static Set<Fact> facts(String[] names) {
        Set<Fact> out = new TreeSet<>();
        for (String n : names) {
            out.add(Fact.of(n));
        }
        return out;
    }
}
