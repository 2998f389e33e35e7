package dev.bucketguard.spi;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;

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
     * True when the engine runs the rule on this resource: one of its provider's, and of one of the kinds of its
     * {@link RuleDefinition#kinds()} when the class names any.
     */
    default boolean appliesTo(Resource resource) {
        if (!metadata().appliesTo(resource.provider())) {
            return false;
        }
        RuleDefinition def = getClass().getAnnotation(RuleDefinition.class);
        return def == null || def.kinds().length == 0
                || java.util.Arrays.asList(def.kinds()).contains(resource.kind().name());
    }
}
