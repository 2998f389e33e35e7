package dev.bucketguard.exposure;

import dev.bucketguard.model.Resource;
import java.util.Objects;

/**
 * Computes the exposure verdict of a resource as SEMANTICS.md section 5 defines it, per cloud. Stateless and
 * thread-safe.
 */
public final class ExposureAnalyzer {
    private final TrustZone trust;

    public ExposureAnalyzer(TrustZone trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    public ExposureAnalyzer() {
        this(TrustZone.OWNER_ONLY);
    }

    public TrustZone trust() {
        return trust;
    }

    public Assessment assess(Resource resource) {
        return switch (resource.provider()) {
            case "aws" -> new AwsExposure(resource, trust).assess();
            case "azure" -> new AzureExposure(resource, trust).assess();
            case "gcp" -> new GcsExposure(resource, trust).assess();
            default -> Verdicts.unsupported(resource);
        };
    }
}
