package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.scan.Baseline;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.testcloud.TestCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReporterTest {
    /** The documented schema, read from the docs so that the docs and the output can never drift apart. */
    private static final Path SCHEMA = Path.of("..", "docs", "report-schema.json");

    private final ScanReport report = ReportFixture.report();

    private static String render(ScanReport report) throws IOException {
        return ReporterGoldenTest.render(new JsonReporter(), report);
    }

    private static JsonSchema schema() throws IOException {
        JsonNode schemaJson = new ObjectMapper().readTree(Files.readString(SCHEMA, StandardCharsets.UTF_8));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
    }

    @Test
    void outputIsValidAgainstTheDocumentedSchema() throws IOException {
        JsonSchema schema = schema();
        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(render(report)));
        assertTrue(errors.isEmpty(), () -> "report-schema.json violations: " + errors);

        ScanReport empty = new ScanReport("1", List.of(), List.of(), List.of(), List.of());
        Set<ValidationMessage> emptyErrors = schema.validate(new ObjectMapper().readTree(render(empty)));
        assertTrue(emptyErrors.isEmpty(), () -> "empty report: " + emptyErrors);
    }

    @Test
    void theSchemaRejectsAnUndocumentedFieldAndAWrongVerdict() throws IOException {
        JsonSchema schema = schema();
        JsonNode extra = new ObjectMapper().readTree(render(report));
        ((ObjectNode) extra.at("/resources/0")).put("colour", "red");
        assertFalse(schema.validate(extra).isEmpty(), "undocumented fields fail, so the docs stay complete");
        JsonNode wrong = new ObjectMapper().readTree(render(report));
        ((ObjectNode) wrong.at("/resources/0")).put("exposure", "SAFE");
        assertFalse(schema.validate(wrong).isEmpty());
    }

    @Test
    void aReportLoadsBackAsABaselineWithItsFailingFindings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        Baseline baseline = Baseline.load(file);

        assertTrue(baseline.contains("aws.s3.public-acl", "aws:111122223333:applicants"));
        assertTrue(baseline.contains("aws.s3.cross-account-access", "aws:111122223333:partner-exchange"));
        assertTrue(baseline.contains("aws.s3.versioning", "aws:111122223333:payroll-exports"));
        assertTrue(baseline.contains("aws.s3.encryption-customer-key",
                "aws:111122223333:" + ReportFixture.HOSTILE_ID), "the hostile name round-trips exactly");
        assertFalse(baseline.contains("aws.s3.versioning", "aws:111122223333:applicants"),
                "a suppressed finding is not a known failure: once its suppression expires it must gate again");
        assertFalse(baseline.contains("aws.s3.public-policy", "aws:111122223333:payroll-exports"), "UNKNOWN does not");
        assertFalse(baseline.contains("aws.s3.public-policy", "aws:111122223333:applicants"), "PASS does not");
        assertEquals(5, baseline.size(), "the 5 FAIL findings");
    }

    @Test
    void summaryAndResourceFieldsSayWhatTheReportSays() throws IOException {
        JsonNode root = new ObjectMapper().readTree(render(report));
        assertEquals("1.1", root.get("formatVersion").asText());
        assertEquals("bucketguard", root.at("/tool/name").asText());
        assertEquals(1, root.at("/summary/exposure/PUBLIC").asInt());
        assertEquals(1, root.at("/summary/exposure/UNKNOWN").asInt());
        assertEquals(5, root.at("/summary/findings/FAIL").asInt());
        assertEquals(1, root.at("/summary/failuresBySeverity/CRITICAL").asInt());
        assertEquals(1, root.at("/summary/errors").asInt());
        assertEquals("ACCESS_DENIED", root.at("/errors/0/kind").asText());
        assertTrue(root.at("/warnings/0").asText().contains("expired"));

        JsonNode payroll = resource(root, "payroll-exports");
        assertEquals("UNKNOWN", payroll.get("exposure").asText());
        assertEquals("UNKNOWN", payroll.get("encryption").asText(), "unread encryption is UNKNOWN, never NONE");
        assertFalse(payroll.has("encryptionDetail"));
        assertEquals("s3:GetBucketPolicy", payroll.at("/unknowns/0/permission").asText());
        assertTrue(payroll.at("/exposureReasons/0").asText().contains("could not be decided"));

        JsonNode partner = resource(root, "partner-exchange");
        assertEquals("CROSS_ACCOUNT", partner.get("exposure").asText());
        assertEquals("CUSTOMER_MANAGED", partner.get("encryption").asText());
        assertTrue(partner.at("/encryptionDetail/keyId").asText().startsWith("arn:aws:kms:"));
        assertEquals("444455556666", partner.at("/outsiders/0").asText());

        JsonNode applicants = resource(root, "applicants");
        assertEquals("LISTABLE", applicants.at("/exposureTags/0").asText());
        JsonNode suppressed = applicants.at("/findings/2");
        assertEquals("SUPPRESSED", suppressed.get("status").asText());
        assertEquals("2027-06-30", suppressed.at("/suppression/expires").asText());
        assertTrue(applicants.at("/findings/1/baselined").asBoolean());
        assertFalse(applicants.at("/findings/0").has("baselined"), "baselined appears only when true");
    }

    @Test
    void aResourceWithoutEncryptionFactsIsUnknownAndOneWithNoneSaysSo() throws IOException {
        Resource plain = TestCloud.locker("proj", "b").collected(Fact.ENCRYPTION).encryption(
                new Encryption(dev.bucketguard.model.EncryptionState.NONE, null, null, null, false, false)).build();
        Resource unread = TestCloud.locker("proj", "c").build();
        TestCloud cloud = new TestCloud();
        ScanReport r = new ScanReport("1", List.of(), List.of(
                new ResourceReport(plain, cloud.verdict(plain, TrustZone.OWNER_ONLY), List.of()),
                new ResourceReport(unread, cloud.verdict(unread, TrustZone.OWNER_ONLY), List.of())),
                List.of(), List.of());
        JsonNode json = new ObjectMapper().readTree(render(r));
        assertEquals("NONE", json.at("/resources/0/encryption").asText());
        assertFalse(json.at("/resources/0/encryptionDetail/encrypted").asBoolean(true));
        assertEquals("c", json.at("/resources/1/id").asText());
        assertEquals("UNKNOWN", json.at("/resources/1/encryption").asText(), "not read is UNKNOWN, never NONE");
        assertFalse(json.at("/resources/1").has("encryptionDetail"));
    }

    private static JsonNode resource(JsonNode root, String id) {
        for (JsonNode r : root.get("resources")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + id);
    }
}
