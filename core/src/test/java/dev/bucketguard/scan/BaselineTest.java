package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    private static final String REPORT = """
            {
              "formatVersion": "%s",
              "resources": [
                {"provider": "aws", "account": "111122223333", "id": "applicants",
                 "findings": [
                   {"ruleId": "aws.s3.public-policy", "status": "FAIL"},
                   {"ruleId": "aws.s3.versioning", "status": "PASS"},
                   {"ruleId": "aws.s3.logging", "status": "UNKNOWN"},
                   {"ruleId": "aws.s3.tls", "status": "SUPPRESSED"}
                 ]},
                {"provider": "gcp", "account": "hr-prod", "id": "cvs",
                 "findings": [{"ruleId": "gcp.gcs.public-access", "status": "FAIL"}]}
              ]
            }
            """;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("baseline.json"), text);
    }

    @Test
    void failingFindingsOfAReportFormTheBaseline() throws IOException {
        Baseline b = Baseline.load(write(REPORT.formatted("1.0")));

        assertTrue(b.contains("aws.s3.public-policy", "aws:111122223333:applicants"));
        assertTrue(b.contains("gcp.gcs.public-access", "gcp:hr-prod:cvs"));
        assertFalse(b.contains("aws.s3.versioning", "aws:111122223333:applicants"), "PASS is not a known failure");
        assertFalse(b.contains("aws.s3.logging", "aws:111122223333:applicants"), "UNKNOWN is not a known failure");
        assertFalse(b.contains("aws.s3.public-policy", "aws:111122223333:other"), "matched by resource too");
    }

    @Test
    void aSuppressedFindingIsNotBaselined_soItsSuppressionCanStillExpire() throws IOException {
        Baseline b = Baseline.load(write(REPORT.formatted("1.0")));

        assertFalse(b.contains("aws.s3.tls", "aws:111122223333:applicants"));
        assertEquals(2, b.size());
    }

    @Test
    void aNewerMinorVersionIsRead() throws IOException {
        assertEquals(2, Baseline.load(write(REPORT.formatted("1.7"))).size());
    }

    @Test
    void anotherMajorVersionIsAnInputError() throws IOException {
        Path file = write(REPORT.formatted("2.0"));

        InputException e = assertThrows(InputException.class, () -> Baseline.load(file));
        assertEquals(file + ": report format 2.0 is not supported (this version reads 1.x)", e.getMessage());
    }

    @Test
    void aFileThatIsNotAReportIsAnInputError() throws IOException {
        Path file = write("{\"resources\": []}");

        InputException e = assertThrows(InputException.class, () -> Baseline.load(file));
        assertTrue(e.getMessage().startsWith(file + ": not a bucketguard JSON report"), e::getMessage);
    }

    @Test
    void aResourceWithoutIdNamesThePlace() throws IOException {
        Path file = write("{\"formatVersion\": \"1.0\", \"resources\": [{\"provider\": \"aws\", \"account\": \"1\"}]}");

        InputException e = assertThrows(InputException.class, () -> Baseline.load(file));
        assertEquals(file + " at $.resources[0].id: missing", e.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path file = write("{\"formatVersion\": \"1.0\",\n \"resources\": [,]}");

        InputException e = assertThrows(InputException.class, () -> Baseline.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2:"), e::getMessage);
        assertFalse(e.getMessage().contains("\n"), e::getMessage);
    }

    @Test
    void aMissingFileIsOneLine() {
        Path file = dir.resolve("nope.json");

        assertEquals(file + ": no such file", assertThrows(InputException.class, () -> Baseline.load(file))
                .getMessage());
    }
}
