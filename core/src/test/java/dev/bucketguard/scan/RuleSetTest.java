package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    private final RuleSet all = RuleSet.of(List.of(
            FakeRule.passing("aws.s3.public-policy", Severity.CRITICAL, "aws"),
            FakeRule.passing("aws.s3.versioning", Severity.LOW, "aws"),
            new FakeRule("aws.s3.encryption", Severity.MEDIUM, "aws", Set.of(Fact.ENCRYPTION),
                    (r, a) -> Outcome.pass("ok")),
            new FakeRule("gcp.gcs.public-access", Severity.CRITICAL, "gcp", Set.of(TestCloud.GRANTS),
                    (r, a) -> Outcome.pass("ok")),
            FakeRule.passing("azure.blob.anonymous", Severity.CRITICAL, "azure")));

    private static List<String> ids(RuleSet s) {
        return s.rules().stream().map(r -> r.metadata().id()).toList();
    }

    @Test
    void rulesAreOrderedById() {
        assertEquals(List.of("aws.s3.encryption", "aws.s3.public-policy", "aws.s3.versioning",
                "azure.blob.anonymous", "gcp.gcs.public-access"), ids(all));
    }

    @Test
    void selectKeepsRulesMatchingAnyGlob() {
        assertEquals(List.of("aws.s3.encryption", "aws.s3.public-policy", "aws.s3.versioning",
                "gcp.gcs.public-access"), ids(all.select(List.of("aws.s3.*", "gcp.*"), List.of())));
        assertEquals(List.of("aws.s3.public-policy", "azure.blob.anonymous", "gcp.gcs.public-access"),
                ids(all.select(List.of("*public*", "*.anonymous"), List.of())));
    }

    @Test
    void excludeRemovesMatchingRules() {
        assertEquals(List.of("aws.s3.public-policy", "azure.blob.anonymous", "gcp.gcs.public-access"),
                ids(all.select(List.of(), List.of("aws.s3.v*", "aws.s3.encryption"))));
    }

    @Test
    void aDotInAPatternIsLiteral() {
        InputException e = assertThrows(InputException.class, () -> all.select(List.of("aws.s3.versioninG"),
                List.of()));
        assertEquals("no rule matches 'aws.s3.versioninG', given as rules to include", e.getMessage());
        assertThrows(InputException.class, () -> all.select(List.of("awsXs3.versioning"), List.of()));
    }

    @Test
    void aPatternMatchingNothingNamesTheOption() {
        InputException inc = assertThrows(InputException.class, () -> all.select(List.of("aws.s4.*"), List.of()));
        assertEquals("no rule matches 'aws.s4.*', given as rules to include", inc.getMessage());

        InputException exc = assertThrows(InputException.class, () -> all.select(List.of(), List.of("gcp.bq.*")));
        assertEquals("no rule matches 'gcp.bq.*', given as rules to exclude", exc.getMessage());
    }

    @Test
    void requiredFactsFollowTheProvider() {
        assertEquals(Set.of(Fact.ENCRYPTION), all.requiredFacts("aws"));
        assertEquals(Set.of(TestCloud.GRANTS), all.requiredFacts("gcp"));
        assertEquals(Set.of(Fact.ENCRYPTION, TestCloud.GRANTS), all.requiredFacts(null));
    }

    @Test
    void twoDifferentRulesWithOneIdAreRefused() {
        Rule a = FakeRule.passing("aws.s3.same", Severity.LOW, "aws");
        Rule b = new Rule() {
            @Override
            public dev.bucketguard.spi.RuleMetadata metadata() {
                return a.metadata();
            }

            @Override
            public Outcome evaluate(dev.bucketguard.model.Resource resource,
                                    dev.bucketguard.exposure.Verdict verdict) {
                return Outcome.pass("other");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleSet.of(List.of(a, b)));
        assertTrue(e.getMessage().startsWith("two rules share the id aws.s3.same: "), e::getMessage);
    }

    @Test
    void oneRuleGivenTwiceIsKeptOnce() {
        Rule a = FakeRule.passing("aws.s3.same", Severity.LOW, "aws");
        assertEquals(List.of("aws.s3.same"), ids(RuleSet.of(List.of(a, a))));
    }

    @Test
    void aFactARuleOnlyReadsIsRequiredFromTheProviderToo() {
        RuleSet s = RuleSet.of(List.of(new FakeRule("test.locker.label", Severity.LOW, "test",
                Set.of(TestCloud.LOCK), Set.of(TestCloud.LABEL), (r, a) -> Outcome.pass("ok")),
                FakeRule.passing("any.storage.check", Severity.LOW, "*")));
        assertEquals(Set.of(TestCloud.LABEL, TestCloud.LOCK), s.requiredFacts("test"));
        assertEquals(Set.of(), s.requiredFacts("other"), "a rule for every provider that needs nothing adds nothing");
    }

    @Test
    void aRuleGetsTheComplianceReferencesOfTheCloudsOnTheClassPath() {
        RuleSet s = RuleSet.of(List.of(new dev.bucketguard.testcloud.OpenLocker(),
                FakeRule.passing("test.locker.unmapped", Severity.LOW, "test")));

        assertEquals(List.of("Locker Benchmark v1.0.0 1.1", "Locker Benchmark v1.0.0 2.3"),
                s.metadata("test.locker.open").compliance());
        assertEquals(List.of("Locker Benchmark v1.0.0 1.1", "Locker Benchmark v1.0.0 2.3", "docs/architecture.md"),
                s.metadata("test.locker.open").allReferences());
        assertEquals(List.of(), s.metadata("test.locker.unmapped").compliance());
        assertEquals(s.metadata(), s.rules().stream().map(r -> s.metadata(r.metadata().id())).toList());
    }
}
