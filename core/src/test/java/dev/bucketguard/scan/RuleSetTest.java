package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    private final RuleSet all = RuleSet.of(List.of(
            FakeRule.passing("aws.s3.public-policy", Severity.CRITICAL, "aws"),
            FakeRule.passing("aws.s3.versioning", Severity.LOW, "aws"),
            new FakeRule("aws.s3.encryption", Severity.MEDIUM, "aws", Set.of(Fact.ENCRYPTION),
                    (r, a) -> Outcome.pass("ok")),
            new FakeRule("gcp.gcs.public-access", Severity.CRITICAL, "gcp", Set.of(Fact.IAM_POLICY),
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
        assertEquals("--rules: no rule matches 'aws.s3.versioninG' (see 'bucketguard rules list')", e.getMessage());
        assertThrows(InputException.class, () -> all.select(List.of("awsXs3.versioning"), List.of()));
    }

    @Test
    void aPatternMatchingNothingNamesTheOption() {
        InputException inc = assertThrows(InputException.class, () -> all.select(List.of("aws.s4.*"), List.of()));
        assertEquals("--rules: no rule matches 'aws.s4.*' (see 'bucketguard rules list')", inc.getMessage());

        InputException exc = assertThrows(InputException.class, () -> all.select(List.of(), List.of("gcp.bq.*")));
        assertEquals("--exclude-rules: no rule matches 'gcp.bq.*' (see 'bucketguard rules list')", exc.getMessage());
    }

    @Test
    void requiredFactsFollowTheProvider() {
        assertEquals(Set.of(Fact.ENCRYPTION), all.requiredFacts("aws"));
        assertEquals(Set.of(Fact.IAM_POLICY), all.requiredFacts("gcp"));
        assertEquals(Set.of(Fact.ENCRYPTION, Fact.IAM_POLICY), all.requiredFacts(null));
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
                                    dev.bucketguard.exposure.Assessment assessment) {
                return Outcome.pass("other");
            }
        };
        assertThrows(IllegalStateException.class, () -> RuleSet.of(List.of(a, b)));
    }
}
