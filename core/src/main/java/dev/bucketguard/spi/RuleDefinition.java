package dev.bucketguard.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The part of a rule's metadata the engine acts on, beside the rule's class. The prose (title, description, risk,
 * remediation, references) lives in a YAML file of the same name beside the class: {@code PublicAcl.yaml} for
 * {@code PublicAcl}. {@link RuleMetadata#of(Class)} reads both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleDefinition {
    /** Stable id, {@code <provider>.<service>.<name>}: {@code aws.s3.public-policy}. */
    String id();

    /**
     * The severity of its failures; where it depends on the resource, the highest, and the rule lowers it per
     * resource with {@link Outcome#withSeverity} (its YAML description says when).
     */
    Severity severity();

    /** The cloud whose resources it checks ({@link Cloud#id()}). */
    String provider();

    /**
     * Facts that must be known for the rule to decide: when one is not, the engine answers UNKNOWN naming it (and the
     * missing permission) without calling the rule.
     */
    String[] requires() default {};

    /** Facts the rule also reads, and decides without when they could not be read (it says so itself). */
    String[] reads() default {};
}
