package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.Grant;
import java.util.function.Predicate;

/**
 * Assertions on a cloud's verdict in the words a user reads in a report, for the verdict tests of every cloud
 * module (and of an embedding user's own cloud): each failure message shows the reasons and grant effects.
 */
public final class VerdictAssertions {
    private VerdictAssertions() {
    }

    /** The verdict's exposure is {@code expected}. */
    public static void assertVerdict(Verdict a, Exposure expected) {
        assertEquals(expected, a.exposure(), () -> "reasons: " + a.reasons() + "; effects: " + a.effects());
    }

    /** Some reason contains {@code phrase}. */
    public static void assertReason(Verdict a, String phrase) {
        assertTrue(a.reasons().stream().anyMatch(r -> r.contains(phrase)),
                () -> "no reason contains '" + phrase + "'; reasons: " + a.reasons());
    }

    /** No reason contains {@code phrase}. */
    public static void assertNoReason(Verdict a, String phrase) {
        assertTrue(a.reasons().stream().noneMatch(r -> r.contains(phrase)),
                () -> "a reason contains '" + phrase + "'; reasons: " + a.reasons());
    }

    /** The effect the verdict gave grant {@code g}; fails when it gave none. */
    public static GrantEffect effectOf(Verdict a, Grant g) {
        return a.effects().stream().filter(e -> e.grant().equals(g)).findFirst()
                .orElseThrow(() -> new AssertionError("no effect for " + g + " in " + a.effects()));
    }

    /** Grant {@code g} had effect {@code expected}, and its why contains {@code whyPhrase} unless that is null. */
    public static void assertEffect(Verdict a, Grant g, GrantEffect.Effect expected, String whyPhrase) {
        GrantEffect e = effectOf(a, g);
        assertEquals(expected, e.effect(), () -> "effect of " + g.source() + ": " + e);
        if (whyPhrase != null) {
            assertTrue(e.why() != null && e.why().contains(whyPhrase),
                    () -> "why of " + g.source() + " should contain '" + whyPhrase + "' but is: " + e.why());
        }
    }

    /** True when every grant effect matches. */
    public static boolean allEffects(Verdict a, Predicate<GrantEffect> p) {
        return a.effects().stream().allMatch(p);
    }
}
