package dev.bucketguard.scan;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.RuleContext;
import dev.bucketguard.spi.ScanParameters;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.UnknownFacts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs providers and rules and builds a report. Immutable once built; {@link #scan()} may be called again.
 *
 * <pre>{@code
 * ScanReport report = Scanner.builder()
 *         .provider(new SnapshotProvider(Path.of("examples/account-opening.snapshot.json")))
 *         .rules(RuleSet.discover())
 *         .build()
 *         .scan();
 * }</pre>
 */
public final class Scanner {
    private final List<Provider> providers;
    private final RuleSet rules;
    private final Judge judge;
    private final List<Suppression> suppressions;
    private final Baseline baseline;
    private final Clock clock;
    private final Progress progress;
    private final String toolVersion;
    private final FactSelection facts;
    private final ScanParameters parameters;

    private Scanner(Builder b) {
        this.providers = List.copyOf(b.providers);
        this.rules = b.rules == null ? RuleSet.discover() : b.rules;
        Clouds clouds = b.clouds == null ? Clouds.discover() : b.clouds;
        this.judge = new Judge(clouds, b.trust);
        this.suppressions = List.copyOf(b.suppressions);
        this.baseline = b.baseline;
        this.clock = b.clock;
        this.progress = b.progress;
        this.toolVersion = b.toolVersion;
        this.parameters = b.parameters;
        Map<String, Set<Fact>> needed = new TreeMap<>();
        for (Cloud cloud : clouds.all()) {
            Set<Fact> f = new TreeSet<>(cloud.verdictFacts());
            f.addAll(rules.requiredFacts(cloud.id()));
            needed.put(cloud.id(), f);
        }
        this.facts = new FactSelection(needed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The facts every provider is asked for, per cloud: that cloud's verdict facts and its selected rules'. */
    public FactSelection requiredFacts() {
        return facts;
    }

    public ScanReport scan() {
        List<ResourceReport> reports = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        LocalDate today = LocalDate.now(clock);
        for (Suppression s : suppressions) {
            if (s.expiredOn(today)) {
                warnings.add("suppression expired on " + s.expires() + " and no longer applies: " + s.describe());
            }
        }
        for (Provider provider : providers) {
            Inventory inventory = provider.collect(facts, progress);
            errors.addAll(inventory.errors());
            // Verdicts first, so that a resource's read audit can look at another's (a log destination in the scan).
            Map<String, Verdict> verdicts = new java.util.HashMap<>();
            Map<String, Resource> resources = new java.util.HashMap<>();
            List<Verdict> inOrder = new ArrayList<>();
            for (Resource resource : inventory.resources()) {
                Verdict v = verdict(resource, errors);
                inOrder.add(v);
                verdicts.putIfAbsent(scopeKey(resource.provider(), resource.id()), v);
                resources.putIfAbsent(scopeKey(resource.provider(), resource.id()), resource);
            }
            AuditContext.Scope scope = new InventoryScope(verdicts, resources);
            for (int i = 0; i < inventory.resources().size(); i++) {
                reports.add(evaluate(inventory.resources().get(i), inOrder.get(i), scope, today, errors));
            }
        }
        return new ScanReport(toolVersion, rules.metadata(), reports, errors, List.copyOf(warnings));
    }

    private static String scopeKey(String provider, String id) {
        return provider + '\u0000' + id;
    }

    /** The resources of one provider's inventory and their verdicts, by provider and id: the first of each wins. */
    private record InventoryScope(Map<String, Verdict> verdicts, Map<String, Resource> resources)
            implements AuditContext.Scope {
        @Override
        public Optional<Verdict> verdict(String provider, String id) {
            return Optional.ofNullable(verdicts.get(scopeKey(provider, id)));
        }

        @Override
        public Optional<Resource> resource(String provider, String id) {
            return Optional.ofNullable(resources.get(scopeKey(provider, id)));
        }
    }

    /** Judges one resource and runs every applicable rule on it, with nothing else in the scan. */
    public ResourceReport evaluate(Resource resource, LocalDate today, List<ScanError> errors) {
        return evaluate(resource, verdict(resource, errors), AuditContext.Scope.NONE, today, errors);
    }

    private Verdict verdict(Resource resource, List<ScanError> errors) {
        try {
            return judge.verdict(resource);
        } catch (RuntimeException e) {
            // A bug in the verdict for one resource must not stop the scan of the others, nor pass as PRIVATE.
            errors.add(new ScanError(resource.provider(), resource.ref(), ScanError.Kind.INTERNAL,
                    "the exposure verdict of this resource failed (a bug in its cloud's verdict, "
                            + e.getClass().getSimpleName() + "); it is UNKNOWN, and the other resources are judged"));
            return Verdict.unknown("the exposure verdict failed with an internal error");
        }
    }

    private ReadAudit readAudit(Resource resource, AuditContext.Scope scope, List<ScanError> errors) {
        try {
            return judge.readAudit(resource, new AuditContext(parameters, scope));
        } catch (RuntimeException e) {
            // Never NO because of a bug: UNKNOWN, with the error recorded.
            errors.add(new ScanError(resource.provider(), resource.ref(), ScanError.Kind.INTERNAL,
                    "the read audit of this resource failed (a bug in its cloud's read audit, "
                            + e.getClass().getSimpleName() + "); it is UNKNOWN"));
            return new ReadAudit(ReadsRecorded.UNKNOWN, List.of(),
                    List.of("the read audit failed with an internal error"), List.of());
        }
    }

    private ResourceReport evaluate(Resource resource, Verdict verdict, AuditContext.Scope scope, LocalDate today,
                                    List<ScanError> errors) {
        ReadAudit audit = readAudit(resource, scope, errors);
        RuleContext context = new RuleContext(audit, parameters);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            RuleMetadata m = rule.metadata();
            if (!rule.appliesTo(resource)) {
                continue;
            }
            Outcome outcome;
            try {
                outcome = decide(rule, resource, verdict, context);
            } catch (RuntimeException e) {
                errors.add(new ScanError(resource.provider(), resource.ref(), ScanError.Kind.INTERNAL,
                        "rule " + m.id() + " failed on this resource (a bug in the rule, "
                                + e.getClass().getSimpleName() + "); its finding is UNKNOWN"));
                outcome = Outcome.unknown("rule " + m.id() + " failed with an internal error", List.of());
            }
            Finding f = new Finding(m.id(), m.title(), outcome.severityOr(m.severity()), toStatus(outcome.status()),
                    outcome.message(), outcome.evidence(), null, false);
            findings.add(suppress(f, resource, today));
        }
        return new ResourceReport(resource, verdict, audit, findings);
    }

    /**
     * One rule's answer on one resource, as the engine gives it: UNKNOWN naming the facts of
     * {@link RuleMetadata#requires()} that are not known, without calling the rule; otherwise the rule's own answer.
     */
    public static Outcome decide(Rule rule, Resource resource, Verdict verdict) {
        return decide(rule, resource, verdict, RuleContext.NONE);
    }

    /** {@link #decide(Rule, Resource, Verdict)} with the resource's read audit and the scan's parameters. */
    public static Outcome decide(Rule rule, Resource resource, Verdict verdict, RuleContext context) {
        Optional<Outcome> unread = UnknownFacts.check(resource, rule.metadata().requires().toArray(Fact[]::new));
        if (unread.isPresent()) {
            return unread.get();
        }
        return Objects.requireNonNull(rule.evaluate(resource, verdict, context), "rule returned null");
    }

    private Finding suppress(Finding f, Resource resource, LocalDate today) {
        if (f.status() == FindingStatus.PASS) {
            return f;
        }
        Finding out = f;
        if (baseline.contains(f.ruleId(), resource.ref())) {
            out = out.asBaselined();
        }
        for (Suppression s : suppressions) {
            if (s.covers(f.ruleId(), resource.ref(), resource.id())) {
                if (s.expiredOn(today)) {
                    List<String> evidence = new ArrayList<>(out.evidence());
                    evidence.add("suppression expired on " + s.expires() + ": " + s.reason());
                    out = new Finding(out.ruleId(), out.title(), out.severity(), out.status(), out.message(),
                            evidence, null, out.baselined());
                } else {
                    return out.withSuppression(s);
                }
            }
        }
        return out;
    }

    private static FindingStatus toStatus(Outcome.Status s) {
        return switch (s) {
            case PASS -> FindingStatus.PASS;
            case FAIL -> FindingStatus.FAIL;
            case UNKNOWN -> FindingStatus.UNKNOWN;
        };
    }

    /** Builds a {@link Scanner}. */
    public static final class Builder {
        private final List<Provider> providers = new ArrayList<>();
        private RuleSet rules;
        private TrustZone trust = TrustZone.OWNER_ONLY;
        private Clouds clouds;
        private final List<Suppression> suppressions = new ArrayList<>();
        private Baseline baseline = Baseline.EMPTY;
        private Clock clock = Clock.systemUTC();
        private Progress progress = Progress.NONE;
        private String toolVersion = Version.current();
        private ScanParameters parameters = ScanParameters.DEFAULTS;

        private Builder() {
        }

        public Builder provider(Provider p) { providers.add(Objects.requireNonNull(p)); return this; }
        public Builder rules(RuleSet r) { this.rules = Objects.requireNonNull(r); return this; }
        public Builder trust(TrustZone t) { this.trust = Objects.requireNonNull(t); return this; }
        /** The clouds whose verdicts judge the resources; by default every cloud on the class path. */
        public Builder clouds(Clouds c) { this.clouds = Objects.requireNonNull(c); return this; }
        public Builder suppressions(List<Suppression> s) { suppressions.addAll(s); return this; }
        public Builder baseline(Baseline b) { this.baseline = Objects.requireNonNull(b); return this; }
        /** The clock that decides whether a suppression has expired. */
        public Builder clock(Clock c) { this.clock = Objects.requireNonNull(c); return this; }
        public Builder progress(Progress p) { this.progress = Objects.requireNonNull(p); return this; }
        public Builder toolVersion(String v) { this.toolVersion = Objects.requireNonNull(v); return this; }
        /** The parameters clouds and rules read, such as the required log retention; defaults otherwise. */
        public Builder parameters(ScanParameters p) { this.parameters = Objects.requireNonNull(p); return this; }

        public Scanner build() {
            if (providers.isEmpty()) {
                throw new IllegalStateException("a scanner needs at least one provider");
            }
            return new Scanner(this);
        }
    }
}
