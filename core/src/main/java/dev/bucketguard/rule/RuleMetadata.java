package dev.bucketguard.rule;

import dev.bucketguard.model.Fact;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a rule checks, for people and for the engine.
 *
 * @param id          stable id, {@code <provider>.<service>.<name>}, for example {@code aws.s3.public-policy}
 * @param title       one line
 * @param severity    how bad a failure is
 * @param provider    the provider whose resources it checks ({@code aws}, {@code azure}, {@code gcp}), or {@code *}
 * @param description what it checks and how it decides
 * @param risk        what can go wrong when it fails
 * @param remediation how to fix it
 * @param references  documentation and compliance references (for example "CIS AWS Foundations 2.1.4")
 * @param requires    the facts it reads; a provider fetches only what the selected rules require
 */
public record RuleMetadata(
        String id,
        String title,
        Severity severity,
        String provider,
        String description,
        String risk,
        Remediation remediation,
        List<String> references,
        Set<Fact> requires) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*){2,}");

    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' is not of the form provider.service.name");
        }
        Objects.requireNonNull(severity, "severity");
        references = references == null ? List.of() : List.copyOf(references);
        requires = requires == null || requires.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(requires));
    }

    /** True when the rule checks resources of this provider. */
    public boolean appliesTo(String providerId) {
        return "*".equals(provider) || provider.equals(providerId);
    }
}
