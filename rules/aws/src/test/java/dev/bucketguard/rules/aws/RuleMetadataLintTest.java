package dev.bucketguard.rules.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Compliance;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.testkit.RuleCase;
import dev.bucketguard.testkit.RuleFixture;
import dev.bucketguard.testkit.RuleTestKit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The metadata lint over the AWS rules: what {@link RuleMetadata#of(Class)} reads from each rule's
 * {@code @RuleDefinition} and YAML file must be complete, name only AWS facts, cite no file that is not in the
 * repository, and come with fixtures that show PASS, FAIL and UNKNOWN.
 */
class RuleMetadataLintTest {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+\\.[a-z0-9]+\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CIS = Pattern.compile("CIS .* Benchmark v\\d+\\.\\d+\\.\\d+ \\d+(\\.\\d+)+.*");
    /** Files that earlier versions cited and that are not in the repository. */
    private static final List<String> ABSENT = List.of("SEMANTICS.md", "SEMANTICS ", "PEERS.md", "PEERS ");
    private static final AwsCloud AWS = new AwsCloud();

    private static List<Rule> rules() {
        return RuleTestKit.rules().stream()
                .filter(r -> r.getClass().getPackageName().equals("dev.bucketguard.rules.aws")).toList();
    }

    @Test
    void ruleIdsAreUnique() {
        Map<String, List<String>> byId = new TreeMap<>();
        rules().forEach(r -> byId.computeIfAbsent(r.metadata().id(), k -> new ArrayList<>())
                .add(r.getClass().getName()));
        List<String> dupes = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertEquals(List.of(), dupes, "rule ids used twice");
    }

    @TestFactory
    Stream<DynamicTest> metadataIsComplete() {
        return rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
            RuleMetadata m = RuleMetadata.of(r.getClass());
            String id = m.id();
            assertEquals(m, r.metadata(), id + ": metadata() is not what @RuleDefinition and the YAML say");
            assertTrue(ID.matcher(id).matches(), id + ": id is not provider.service.name");
            assertEquals(AwsCloud.ID, m.provider(), id + ": provider");
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
                assertFalse(ref.startsWith("CIS"), id + ": CIS reference '" + ref + "' belongs in a compliance"
                        + " mapping file (dev/bucketguard/cloud/aws/compliance), not in the rule's YAML");
            }
            for (String text : List.of(nz(m.title()), nz(m.description()), nz(m.risk()),
                    nz(m.remediation().console()), String.join(" ", m.references()))) {
                for (String absent : ABSENT) {
                    assertFalse(text.contains(absent), id + ": cites " + absent.strip()
                            + ", which is not in the repository (cite docs/ or the cloud's documentation)");
                }
            }
            assertFalse(m.facts().isEmpty(), id + ": requires and reads no facts");
            Set<Fact> both = new TreeSet<>(m.requires());
            both.retainAll(m.reads());
            assertEquals(Set.of(), both, id + ": a fact is both required and read");
            Set<Fact> foreign = new TreeSet<>(m.facts());
            foreign.removeAll(AWS.facts());
            assertEquals(Set.of(), foreign, id + ": facts that AWS does not declare");
        }));
    }

    @Test
    void complianceReferencesNameTheBenchmarkVersionAndAKnownRule() {
        Set<String> ids = rules().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        for (Compliance c : AWS.compliance()) {
            c.requirements().forEach((req, ruleIds) -> {
                for (String ruleId : ruleIds) {
                    assertTrue(ids.contains(ruleId), c.framework() + " " + req + " maps to no rule: " + ruleId);
                    for (String ref : c.referencesFor(ruleId)) {
                        assertTrue(CIS.matcher(ref).matches(), "'" + ref + "' does not read \"CIS … Benchmark"
                                + " vX.Y.Z N.N\"");
                    }
                }
            });
        }
    }

    @Test
    void complianceReferencesReadAsBefore() {
        assertEquals(List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4"), references("aws.s3.public-policy"));
        assertEquals(List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.2"), references("aws.s3.mfa-delete"));
        assertEquals(List.of("CIS AWS Foundations Benchmark v1.5.0 2.1.1 (encryption at rest; dropped from v3.0.0"
                + " once SSE-S3 became the default)"), references("aws.s3.encryption-customer-key"));
        assertEquals(List.of(), references("aws.s3.cross-account-access"));
    }

    private static List<String> references(String ruleId) {
        List<String> out = new ArrayList<>();
        AWS.compliance().forEach(c -> out.addAll(c.referencesFor(ruleId)));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasPassFailAndUnknownCases() {
        return rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
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

    @Test
    void theLintSeesTheRules() {
        assertFalse(rules().isEmpty(), "ServiceLoader found no AWS rule: META-INF/services missing?");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
