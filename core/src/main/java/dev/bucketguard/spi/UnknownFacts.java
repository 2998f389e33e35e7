package dev.bucketguard.spi;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts a rule needs that could not be read. Every rule goes through here first, so a missing permission always
 * turns into UNKNOWN with the permission named, never into a comfortable PASS.
 */
public final class UnknownFacts {
    private UnknownFacts() {
    }

    /** UNKNOWN naming every fact of {@code facts} that is not known, in the order given; empty when all are known. */
    public static Optional<Outcome> check(Resource resource, Fact... facts) {
        List<String> lines = lines(resource, facts);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Outcome.unknown(String.join("; ", lines), lines));
    }

    /** One line per fact of {@code facts} that is not known ("could not read ACL: … (needs s3:GetBucketAcl)"). */
    public static List<String> lines(Resource resource, Fact... facts) {
        List<String> lines = new ArrayList<>();
        for (Fact f : facts) {
            if (!resource.knows(f)) {
                resource.whyUnknown(f).map(Unknown::describe).filter(l -> !lines.contains(l)).ifPresent(lines::add);
            }
        }
        return lines;
    }
}
