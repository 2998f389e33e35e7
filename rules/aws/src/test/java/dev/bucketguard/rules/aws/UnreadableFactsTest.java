package dev.bucketguard.rules.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.testkit.RuleCase;
import dev.bucketguard.testkit.RuleTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Never wrong in the comfortable direction: a rule whose facts could not be read answers UNKNOWN and names the
 * permission that was missing, whatever values the resource still carries.
 */
class UnreadableFactsTest {

    @TestFactory
    Stream<DynamicTest> everyFactUnreadableGivesUnknownNamingThePermission() {
        return RuleTestKit.rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
            Resource probe = RuleTestKit.unreadable(RuleTestKit.bare(r), r.metadata().facts());
            Outcome o = RuleTestKit.run(r, probe);
            assertEquals(Outcome.Status.UNKNOWN, o.status(), r.metadata().id() + ": " + o.message());
            assertTrue(o.message().contains("probe:"), r.metadata().id()
                    + ": the message names no missing permission: " + o.message());
        }));
    }

    @TestFactory
    Stream<DynamicTest> nothingCollectedIsNeverPass() {
        return RuleTestKit.rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
            Outcome o = RuleTestKit.run(r, RuleTestKit.bare(r));
            assertEquals(Outcome.Status.UNKNOWN, o.status(), r.metadata().id() + ": " + o.message());
        }));
    }

    /**
     * Every PASS case of every fixture turns UNKNOWN once the facts the rule reads (those it requires and those it
     * decides without when it can) become unreadable.
     */
    @TestFactory
    Stream<DynamicNode> passCasesTurnUnknownWhenTheirFactsBecomeUnreadable() {
        return RuleTestKit.rules().stream()
                .filter(r -> RuleTestKit.fixture(r.metadata().id()).isPresent())
                .map(r -> DynamicContainer.dynamicContainer(r.metadata().id(),
                        RuleTestKit.load(r.metadata().id()).cases().stream()
                                .filter(c -> c.expect().status() == Outcome.Status.PASS)
                                .map(c -> DynamicTest.dynamicTest(c.name(), () -> unknownOnceUnreadable(r, c)))));
    }

    private static void unknownOnceUnreadable(Rule r, RuleCase c) {
        Resource blind = RuleTestKit.unreadable(c.resource(), r.metadata().facts());
        Outcome o = RuleTestKit.run(r, new RuleCase(c.name(), blind, c.trust(), c.expect()));
        assertEquals(Outcome.Status.UNKNOWN, o.status(), r.metadata().id() + ", case '" + c.name() + "' with "
                + r.metadata().facts() + " unreadable: " + o.message());
        // A fact the case already recorded as unreadable keeps its own reason, so any named permission will do.
        assertTrue(o.message().contains("(needs "), "the message names no missing permission: " + o.message());
    }
}
