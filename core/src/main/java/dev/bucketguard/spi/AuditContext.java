package dev.bucketguard.spi;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cloud may read besides the resource when it answers {@link Cloud#readAudit}: the scan's parameters, and the
 * other resources of the same scan with their verdicts (a log destination may be one of them, and may itself be
 * exposed; a setting that records reads may be held by another resource of the same owner).
 *
 * @param parameters the scan's parameters
 * @param scope      the other resources of the scan, looked up by provider and id
 */
public record AuditContext(ScanParameters parameters, Scope scope) {

    /** The other resources of the scan. */
    @FunctionalInterface
    public interface Scope {
        /** Nothing else was scanned. */
        Scope NONE = (provider, id) -> Optional.empty();

        /** The verdict of the resource of this provider with this id, when it is in the scan. */
        Optional<Verdict> verdict(String provider, String id);

        /**
         * The resource of this provider with this id, as the provider collected it, when it is in the scan. Empty by
         * default: a scope that only knows verdicts knows no resource.
         */
        default Optional<Resource> resource(String provider, String id) {
            return Optional.empty();
        }
    }

    public AuditContext {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(scope, "scope");
    }

    /** These parameters, with nothing else in the scan. */
    public static AuditContext of(ScanParameters parameters) {
        return new AuditContext(parameters, Scope.NONE);
    }
}
