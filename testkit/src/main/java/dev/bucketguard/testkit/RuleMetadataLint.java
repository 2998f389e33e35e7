package dev.bucketguard.testkit;

import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Compliance;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.YamlPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks rules' metadata the way a reader of a report needs it, and reports every problem at once, one line each:
 * the id reads {@code <provider>.<service>.<name>}, the provider is a registered cloud and declares every fact the
 * rule requires or reads, the prose beside the class is complete (title, description, risk, the three remediations,
 * a reference), references are https links, named controls or {@code docs/} pages that exist in the repository (so is every
 * {@code .md} file the prose mentions), each rule's fixture shows a PASS, a FAIL and an UNKNOWN case saying what the
 * message must contain, the cloud's compliance mappings name only existing rules, and the build's parsed copy of the
 * YAML ({@link YamlPack}) matches the YAML.
 *
 * <pre>{@code
 * assertEquals(List.of(), RuleMetadataLint.of(myRules).problems());
 * }</pre>
 */
public final class RuleMetadataLint {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+\\.[a-z0-9]+\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKDOWN = Pattern.compile("[A-Za-z0-9_./-]+\\.md\\b");
    private static final Pattern CIS = Pattern.compile("CIS .* v\\d+\\.\\d+\\.\\d+ \\d+(\\.\\d+)*.*");

    private final List<Rule> rules;
    private final Clouds clouds;
    private final Path repository;
    private boolean fixtures = true;

    private RuleMetadataLint(Collection<? extends Rule> rules, Clouds clouds, Path repository) {
        this.rules = List.copyOf(rules);
        this.clouds = clouds;
        this.repository = repository;
    }

    /** A lint of these rules against the clouds on the class path, with the repository found above the working dir. */
    public static RuleMetadataLint of(Collection<? extends Rule> rules) {
        return new RuleMetadataLint(rules, Clouds.discover(), repositoryRoot(Path.of("").toAbsolutePath()));
    }

    /** The same lint against other clouds and another repository root (where {@code docs/} lives). */
    public RuleMetadataLint with(Clouds otherClouds, Path repositoryRoot) {
        RuleMetadataLint l = new RuleMetadataLint(rules, otherClouds, repositoryRoot);
        l.fixtures = fixtures;
        return l;
    }

    /** The same lint without the fixture check, for rules tested otherwise. */
    public RuleMetadataLint withoutFixtures() {
        RuleMetadataLint l = new RuleMetadataLint(rules, clouds, repository);
        l.fixtures = false;
        return l;
    }

    /** Every problem found, each line naming the rule (or the mapping file) it is about; empty when clean. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Map<String, List<String>> classesById = new LinkedHashMap<>();
        for (Rule r : rules) {
            RuleMetadata m;
            try {
                m = r.metadata();
            } catch (RuntimeException e) {
                out.add(r.getClass().getName() + ": metadata cannot be read: " + e.getMessage());
                continue;
            }
            classesById.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(r.getClass().getName());
            check(m, out);
        }
        classesById.forEach((id, classes) -> {
            if (classes.size() > 1) {
                out.add(id + ": id used by " + classes.size() + " rules " + classes);
            }
        });
        checkCompliance(classesById.keySet(), out);
        checkPacks(out);
        return out;
    }

    /**
     * The build's parsed copies of the YAML ({@link YamlPack}) beside the rules and in their clouds' compliance
     * directories still read as the YAML does: one built by an IDE that skipped the build step would not.
     */
    private void checkPacks(List<String> out) {
        Map<String, ClassLoader> directories = new TreeMap<>();
        for (Rule r : rules) {
            directories.putIfAbsent(directory(r.getClass()), r.getClass().getClassLoader());
        }
        for (Cloud c : clouds.all()) {
            directories.putIfAbsent(directory(c.getClass()) + "compliance/", c.getClass().getClassLoader());
        }
        directories.forEach((dir, loader) -> {
            if (loader != null) {
                out.addAll(YamlPack.stale(loader, dir));
            }
        });
    }

    private static String directory(Class<?> type) {
        return type.getPackageName().replace('.', '/') + "/";
    }

    private void check(RuleMetadata m, List<String> out) {
        String id = m.id();
        if (!ID.matcher(id).matches()) {
            out.add(id + ": id does not read <provider>.<service>.<name> in lower case");
        }
        Cloud cloud = null;
        if ("*".equals(m.provider())) {
            if (!id.startsWith("any.")) {
                out.add(id + ": a rule for every provider has an id starting with 'any.'");
            }
        } else {
            if (!id.startsWith(m.provider() + ".")) {
                out.add(id + ": id does not start with its provider '" + m.provider() + "'");
            }
            cloud = clouds.find(m.provider()).orElse(null);
            if (cloud == null) {
                out.add(id + ": provider '" + m.provider() + "' is no registered cloud (known: "
                        + String.join(", ", clouds.ids()) + ")");
            }
        }
        if (cloud != null) {
            Set<Fact> foreign = new TreeSet<>(m.facts());
            foreign.removeAll(cloud.facts());
            if (!foreign.isEmpty()) {
                out.add(id + ": needs facts that " + cloud.displayName() + " does not declare: " + foreign);
            }
        }
        Map<String, String> prose = new LinkedHashMap<>();
        prose.put("title", m.title());
        prose.put("description", m.description());
        prose.put("risk", m.risk());
        Remediation rem = m.remediation();
        prose.put("remediation.console", rem == null ? null : rem.console());
        prose.put("remediation.cli", rem == null ? null : rem.cli());
        prose.put("remediation.terraform", rem == null ? null : rem.terraform());
        prose.forEach((field, text) -> {
            if (text == null || text.isBlank()) {
                out.add(id + ": " + field + " is missing");
            }
        });
        if (m.references().isEmpty()) {
            out.add(id + ": no reference");
        }
        for (String ref : m.references()) {
            if (ref.startsWith("https://")) {
                continue;
            }
            if (ref.startsWith("http://")) {
                out.add(id + ": reference " + ref + " is not an https link");
            } else if (ref.startsWith("docs/") || MARKDOWN.matcher(ref).find()) {
                if (!ref.startsWith("docs/") || !Files.isRegularFile(repository.resolve(ref.replaceFirst("#.*", "")))) {
                    out.add(id + ": reference " + ref + " is not a docs/ page of the repository");
                }
            }
            // Anything else names a control ("AWS Security Hub S3.9"), which is fine.
        }
        for (String field : List.of("description", "risk")) {
            String text = prose.get(field);
            if (text == null) {
                continue;
            }
            Matcher md = MARKDOWN.matcher(text);
            while (md.find()) {
                String file = md.group();
                if (!file.startsWith("docs/") || !Files.isRegularFile(repository.resolve(file))) {
                    out.add(id + ": " + field + " cites " + file + ", which is not a docs/ page of the repository");
                }
            }
        }
        if (fixtures) {
            checkFixture(id, out);
        }
    }

    private static void checkFixture(String id, List<String> out) {
        if (RuleTestKit.fixture(id).isEmpty()) {
            out.add(id + ": no fixture at " + RuleTestKit.FIXTURES + id + ".json");
            return;
        }
        RuleFixture f;
        try {
            f = RuleTestKit.load(id);
        } catch (RuntimeException e) {
            out.add(id + ": fixture cannot be read: " + e.getMessage());
            return;
        }
        Set<Outcome.Status> statuses = f.cases().stream().map(c -> c.expect().status())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Outcome.Status.class)));
        if (!statuses.equals(EnumSet.allOf(Outcome.Status.class))) {
            out.add(id + ": the fixture needs at least one PASS, one FAIL and one UNKNOWN case (has " + statuses + ")");
        }
        List<String> vague = f.cases().stream().filter(c -> c.expect().messageContains().isEmpty())
                .map(RuleCase::name).toList();
        if (!vague.isEmpty()) {
            out.add(id + ": cases that do not say what the message must contain: " + vague);
        }
    }

    private void checkCompliance(Set<String> given, List<String> out) {
        // A mapping may name rules of the cloud beyond those linted: every rule found on the class path counts.
        Set<String> ids = new TreeSet<>(given);
        RuleTestKit.rules().forEach(r -> ids.add(r.metadata().id()));
        Set<String> providers = new TreeSet<>();
        rules.forEach(r -> providers.add(r.metadata().provider()));
        for (String p : providers) {
            Cloud cloud = clouds.find(p).orElse(null);
            if (cloud == null) {
                continue;
            }
            for (Compliance c : cloud.compliance()) {
                c.requirements().forEach((req, ruleIds) -> {
                    for (String ruleId : ruleIds) {
                        if (!ids.contains(ruleId)) {
                            out.add(c.framework() + " v" + c.version() + " " + req + ": maps to no rule: " + ruleId);
                        }
                        for (String ref : c.referencesFor(ruleId)) {
                            if (!CIS.matcher(ref).matches() && ref.startsWith("CIS")) {
                                out.add(ruleId + ": compliance reference '" + ref + "' does not name the benchmark"
                                        + " version and requirement");
                            }
                        }
                    }
                });
            }
        }
    }

    /** The nearest directory at or above {@code from} holding a {@code docs} directory and a build file. */
    static Path repositoryRoot(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve(".ci"))) {
                return p;
            }
        }
        return from;
    }
}
