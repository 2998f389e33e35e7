package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The kit itself: a fixture that is wrong, or a rule that answers wrongly, must fail loudly. */
class RuleTestKitTest {
    @TempDir
    Path dir;

    /** Passes when logging is on; UNKNOWN when it could not be read. */
    private static final Rule LOGGING_ON = new Rule() {
        private final RuleMetadata metadata = new RuleMetadata("aws.s3.kit-probe", "t", Severity.LOW, "aws", "d", "r",
                new Remediation("c", "cli", "tf"), List.of("ref"), Set.of(Fact.LOGGING));

        @Override
        public RuleMetadata metadata() {
            return metadata;
        }

        @Override
        public Outcome evaluate(Resource resource, Assessment assessment) {
            if (!resource.knows(Fact.LOGGING)) {
                return Outcome.unknown(resource.whyUnknown(Fact.LOGGING).orElseThrow());
            }
            return resource.logging().enabled() ? Outcome.pass("logging on", "target " + resource.logging().target())
                    : Outcome.fail("logging off");
        }
    };

    private URL fixture(String json) throws IOException {
        Path p = dir.resolve("f.json");
        Files.writeString(p, json);
        return p.toUri().toURL();
    }

    private static final String BASE = """
            "base": {"provider": "aws", "account": "111122223333", "id": "b", "kind": "BUCKET",
                     "collected": ["LOGGING"], "logging": {"enabled": true, "target": "logs/"}}""";

    @Test
    void baseMergesUnderEachCaseAndNullRemoves() throws IOException {
        RuleFixture f = RuleFixture.read(fixture("{" + BASE + """
                , "cases": [
                  {"name": "inherits", "resource": {}, "expect": {"status": "PASS", "messageContains": "on"}},
                  {"name": "overrides one field", "resource": {"logging": {"enabled": false}},
                   "expect": {"status": "FAIL", "messageContains": "off"}},
                  {"name": "removes", "resource": {"logging": null}, "expect": {"status": "FAIL", "messageContains": "x"}}
                ]}"""));
        assertEquals("logs/", f.cases().get(0).resource().logging().target());
        assertEquals("logs/", f.cases().get(1).resource().logging().target(), "objects merge field by field");
        assertEquals(false, f.cases().get(1).resource().logging().enabled());
        assertNull(f.cases().get(2).resource().logging());
        assertEquals(List.of("on"), f.cases().get(0).expect().messageContains(), "a single string is a list of one");
    }

    @Test
    void misspeltResourceFieldNamesTheCase() throws IOException {
        URL url = fixture("{" + BASE + """
                , "cases": [{"name": "typo", "resource": {"loging": {}}, "expect": {"status": "PASS"}}]}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleFixture.read(url));
        assertTrue(e.getMessage().contains("case 'typo'") && e.getMessage().contains("loging"), e.getMessage());
    }

    @Test
    void duplicateCaseNamesAreRejected() throws IOException {
        URL url = fixture("{" + BASE + """
                , "cases": [{"name": "a", "resource": {}, "expect": {"status": "PASS"}},
                            {"name": "a", "resource": {}, "expect": {"status": "PASS"}}]}""");
        assertThrows(IllegalArgumentException.class, () -> RuleFixture.read(url));
    }

    @Test
    void wrongStatusMessageOrEvidenceFailsWithTheOutcome() throws IOException {
        RuleFixture f = RuleFixture.read(fixture("{" + BASE + """
                , "cases": [
                  {"name": "status", "resource": {}, "expect": {"status": "FAIL"}},
                  {"name": "message", "resource": {}, "expect": {"status": "PASS", "messageContains": "nope"}},
                  {"name": "evidence", "resource": {}, "expect": {"status": "PASS", "evidenceContains": "nope"}},
                  {"name": "verdict", "resource": {}, "expect": {"status": "PASS", "exposure": "PUBLIC"}},
                  {"name": "right", "resource": {}, "expect": {"status": "PASS", "messageContains": "logging on",
                   "evidenceContains": "target logs/"}}
                ]}"""));
        for (RuleCase c : f.cases().subList(0, 4)) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleTestKit.check(LOGGING_ON, c));
            assertTrue(e.getMessage().contains("case '" + c.name() + "'") && e.getMessage().contains("got PASS"),
                    e.getMessage());
        }
        RuleTestKit.check(LOGGING_ON, f.cases().get(4));
    }

    @Test
    void unreadableMakesFactsUnknownWithTheProbePermission() {
        Resource r = RuleTestKit.unreadable(RuleTestKit.bare(LOGGING_ON), Set.of(Fact.LOGGING));
        Outcome o = RuleTestKit.run(LOGGING_ON, r);
        assertEquals(Outcome.Status.UNKNOWN, o.status());
        assertTrue(o.message().contains(RuleTestKit.probePermission(Fact.LOGGING)), o.message());
    }
}
