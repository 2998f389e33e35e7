package dev.bucketguard.exposure;

import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Grant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The exposure verdict of one resource.
 *
 * @param exposure PUBLIC, CROSS_ACCOUNT, PRIVATE or UNKNOWN
 * @param reasons  the chain of reasons that decided it, in order, one sentence each
 * @param tags     qualifiers such as AUTH_USERS_ONLY or WEBSITE
 * @param effects  the effect of every grant after guardrails, in the resource's grant order
 * @param outsiders the grantees outside the trust zone that keep access (account or organisation ids), sorted
 */
public record Assessment(Exposure exposure, List<String> reasons, Set<ExposureTag> tags, List<GrantEffect> effects,
                         List<String> outsiders) {
    public Assessment {
        Objects.requireNonNull(exposure, "exposure");
        reasons = List.copyOf(reasons);
        tags = tags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(tags));
        effects = List.copyOf(effects);
        outsiders = outsiders == null ? List.of() : List.copyOf(outsiders);
    }

    /** The effects of the grants through one channel. */
    public List<GrantEffect> effects(Channel via) {
        return effects.stream().filter(e -> e.grant().via() == via).toList();
    }

    /** The effects of grants matching a predicate. */
    public List<GrantEffect> effects(Predicate<Grant> which) {
        return effects.stream().filter(e -> which.test(e.grant())).toList();
    }
}
