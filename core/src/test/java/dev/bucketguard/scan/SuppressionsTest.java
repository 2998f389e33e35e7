package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneLine(InputException e) {
        assertFalse(e.getMessage().contains("\n"), () -> "not one line: " + e.getMessage());
    }

    // ---- Suppression ----

    @Test
    void resourceGlobMatchesTheWholeReference() {
        Suppression s = new Suppression("aws.s3.versioning", "aws:1111*:app-*", "logs", null);

        assertTrue(s.covers("aws.s3.versioning", "aws:111122223333:app-logs", "app-logs"));
        assertFalse(s.covers("aws.s3.versioning", "aws:222233334444:app-logs", "app-logs"));
        assertFalse(s.covers("aws.s3.versioning", "gcp:111122223333:app-logs", "app-logs"));
    }

    @Test
    void resourceGlobMatchesTheIdAlone() {
        Suppression s = new Suppression("aws.s3.versioning", "app-?ogs", "logs", null);

        assertTrue(s.covers("aws.s3.versioning", "aws:111122223333:app-logs", "app-logs"));
        assertTrue(s.covers("aws.s3.versioning", "gcp:hr:app-dogs", "app-dogs"));
        assertFalse(s.covers("aws.s3.versioning", "aws:111122223333:app-blogs", "app-blogs"), "? is one character");
    }

    @Test
    void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
        Suppression s = new Suppression("*", "data.v1", "literal dot", null);

        assertTrue(s.covers("x.y.z", "aws:1:data.v1", "data.v1"));
        assertFalse(s.covers("x.y.z", "aws:1:dataXv1", "dataXv1"));
    }

    @Test
    void ruleIsAnIdOrStar() {
        Suppression one = new Suppression("aws.s3.versioning", "*", "r", null);
        Suppression any = new Suppression("*", "*", "r", null);

        assertFalse(one.covers("aws.s3.logging", "aws:1:b", "b"));
        assertFalse(one.covers("aws.s3.versioning-mfa", "aws:1:b", "b"), "a rule id is not a prefix");
        assertTrue(any.covers("aws.s3.logging", "aws:1:b", "b"));
    }

    @Test
    void aReasonIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Suppression("aws.s3.versioning", "*", "  ", null));
        assertEquals("a suppression needs a 'reason'", e.getMessage());
    }

    @Test
    void itExpiresTheDayAfterItsLastDay() {
        Suppression s = new Suppression("*", "*", "r", LocalDate.of(2026, 2, 28));

        assertFalse(s.expiredOn(LocalDate.of(2026, 2, 28)));
        assertTrue(s.expiredOn(LocalDate.of(2026, 3, 1)));
        assertFalse(new Suppression("*", "*", "r", null).expiredOn(LocalDate.of(2999, 1, 1)));
    }

    // ---- Suppressions.load ----

    @Test
    void loadsYaml() throws IOException {
        Path file = write("suppressions.yaml", """
                suppressions:
                  - rule: aws.s3.versioning
                    resource: "aws:111122223333:app-logs"
                    reason: "access logs only; history is kept by the log pipeline"
                    expires: 2027-06-30
                  - rule: "*"
                    resource: sandbox-*
                    reason: sandbox account holds no personal data
                """);

        assertEquals(List.of(
                new Suppression("aws.s3.versioning", "aws:111122223333:app-logs",
                        "access logs only; history is kept by the log pipeline", LocalDate.of(2027, 6, 30)),
                new Suppression("*", "sandbox-*", "sandbox account holds no personal data", null)),
                Suppressions.load(file));
    }

    @Test
    void loadsJson() throws IOException {
        Path file = write("suppressions.json", """
                {"suppressions": [
                  {"rule": "gcp.gcs.logging", "resource": "gcp:hr:cvs", "reason": "logged by the org sink",
                   "expires": "2026-12-31"}
                ]}
                """);

        assertEquals(List.of(new Suppression("gcp.gcs.logging", "gcp:hr:cvs", "logged by the org sink",
                LocalDate.of(2026, 12, 31))), Suppressions.load(file));
    }

    @Test
    void aMissingReasonNamesTheEntry() throws IOException {
        Path file = write("s.yaml", """
                suppressions:
                  - rule: aws.s3.versioning
                    resource: app-logs
                """);

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e::getMessage);
        assertTrue(e.getMessage().contains("$.suppressions[0]"), e::getMessage);
        assertTrue(e.getMessage().contains("reason"), e::getMessage);
        assertOneLine(e);
    }

    @Test
    void aBlankReasonNamesTheEntry() throws IOException {
        Path file = write("s.yaml", """
                suppressions:
                  - rule: aws.s3.versioning
                    resource: app-logs
                    reason: ok
                  - rule: aws.s3.logging
                    resource: app-logs
                    reason: ""
                """);

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertEquals(file + " at $.suppressions[1]: a suppression needs a 'reason'", e.getMessage());
    }

    @Test
    void anUnknownFieldNamesFileLineAndColumn() throws IOException {
        Path file = write("s.yaml", """
                suppressions:
                  - rule: aws.s3.versioning
                    resource: app-logs
                    reason: ok
                    expiry: 2027-01-01
                """);

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        // Jackson reports where it noticed, which for a record entry is the end of the entry (line 5 or 6).
        assertTrue(e.getMessage().matches("\\Q" + file + "\\E:[56]:\\d+ at \\$\\.suppressions\\[0\\]\\.expiry: .*"),
                e::getMessage);
        assertTrue(e.getMessage().contains("expiry"), e::getMessage);
        assertFalse(e.getMessage().contains("dev.bucketguard"), e::getMessage);
        assertOneLine(e);
    }

    @Test
    void aDuplicateKeyIsAnInputErrorNamingIt() throws IOException {
        // YAML would silently keep the second reason; a reviewer reads the first.
        Path file = write("s.yaml", """
                suppressions:
                  - rule: aws.s3.versioning
                    resource: app-logs
                    reason: approved by security
                    reason: nobody approved this
                """);

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertTrue(e.getMessage().contains("reason"), e::getMessage);
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("duplicate"), e::getMessage);
        assertTrue(e.getMessage().startsWith(file.toString()), e::getMessage);
        assertOneLine(e);
    }

    @Test
    void aSuppressionForARuleThatDoesNotExistIsAnInputErrorNamingIt() throws IOException {
        Path file = write("s.yaml", """
                suppressions:
                  - rule: "*"
                    resource: scratch-*
                    reason: scratch buckets
                  - rule: test.locker.unlokced
                    resource: app-logs
                    reason: a typo that would suppress nothing
                """);
        RuleSet rules = RuleSet.of(List.of(FakeRule.passing("test.locker.unlocked", dev.bucketguard.spi.Severity.LOW, "test")));

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file, rules));
        assertEquals(file + " at $.suppressions[1].rule: no rule has the id 'test.locker.unlokced' (see 'bucketguard"
                + " rules list')", e.getMessage());
        assertEquals(2, Suppressions.load(file).size(), "without the rules to check against, both load");
    }

    @Test
    void anUnknownFieldInJsonNamesFileLineAndColumn() throws IOException {
        Path file = write("s.json", """
                {"suppressions": [
                  {"rule": "a.b.c", "resource": "x", "reason": "ok", "owner": "team-hr"}
                ]}
                """);

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertTrue(e.getMessage().matches("\\Q" + file + "\\E:2:\\d+ at \\$\\.suppressions\\[0\\]\\.owner: .*"),
                e::getMessage);
    }

    @Test
    void aMalformedDateNamesTheField() throws IOException {
        Path file = write("s.yaml", """
                suppressions:
                  - rule: aws.s3.versioning
                    resource: app-logs
                    reason: ok
                    expires: next spring
                """);

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertTrue(e.getMessage().contains("$.suppressions[0].expires"), e::getMessage);
        assertOneLine(e);
    }

    @Test
    void aMissingFileIsOneLine() {
        Path file = dir.resolve("nope.yaml");

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void anEmptyFileIsAnInputErrorNotACrash() throws IOException {
        Path file = write("empty.yaml", "");

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e::getMessage);
        assertOneLine(e);
    }

    @Test
    void anEmptyEntryIsAnInputErrorNotACrash() throws IOException {
        Path file = write("s.yaml", """
                suppressions:
                  -
                """);

        InputException e = assertThrows(InputException.class, () -> Suppressions.load(file));
        assertTrue(e.getMessage().contains("$.suppressions[0]"), e::getMessage);
        assertOneLine(e);
    }

    @Test
    void anEmptyListIsNoSuppressions() throws IOException {
        assertEquals(List.of(), Suppressions.load(write("s.yaml", "suppressions: []\n")));
    }
}
