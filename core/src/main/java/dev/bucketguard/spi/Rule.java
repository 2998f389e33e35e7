package dev.bucketguard.spi;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import java.util.Set;

/**
 * One check. Implementations are small, stateless and thread-safe, and read nothing but their arguments. A rule
 * class carries a {@link RuleDefinition} and a YAML file of prose beside it; its class body is its logic.
 */
public interface Rule {

    /** What the rule checks: by default read from the class's {@link RuleDefinition} and YAML file. */
    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }

    /**
     * Decides one resource. Called only for resources of {@link RuleMetadata#provider()}, and only when every fact
     * of {@link RuleMetadata#requires()} is known (the engine answers UNKNOWN otherwise).
     *
     * @param resource   the resource as collected
     * @param verdict the engine's exposure verdict of it (exposure, reasons, the effect of each grant, outsiders)
     * @return PASS, FAIL or UNKNOWN with a message and evidence
     */
    Outcome evaluate(Resource resource, Verdict verdict);

    /**
     * Decides one resource with the scan's {@link RuleContext} (its read audit and parameters): what the engine calls.
     * By default the context is not read; a rule that reads it implements {@link ContextualRule}.
     */
    default Outcome evaluate(Resource resource, Verdict verdict, RuleContext context) {
        return evaluate(resource, verdict);
    }

    /**
     * True when the engine runs the rule on this resource: one of its provider's, and of one of the kinds of its
     * {@link RuleDefinition#kinds()} when the class names any.
     */
    default boolean appliesTo(Resource resource) {
        if (!metadata().appliesTo(resource.provider())) {
            return false;
        }
        Set<String> kinds = RuleKinds.of(getClass());
        return kinds.isEmpty() || kinds.contains(resource.kind().name());
    }
}
