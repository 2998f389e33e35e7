package dev.bucketguard.spi;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;

/**
 * A rule that also reads the {@link RuleContext}: the resource's read audit and the scan's parameters. It implements
 * the three-argument {@link #evaluate(Resource, Verdict, RuleContext)} alone; called without a context it sees
 * {@link RuleContext#NONE}.
 */
public interface ContextualRule extends Rule {

    @Override
    default Outcome evaluate(Resource resource, Verdict verdict) {
        return evaluate(resource, verdict, RuleContext.NONE);
    }

    @Override
    Outcome evaluate(Resource resource, Verdict verdict, RuleContext context);
}
