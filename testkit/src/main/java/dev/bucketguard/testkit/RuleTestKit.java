package dev.bucketguard.testkit;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.scan.Judge;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.RuleContext;
import dev.bucketguard.spi.ScanParameters;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Runs rule cases kept as data. A rule's fixture lives on the test class path at
 * {@code dev/bucketguard/rules/cases/<rule-id>.json} (see {@link RuleFixture} for the format); one test factory
 * turns every case into a JUnit 5 dynamic test:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> publicAcl() {
 *     return RuleTestKit.cases("aws.s3.public-acl");
 * }
 * }</pre>
 *
 * <p>Each case is judged with {@link Judge} (each cloud's own verdict) in the case's trust zone, exactly as the scanner does, then
 * evaluated twice: the two outcomes must be equal (same input, same output).
 */
public final class RuleTestKit {
    /** Where fixtures are looked up, relative to the class path root. */
    public static final String FIXTURES = "dev/bucketguard/rules/cases/";

    private RuleTestKit() {
    }

    /** Every rule {@link ServiceLoader} finds on the class path, sorted by id. */
    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class).forEach(rules::add);
        rules.sort(Comparator.comparing(r -> r.metadata().id()));
        return rules;
    }

    /** The rule with this id; an error naming the known ids when there is none. */
    public static Rule rule(String id) {
        List<Rule> all = rules();
        return all.stream().filter(r -> r.metadata().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule '" + id + "' on the class path; known: "
                        + all.stream().map(r -> r.metadata().id()).collect(Collectors.joining(", "))));
    }

    /** The fixture of a rule at the default location, if there is one. */
    public static Optional<URL> fixture(String ruleId) {
        return Optional.ofNullable(Thread.currentThread().getContextClassLoader()
                .getResource(FIXTURES + ruleId + ".json"));
    }

    /** Reads the fixture of a rule at the default location; an error when it is missing or malformed. */
    public static RuleFixture load(String ruleId) {
        URL url = fixture(ruleId).orElseThrow(() -> new IllegalArgumentException(
                "rule " + ruleId + " has no fixture at " + FIXTURES + ruleId + ".json"));
        RuleFixture f = RuleFixture.read(url);
        if (f.ruleId() != null && !f.ruleId().equals(ruleId)) {
            throw new IllegalArgumentException(url + " says it is for rule '" + f.ruleId() + "', not '" + ruleId + "'");
        }
        return f;
    }

    /** One dynamic test per case of the rule's fixture. */
    public static Stream<DynamicTest> cases(String ruleId) {
        return cases(rule(ruleId), load(ruleId));
    }

    /** One dynamic test per case of a fixture, for rules kept outside the default location. */
    public static Stream<DynamicTest> cases(Rule rule, RuleFixture fixture) {
        return fixture.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), fixture.source(),
                () -> check(rule, c)));
    }

    /** Judges the case's resource in its trust zone and evaluates the rule on it with the case's parameters. */
    public static Outcome run(Rule rule, RuleCase c) {
        return run(rule, c.resource(), verdict(c.resource(), c.trust()), context(c.resource(), c.parameters()));
    }

    /** Evaluates the rule on a resource, with the engine's verdict in the owner-only trust zone. */
    public static Outcome run(Rule rule, Resource resource) {
        return run(rule, resource, verdict(resource, TrustZone.OWNER_ONLY),
                context(resource, ScanParameters.DEFAULTS));
    }

    /** The rule context the scanner gives: the resource's read audit from its own cloud, and the parameters. */
    public static RuleContext context(Resource resource, ScanParameters parameters) {
        ReadAudit audit = new Judge(Clouds.discover(), TrustZone.OWNER_ONLY)
                .readAudit(resource, AuditContext.of(parameters));
        return new RuleContext(audit, parameters);
    }

    /** The verdict of the resource's own cloud, as the scanner gives it. */
    public static Verdict verdict(Resource resource, TrustZone trust) {
        return new Judge(Clouds.discover(), trust).verdict(resource);
    }

    private static Outcome run(Rule rule, Resource resource, Verdict verdict, RuleContext context) {
        Outcome o = Scanner.decide(rule, resource, verdict, context);
        if (o == null) {
            throw new AssertionFailedError(rule.metadata().id() + " returned null");
        }
        return o;
    }

    /** Fails with the whole outcome in the message when the rule does not answer as the case expects. */
    public static void check(Rule rule, RuleCase c) {
        String id = rule.metadata().id();
        if (!rule.metadata().appliesTo(c.resource().provider())) {
            throw new AssertionFailedError("case '" + c.name() + "' has a " + c.resource().provider()
                    + " resource, but " + id + " checks " + rule.metadata().provider() + " resources");
        }
        Verdict verdict = verdict(c.resource(), c.trust());
        RuleContext context = context(c.resource(), c.parameters());
        Outcome outcome = run(rule, c.resource(), verdict, context);
        Outcome again = run(rule, c.resource(), verdict(c.resource(), c.trust()),
                context(c.resource(), c.parameters()));
        List<String> problems = new ArrayList<>();
        if (!outcome.equals(again)) {
            problems.add("two runs on the same input gave different outcomes: " + again);
        }
        Expectation e = c.expect();
        if (outcome.status() != e.status()) {
            problems.add("expected " + e.status() + ", got " + outcome.status());
        }
        for (String text : e.messageContains()) {
            if (!outcome.message().contains(text)) {
                problems.add("message lacks \"" + text + "\"");
            }
        }
        for (String text : e.evidenceContains()) {
            if (outcome.evidence().stream().noneMatch(line -> line.contains(text))) {
                problems.add("no evidence line contains \"" + text + "\"");
            }
        }
        if (e.exposure() != null && e.exposure() != verdict.exposure()) {
            problems.add("expected the verdict " + e.exposure() + ", the engine reached " + verdict.exposure()
                    + " " + verdict.reasons());
        }
        Severity severity = outcome.severity() == null ? rule.metadata().severity() : outcome.severity();
        if (e.severity() != null && e.severity() != severity) {
            problems.add("expected severity " + e.severity() + ", got " + severity);
        }
        if (e.readsRecorded() != null && e.readsRecorded() != context.readAudit().recorded()) {
            problems.add("expected reads recorded " + e.readsRecorded() + ", the cloud answered "
                    + context.readAudit().recorded() + " " + context.readAudit().explanation());
        }
        if (outcome.message().isBlank()) {
            problems.add("the message is blank");
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(id + ", case '" + c.name() + "': " + String.join("; ", problems)
                    + "\n  got " + outcome.status() + ": " + outcome.message()
                    + "\n  evidence: " + String.join("\n            ", outcome.evidence()));
        }
    }

    /** The permission {@link #unreadable} records for a fact: {@code probe:<FACT>}. */
    public static String probePermission(Fact fact) {
        return "probe:" + fact.name();
    }

    /**
     * The resource with each of {@code facts} collected and unreadable (AccessDenied, needing
     * {@link #probePermission}), whatever values it carried: a rule that looks at a value without asking
     * {@link Resource#knows} first gets caught.
     */
    public static Resource unreadable(Resource resource, Set<Fact> facts) {
        Resource.Builder b = resource.toBuilder();
        for (Fact f : facts.stream().sorted().toList()) {
            b.unknown(f, "Probe" + f.name(), probePermission(f), "AccessDenied");
        }
        return b.build();
    }

    /** An empty resource of the rule's provider, with nothing collected. */
    public static Resource bare(Rule rule) {
        String provider = rule.metadata().provider();
        String cloud = "*".equals(provider) ? Clouds.discover().ids().get(0) : provider;
        ResourceKind kind = Clouds.discover().require(cloud).kinds().stream().sorted().findFirst().orElseThrow();
        return Resource.builder(cloud, "111122223333", "probe").kind(kind).build();
    }
}
