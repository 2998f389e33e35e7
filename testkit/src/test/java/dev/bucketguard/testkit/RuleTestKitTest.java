package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.testcloud.Locker;
import dev.bucketguard.testcloud.OpenLocker;
import dev.bucketguard.testcloud.TestCloud;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The kit itself, on core's neutral test cloud: a fixture that is wrong, or a rule that answers wrongly, must fail
 * loudly.
 */
class RuleTestKitTest {
    /** Passes when the locker's lock is engaged; the engine answers UNKNOWN when the lock is unread. */
    private static final Rule LOCKED = new OpenLocker();

    private static final String BASE = """
            "base": {"provider": "test", "account": "111122223333", "id": "b", "kind": "LOCKER", "region": "eu",
                     "collected": ["LOCK", "LABEL"], "details": {"lock": "ENGAGED", "label": "hr"}}""";

    @TempDir
    Path dir;

    private URL fixture(String json) throws IOException {
        Path p = dir.resolve("f.json");
        Files.writeString(p, json);
        return p.toUri().toURL();
    }

    @Test
    void baseMergesUnderEachCaseAndNullRemoves() throws IOException {
        RuleFixture f = RuleFixture.read(fixture("{" + BASE + """
                , "cases": [
                  {"name": "inherits", "resource": {}, "expect": {"status": "PASS", "messageContains": "engaged"}},
                  {"name": "overrides one field", "resource": {"details": {"lock": "OPEN"}},
                   "expect": {"status": "FAIL", "messageContains": "open"}},
                  {"name": "removes", "resource": {"region": null}, "expect": {"status": "PASS"}}
                ]}"""));
        Locker inherited = f.cases().get(0).resource().details(Locker.class);
        Locker overridden = f.cases().get(1).resource().details(Locker.class);
        assertEquals("hr", inherited.label());
        assertEquals("hr", overridden.label(), "objects merge field by field");
        assertEquals(Locker.Lock.OPEN, overridden.lock());
        assertEquals("eu", f.cases().get(0).resource().region());
        assertNull(f.cases().get(2).resource().region());
        assertEquals(List.of("engaged"), f.cases().get(0).expect().messageContains(),
                "a single string is a list of one");
    }

    @Test
    void misspeltResourceFieldNamesTheCase() throws IOException {
        URL url = fixture("{" + BASE + """
                , "cases": [{"name": "typo", "resource": {"detials": {}}, "expect": {"status": "PASS"}}]}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleFixture.read(url));
        assertTrue(e.getMessage().contains("case 'typo'") && e.getMessage().contains("detials"), e.getMessage());
    }

    @Test
    void duplicateCaseNamesAreRejected() throws IOException {
        URL url = fixture("{" + BASE + """
                , "cases": [{"name": "a", "resource": {}, "expect": {"status": "PASS"}},
                            {"name": "a", "resource": {}, "expect": {"status": "PASS"}}]}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleFixture.read(url));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void wrongStatusMessageOrEvidenceFailsWithTheOutcome() throws IOException {
        RuleFixture f = RuleFixture.read(fixture("{" + BASE + """
                , "cases": [
                  {"name": "status", "resource": {}, "expect": {"status": "FAIL"}},
                  {"name": "message", "resource": {}, "expect": {"status": "PASS", "messageContains": "nope"}},
                  {"name": "evidence", "resource": {}, "expect": {"status": "PASS", "evidenceContains": "nope"}},
                  {"name": "verdict", "resource": {}, "expect": {"status": "PASS", "exposure": "PUBLIC"}},
                  {"name": "right", "resource": {}, "expect": {"status": "PASS",
                   "messageContains": "the lock of locker b 'hr' is engaged"}}
                ]}"""));
        for (RuleCase c : f.cases().subList(0, 4)) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleTestKit.check(LOCKED, c));
            assertTrue(e.getMessage().contains("case '" + c.name() + "'") && e.getMessage().contains("got PASS"),
                    e.getMessage());
        }
        RuleTestKit.check(LOCKED, f.cases().get(4));
    }

    @Test
    void unreadableMakesFactsUnknownWithTheProbePermissionAndTheEngineGatesTheRule() {
        Resource r = RuleTestKit.unreadable(RuleTestKit.bare(LOCKED), Set.of(TestCloud.LOCK));
        Outcome o = RuleTestKit.run(LOCKED, r);
        assertEquals(Outcome.Status.UNKNOWN, o.status());
        assertTrue(o.message().contains(RuleTestKit.probePermission(TestCloud.LOCK)), o.message());
    }
}
