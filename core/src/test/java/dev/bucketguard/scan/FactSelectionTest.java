package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketguard.model.Fact;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A provider is asked, per cloud, for that cloud's verdict facts and the selected rules' facts for it, no more. */
class FactSelectionTest {
    /** A second cloud whose verdict reads one fact only. */
    private static final TestCloud NARROW = new TestCloud("narrow") {
        @Override
        public Set<Fact> verdictFacts() {
            return Set.of(TestCloud.GRANTS);
        }
    };

    private static FactSelection asked(RuleSet rules) {
        FakeProvider p = new FakeProvider("test");
        Scanner s = Scanner.builder().provider(p).rules(rules).clouds(Clouds.of(new TestCloud(), NARROW))
                .toolVersion("test").build();
        s.scan();
        assertEquals(1, p.requested.size());
        assertEquals(s.requiredFacts(), p.requested.get(0), "the provider gets the scanner's selection");
        return p.requested.get(0);
    }

    @Test
    void withoutRulesEachCloudIsAskedForItsVerdictFactsOnly() {
        FactSelection f = asked(RuleSet.of(List.of()));

        assertEquals(Set.of(TestCloud.GRANTS, TestCloud.LOCK), f.of("test"));
        assertEquals(Set.of(TestCloud.GRANTS), f.of("narrow"));
        assertEquals(Set.of(), f.of("gcs"), "a cloud the scan does not know needs nothing");
    }

    @Test
    void aRulesFactsAreAddedForItsOwnCloudOnly() {
        FactSelection f = asked(RuleSet.of(List.of(
                new FakeRule("test.locker.label", Severity.LOW, "test", Set.of(Fact.ENCRYPTION),
                        Set.of(TestCloud.LABEL), (r, a) -> Outcome.pass("ok")))));

        assertEquals(Set.of(TestCloud.GRANTS, TestCloud.LOCK, TestCloud.LABEL, Fact.ENCRYPTION), f.of("test"));
        assertEquals(Set.of(TestCloud.GRANTS), f.of("narrow"), "the other cloud is not asked for them");
    }

    @Test
    void aRuleForEveryProviderAddsItsFactsToEveryCloud() {
        FactSelection f = asked(RuleSet.of(List.of(new FakeRule("any.storage.encryption", Severity.LOW, "*",
                Set.of(Fact.ENCRYPTION), (r, a) -> Outcome.pass("ok")))));

        assertEquals(Set.of(TestCloud.GRANTS, TestCloud.LOCK, Fact.ENCRYPTION), f.of("test"));
        assertEquals(Set.of(TestCloud.GRANTS, Fact.ENCRYPTION), f.of("narrow"));
    }

    @Test
    void aSelectionIsSortedAndImmutable() {
        FactSelection f = new FactSelection(Map.of("test", Set.of(TestCloud.LOCK, TestCloud.GRANTS)));

        assertEquals(List.of(TestCloud.GRANTS, TestCloud.LOCK), List.copyOf(f.of("test")));
        assertEquals(FactSelection.only("test", Set.of(TestCloud.GRANTS, TestCloud.LOCK)), f);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> f.of("test").add(Fact.ENCRYPTION));
    }
}
