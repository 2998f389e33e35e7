package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.YamlPack;
import dev.bucketguard.testcloud.OpenLocker;
import dev.bucketguard.testcloud.TestCloud;
import dev.bucketguard.testkit.packed.PackedRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint finds each kind of problem, in the words a rule author reads, and nothing on a clean rule. */
class RuleMetadataLintTest {
    private static final Remediation FULL = new Remediation("console", "cli", "terraform");

    @TempDir
    Path repo;

    private static Rule rule(RuleMetadata m) {
        return new Rule() {
            @Override
            public RuleMetadata metadata() {
                return m;
            }

            @Override
            public Outcome evaluate(Resource resource, Verdict verdict) {
                return Outcome.pass("ok");
            }
        };
    }

    private static RuleMetadata meta(String id, String provider, String description, Remediation remediation,
                                     List<String> references, Set<Fact> requires) {
        return new RuleMetadata(id, "A title", Severity.LOW, provider, description, "A risk", remediation, references,
                requires, Set.of(), List.of());
    }

    private List<String> lint(Rule... rules) throws IOException {
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/exposure.md"), "# exposure");
        Files.writeString(repo.resolve("docs/architecture.md"), "# architecture");
        return RuleMetadataLint.of(List.of(rules)).with(Clouds.discover(), repo).withoutFixtures().problems();
    }

    @Test
    void aCleanRuleHasNoProblem() throws IOException {
        assertEquals(List.of(UNMAPPED), lint(new OpenLocker(), rule(meta("test.locker.clean", "test", "See docs/exposure.md.", FULL,
                List.of("https://example.org/lockers", "docs/exposure.md"), Set.of(TestCloud.LOCK)))));
    }

    /** The test cloud's mapping names 'test.locker.other' on purpose (a rule it knows only by id). */
    private static final String UNMAPPED = "Locker Benchmark v1.0.0 2.3: maps to no rule: test.locker.other";

    @Test
    void theShippedRuleOfTheTestCloudLacksOnlyItsFixture() throws IOException {
        lint();
        assertEquals(List.of("test.locker.open: no fixture at dev/bucketguard/rules/cases/test.locker.open.json",
                UNMAPPED), RuleMetadataLint.of(List.of(new OpenLocker())).with(Clouds.discover(), repo).problems());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        List<String> problems = lint(new OpenLocker(),
                rule(meta("nimbus.box.open", "nimbus", "d", FULL, List.of("https://x"), Set.of())),
                rule(meta("test.locker.foreign", "test", "d", FULL, List.of("https://x"),
                        Set.of(Fact.of("POLICY")))),
                rule(meta("test.locker.bare", "test", " ", new Remediation("c", null, "t"), List.of(), Set.of())),
                rule(meta("test.locker.cites", "test", "As SEMANTICS.md 5.2 says, and docs/missing.md.", FULL,
                        List.of("docs/gone.md", "CIS 1.2", "http://plain"), Set.of())),
                rule(meta("test.locker.twice", "test", "d", FULL, List.of("https://x"), Set.of())),
                rule(meta("test.locker.twice", "test", "d", FULL, List.of("https://x"), Set.of())));

        assertEquals(List.of(
                "nimbus.box.open: provider 'nimbus' is no registered cloud (known: test)",
                "test.locker.foreign: needs facts that Test cloud test does not declare: [POLICY]",
                "test.locker.bare: description is missing",
                "test.locker.bare: remediation.cli is missing",
                "test.locker.bare: no reference",
                "test.locker.cites: reference docs/gone.md is not a docs/ page of the repository",
                "test.locker.cites: reference http://plain is not an https link",
                "test.locker.cites: description cites SEMANTICS.md, which is not a docs/ page of the repository",
                "test.locker.cites: description cites docs/missing.md, which is not a docs/ page of the repository",
                "test.locker.twice: id used by 2 rules [dev.bucketguard.testkit.RuleMetadataLintTest$1,"
                        + " dev.bucketguard.testkit.RuleMetadataLintTest$1]",
                UNMAPPED), problems);
    }

    @Test
    void aPackThatNoLongerMatchesTheYamlBesideTheRulesIsReported() throws Exception {
        lint();
        // A pack left in a rule's classes directory from an earlier build, naming a file that is gone: what an IDE
        // build that skips the packing step leaves behind. The rule is alone in its package, so no other test sees
        // the pack, and a pack left by a killed run is replaced here.
        Path dir = Path.of(PackedRule.class.getResource("PackedRule.class").toURI()).getParent();
        Path source = repo.resolve("source");
        Files.createDirectories(source);
        Files.writeString(source.resolve("Gone.yaml"), "title: Gone\n");
        YamlPack.main(source.toString());
        Path pack = dir.resolve(YamlPack.FILE);
        try {
            Files.copy(source.resolve(YamlPack.FILE), pack, StandardCopyOption.REPLACE_EXISTING);
            assertEquals(List.of("dev/bucketguard/testkit/packed/Gone.yaml: in yaml.pack but no longer beside it;"
                    + " rebuild (./mvnw process-classes)"), lint(new PackedRule(meta("test.locker.packed", "test",
                    "d", FULL, List.of("https://x"), Set.of()))).stream().filter(p -> p.contains(YamlPack.FILE))
                    .toList());
        } finally {
            Files.deleteIfExists(pack);
        }
        assertEquals(List.of(), lint(new PackedRule(meta("test.locker.packed", "test", "d", FULL,
                List.of("https://x"), Set.of()))).stream().filter(p -> p.contains(YamlPack.FILE)).toList());
    }
}
