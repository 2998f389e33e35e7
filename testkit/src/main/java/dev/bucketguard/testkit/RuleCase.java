package dev.bucketguard.testkit;

import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.ScanParameters;
import java.util.Objects;

/**
 * One case of a rule fixture: a resource as a provider would report it, the trust zone to verdict it in, and what the
 * rule must answer.
 *
 * @param name     what the case shows, for the test report
 * @param resource the resource
 * @param trust    the trust zone; {@link TrustZone#OWNER_ONLY} when the fixture gives none
 * @param expect   the expected outcome
 * @param parameters the scan's parameters ({@code --log-retention-days} and the like); defaults when the fixture
 *                   gives none
 */
public record RuleCase(String name, Resource resource, TrustZone trust, Expectation expect,
                       ScanParameters parameters) {
    public RuleCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(expect, "expect");
        trust = trust == null ? TrustZone.OWNER_ONLY : trust;
        parameters = parameters == null ? ScanParameters.DEFAULTS : parameters;
    }

    /** A case at the default parameters. */
    public RuleCase(String name, Resource resource, TrustZone trust, Expectation expect) {
        this(name, resource, trust, expect, null);
    }
}
