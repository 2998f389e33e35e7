package dev.bucketguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.testkit.RuleCase;
import dev.bucketguard.testkit.RuleFixture;
import dev.bucketguard.testkit.RuleTestKit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Fails the build on a rule with missing or malformed metadata, or without the cases that show it works. */
class RuleMetadataLintTest {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+\\.[a-z0-9]+\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CIS = Pattern.compile("CIS .* Benchmark v\\d+\\.\\d+\\.\\d+ \\d+(\\.\\d+)+.*");

    @Test
    void ruleIdsAreUnique() {
        Map<String, List<String>> byId = new HashMap<>();
        RuleTestKit.rules().forEach(r -> byId.computeIfAbsent(r.metadata().id(), k -> new ArrayList<>())
                .add(r.getClass().getName()));
        List<String> dupes = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).sorted().toList();
        assertEquals(List.of(), dupes, "rule ids used twice");
    }

    @TestFactory
    Stream<DynamicTest> metadataIsComplete() {
        return RuleTestKit.rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
            RuleMetadata m = r.metadata();
            String id = m.id();
            assertTrue(ID.matcher(id).matches(), id + ": id is not provider.service.name");
            assertTrue(id.startsWith(m.provider() + "."), id + ": id does not start with provider " + m.provider());
            for (var field : Map.of("title", nz(m.title()), "description", nz(m.description()),
                    "risk", nz(m.risk())).entrySet()) {
                assertFalse(field.getValue().isBlank(), id + ": " + field.getKey() + " is blank");
            }
            assertTrue(m.remediation() != null, id + ": no remediation");
            assertFalse(nz(m.remediation().console()).isBlank(), id + ": remediation.console is blank");
            assertFalse(nz(m.remediation().cli()).isBlank(), id + ": remediation.cli is blank");
            assertFalse(nz(m.remediation().terraform()).isBlank(), id + ": remediation.terraform is blank");
            assertFalse(m.references().isEmpty(), id + ": no references");
            for (String ref : m.references()) {
                if (ref.startsWith("CIS")) {
                    assertTrue(CIS.matcher(ref).matches(), id + ": CIS reference '" + ref
                            + "' does not name the benchmark version and control (\"CIS … Benchmark vX.Y.Z N.N\")");
                }
            }
            assertFalse(m.requires().isEmpty(), id + ": requires no facts");
            assertTrue(m.severity() != null, id + ": no severity");
            assertTrue(m == r.metadata(), id + ": metadata() must return a constant");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasPassFailAndUnknownCases() {
        return RuleTestKit.rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
            String id = r.metadata().id();
            assertTrue(RuleTestKit.fixture(id).isPresent(),
                    id + " has no fixture at " + RuleTestKit.FIXTURES + id + ".json");
            RuleFixture f = RuleTestKit.load(id);
            Set<Outcome.Status> statuses = f.cases().stream().map(c -> c.expect().status())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Outcome.Status.class)));
            assertEquals(EnumSet.allOf(Outcome.Status.class), statuses,
                    id + ": the fixture needs at least one PASS, one FAIL and one UNKNOWN case");
            List<String> vague = f.cases().stream().filter(c -> c.expect().messageContains().isEmpty())
                    .map(RuleCase::name).toList();
            assertEquals(List.of(), vague, id + ": cases that do not say what the message must contain");
        }));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Test
    void linterSeesEveryRule() {
        assertFalse(RuleTestKit.rules().isEmpty(), "ServiceLoader found no rule: META-INF/services missing?");
        assertTrue(RuleTestKit.rules().stream().map(Rule::metadata).allMatch(m -> m.provider() != null));
    }
}
