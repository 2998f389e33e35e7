package dev.bucketguard.spi;

import java.util.Arrays;
import java.util.Set;

/**
 * The resource kinds of a rule class's {@link RuleDefinition#kinds()}, read once per class: the engine asks for every
 * rule on every resource.
 */
final class RuleKinds {
    private static final ClassValue<Set<String>> KINDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            RuleDefinition def = type.getAnnotation(RuleDefinition.class);
            return def == null ? Set.of() : Set.copyOf(Arrays.asList(def.kinds()));
        }
    };

    private RuleKinds() {
    }

    /** The kinds the rule is limited to; empty when it checks every kind of its provider. */
    static Set<String> of(Class<?> ruleClass) {
        return KINDS.get(ruleClass);
    }
}
