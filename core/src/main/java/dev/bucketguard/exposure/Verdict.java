package dev.bucketguard.exposure;

import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Grant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The exposure verdict of one resource, with both of its dimensions: whether it is public (the {@link #exposure()}
 * and its reasons), and who outside the trust zone reaches it ({@link #outsiders()}, {@link #undecidedOutsiders()},
 * {@link #unreadGrantFacts()}), which the verdict records even when the resource is public, so that no rule has to
 * take the cross-account step again.
 *
 * @param exposure           PUBLIC, CROSS_ACCOUNT, PRIVATE or UNKNOWN
 * @param reasons            the chain of reasons that decided it, in order, one sentence each
 * @param tags               qualifiers such as AUTH_USERS_ONLY or WEBSITE, sorted
 * @param effects            the effect of every grant after guardrails, in the resource's grant order
 * @param outsiders          the named grantees outside the trust zone whose access is in force (account,
 *                           organisation, tenant or project ids), sorted
 * @param undecidedOutsiders named outside grantees whose access may be in force: a guardrail that could cut it could
 *                           not be read, sorted
 * @param unreadGrantFacts   facts that could hold grants to outsiders and could not be read, one line each naming the
 *                           call and the permission
 */
public record Verdict(Exposure exposure, List<String> reasons, Set<ExposureTag> tags, List<GrantEffect> effects,
                         List<String> outsiders, List<String> undecidedOutsiders, List<String> unreadGrantFacts) {
    public Verdict {
        Objects.requireNonNull(exposure, "exposure");
        reasons = List.copyOf(reasons);
        tags = tags == null || tags.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(tags));
        effects = List.copyOf(effects);
        outsiders = outsiders == null ? List.of() : List.copyOf(new TreeSet<>(outsiders));
        undecidedOutsiders = undecidedOutsiders == null ? List.of() : List.copyOf(new TreeSet<>(undecidedOutsiders));
        unreadGrantFacts = unreadGrantFacts == null ? List.of() : List.copyOf(unreadGrantFacts);
    }

    /** A verdict that could not be reached at all: UNKNOWN with one reason and nothing else. */
    public static Verdict unknown(String reason) {
        return new Verdict(Exposure.UNKNOWN, List.of(reason), Set.of(), List.of(), List.of(), List.of(),
                List.of(reason));
    }

    /**
     * The cross-account dimension on its own: CROSS_ACCOUNT when an outsider's access is in force, UNKNOWN when one
     * may be or a fact that could name one is unread, PRIVATE otherwise. For a PUBLIC resource this says whether,
     * beyond anyone, named outsiders hold grants too.
     */
    public Exposure crossAccount() {
        if (!outsiders.isEmpty() || (exposure == Exposure.CROSS_ACCOUNT)) {
            return Exposure.CROSS_ACCOUNT;
        }
        if (!undecidedOutsiders.isEmpty() || !unreadGrantFacts.isEmpty()) {
            return Exposure.UNKNOWN;
        }
        return Exposure.PRIVATE;
    }

    /** The effects of the grants through one channel. */
    public List<GrantEffect> effects(Channel via) {
        return effects.stream().filter(e -> e.grant().via().equals(via)).toList();
    }

    /** The effects of grants matching a predicate. */
    public List<GrantEffect> effects(Predicate<Grant> which) {
        return effects.stream().filter(e -> which.test(e.grant())).toList();
    }
}
