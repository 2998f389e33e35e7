package dev.bucketguard.scan;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Clouds;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives each resource the exposure verdict ({@link Cloud#verdict}) and the read audit ({@link Cloud#readAudit}) of
 * its own cloud. Stateless and thread-safe. A resource of a cloud that is not on the class path is UNKNOWN, never
 * PRIVATE, and its read audit is not assessed.
 */
public final class Judge {
    private final Clouds clouds;
    private final TrustZone trust;

    public Judge(Clouds clouds, TrustZone trust) {
        this.clouds = Objects.requireNonNull(clouds, "clouds");
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    public TrustZone trust() {
        return trust;
    }

    public Verdict verdict(Resource resource) {
        Optional<Cloud> cloud = clouds.find(resource.provider());
        if (cloud.isEmpty()) {
            return Verdict.unknown("no exposure rules are defined for provider '" + resource.provider() + "'");
        }
        return cloud.get().verdict(resource, trust);
    }

    public ReadAudit readAudit(Resource resource, AuditContext context) {
        Optional<Cloud> cloud = clouds.find(resource.provider());
        if (cloud.isEmpty()) {
            return ReadAudit.notAssessed("no read audit is defined for provider '" + resource.provider() + "'");
        }
        return Objects.requireNonNull(cloud.get().readAudit(resource, context), "readAudit returned null");
    }
}
