package dev.bucketguard.scan;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Fact;
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
            for (Resource resource : inventory.resources()) {
                reports.add(evaluate(resource, today, errors));
            }
        }
        return new ScanReport(toolVersion, rules.metadata(), reports, errors, List.copyOf(warnings));
    }

    /** Judges one resource and runs every applicable rule on it. */
    public ResourceReport evaluate(Resource resource, LocalDate today, List<ScanError> errors) {
        Verdict verdict;
        try {
            verdict = judge.verdict(resource);
        } catch (RuntimeException e) {
            // A bug in the verdict for one resource must not stop the scan of the others, nor pass as PRIVATE.
            errors.add(new ScanError(resource.provider(), resource.ref(), ScanError.Kind.INTERNAL,
                    "the exposure verdict of this resource failed (a bug in its cloud's verdict, "
                            + e.getClass().getSimpleName() + "); it is UNKNOWN, and the other resources are judged"));
            verdict = Verdict.unknown("the exposure verdict failed with an internal error");
        }
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            RuleMetadata m = rule.metadata();
            if (!rule.appliesTo(resource)) {
                continue;
            }
            Outcome outcome;
            try {
                outcome = decide(rule, resource, verdict);
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
        return new ResourceReport(resource, verdict, findings);
    }

    /**
     * One rule's answer on one resource, as the engine gives it: UNKNOWN naming the facts of
     * {@link RuleMetadata#requires()} that are not known, without calling the rule; otherwise the rule's own answer.
     */
    public static Outcome decide(Rule rule, Resource resource, Verdict verdict) {
        Optional<Outcome> unread = UnknownFacts.check(resource, rule.metadata().requires().toArray(Fact[]::new));
        if (unread.isPresent()) {
            return unread.get();
        }
        return Objects.requireNonNull(rule.evaluate(resource, verdict), "rule returned null");
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

        public Scanner build() {
            if (providers.isEmpty()) {
                throw new IllegalStateException("a scanner needs at least one provider");
            }
            return new Scanner(this);
        }
    }
}
