package dev.bucketguard.rule;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Resource;

/**
 * One check. Implementations are small, stateless and thread-safe, and read nothing but their arguments.
 */
public interface Rule {

    /** What the rule checks. Must not depend on any state. */
    RuleMetadata metadata();

    /**
     * Decides one resource. Called only for resources of {@link RuleMetadata#provider()}.
     *
     * @param resource   the resource as collected
     * @param assessment the engine's exposure assessment of it (verdict, reasons, the effect of each grant)
     * @return PASS, FAIL or UNKNOWN with a message and evidence; UNKNOWN whenever a fact the rule needs is not known
     */
    Outcome evaluate(Resource resource, Assessment assessment);
}
