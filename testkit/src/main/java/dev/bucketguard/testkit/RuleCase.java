package dev.bucketguard.testkit;

import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Resource;
import java.util.Objects;

/**
 * One case of a rule fixture: a resource as a provider would report it, the trust zone to verdict it in, and what the
 * rule must answer.
 *
 * @param name     what the case shows, for the test report
 * @param resource the resource
 * @param trust    the trust zone; {@link TrustZone#OWNER_ONLY} when the fixture gives none
 * @param expect   the expected outcome
 */
public record RuleCase(String name, Resource resource, TrustZone trust, Expectation expect) {
    public RuleCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(expect, "expect");
        trust = trust == null ? TrustZone.OWNER_ONLY : trust;
    }
}
