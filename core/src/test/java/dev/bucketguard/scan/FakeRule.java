package dev.bucketguard.scan;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** A rule whose decision a test supplies; it counts how often the engine called it. */
final class FakeRule implements Rule {
    private final RuleMetadata metadata;
    private final BiFunction<Resource, Verdict, Outcome> decide;
    int calls;

    FakeRule(String id, Severity severity, String provider, Set<Fact> requires, Set<Fact> reads,
             BiFunction<Resource, Verdict, Outcome> decide) {
        this.metadata = new RuleMetadata(id, "title of " + id, severity, provider, "checks " + id, "risk of " + id,
                new Remediation("console", "cli", "terraform"), List.of(), requires, reads, List.of());
        this.decide = decide;
    }

    FakeRule(String id, Severity severity, String provider, Set<Fact> requires,
             BiFunction<Resource, Verdict, Outcome> decide) {
        this(id, severity, provider, requires, Set.of(), decide);
    }

    static FakeRule failing(String id, Severity severity, String provider) {
        return new FakeRule(id, severity, provider, Set.of(), (r, a) -> Outcome.fail(id + " fails on " + r.id()));
    }

    static FakeRule passing(String id, Severity severity, String provider) {
        return new FakeRule(id, severity, provider, Set.of(), (r, a) -> Outcome.pass(id + " passes on " + r.id()));
    }

    static FakeRule unknown(String id, Severity severity, String provider) {
        return new FakeRule(id, severity, provider, Set.of(),
                (r, a) -> Outcome.unknown(id + " cannot tell on " + r.id(), List.of()));
    }

    @Override
    public RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        calls++;
        return decide.apply(resource, verdict);
    }
}
