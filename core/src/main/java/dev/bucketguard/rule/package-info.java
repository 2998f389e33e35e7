/**
 * The rule SPI. A rule is one small class: its {@link dev.bucketguard.rule.RuleMetadata} says what it checks and
 * which facts it needs, and {@link dev.bucketguard.rule.Rule#evaluate} is a pure function of one resource and its
 * exposure assessment. Rules are found with {@link java.util.ServiceLoader}; an embedding tool adds its own by
 * listing them in {@code META-INF/services/dev.bucketguard.rule.Rule}.
 */
package dev.bucketguard.rule;
