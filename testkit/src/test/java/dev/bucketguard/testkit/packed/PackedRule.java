package dev.bucketguard.testkit.packed;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;

/**
 * A rule alone in its package, so that the lint test of stale packs can put a pack beside it without touching what
 * any other test reads.
 */
public final class PackedRule implements Rule {
    private final RuleMetadata metadata;

    public PackedRule(RuleMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        return Outcome.pass("ok");
    }
}
