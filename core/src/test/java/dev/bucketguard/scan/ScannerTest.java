package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.testcloud.TestCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {
    static final Clock MARCH_1 = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    /** The registered test cloud, and a second cloud of the same vocabulary. */
    static final Clouds CLOUDS = Clouds.of(new TestCloud(), new TestCloud("other"));

    /** A fully read, private locker of the test cloud. */
    static Resource locker(String account, String id) {
        return TestCloud.locker(account, id).build();
    }

    /** A fully read, private locker of the other cloud. */
    static Resource other(String account, String id) {
        return Resource.builder("other", account, id).kind(TestCloud.LOCKER)
                .collected(TestCloud.GRANTS, TestCloud.LOCK).details(locker(account, id).details()).build();
    }

    private static Scanner.Builder scanner(RuleSet rules, FakeProvider... providers) {
        Scanner.Builder b = Scanner.builder().rules(rules).clouds(CLOUDS).clock(MARCH_1).toolVersion("test");
        for (FakeProvider p : providers) {
            b.provider(p);
        }
        return b;
    }

    private static Finding finding(ScanReport report, String ref, String ruleId) {
        return report.resources().stream().filter(r -> r.resource().ref().equals(ref)).findFirst().orElseThrow()
                .findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + ruleId + " on " + ref));
    }

    private static List<String> ruleIds(ScanReport report, String ref) {
        return report.resources().stream().filter(r -> r.resource().ref().equals(ref)).findFirst().orElseThrow()
                .findings().stream().map(Finding::ruleId).sorted().toList();
    }

    @Test
    void rulesRunOnlyOnResourcesOfTheirProvider() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("test.locker.only", Severity.HIGH, "test"),
                FakeRule.failing("other.locker.only", Severity.HIGH, "other"),
                FakeRule.passing("any.storage.check", Severity.LOW, "*")));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "applicants")),
                new FakeProvider("other", other("hr-prod", "cvs"))).build().scan();

        assertEquals(List.of("any.storage.check", "test.locker.only"), ruleIds(report, "test:111122223333:applicants"));
        assertEquals(List.of("any.storage.check", "other.locker.only"), ruleIds(report, "other:hr-prod:cvs"));
        assertEquals("test.locker.only fails on applicants", finding(report, "test:111122223333:applicants",
                "test.locker.only").message());
    }

    /** A rule of the test cloud that checks only kinds other than a locker. */
    @RuleDefinition(id = "test.safe.only", severity = Severity.LOW, provider = "test", kinds = "SAFE")
    static final class SafeOnly implements Rule {
        @Override
        public RuleMetadata metadata() {
            return new RuleMetadata("test.safe.only", "safes only", Severity.LOW, "test", null, null, null, null,
                    null, null, null);
        }

        @Override
        public Outcome evaluate(Resource resource, dev.bucketguard.exposure.Verdict verdict) {
            return Outcome.fail("a safe rule ran on " + resource.kind());
        }
    }

    @Test
    void aRuleThatNamesKindsRunsOnNoOtherKind() {
        RuleSet rules = RuleSet.of(List.of(new SafeOnly(), FakeRule.failing("test.locker.only", Severity.HIGH, "test")));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "applicants"))).build()
                .scan();

        assertEquals(List.of("test.locker.only"), ruleIds(report, "test:111122223333:applicants"));
    }

    @Test
    void anOutcomeMayRaiseItsFindingsSeverityAboveTheRules() {
        RuleSet rules = RuleSet.of(List.of(new FakeRule("test.locker.personal", Severity.HIGH, "test", Set.of(),
                (r, a) -> Outcome.fail("personal data readable").at(Severity.CRITICAL))));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "applicants"))).build()
                .scan();

        assertEquals(Severity.CRITICAL, finding(report, "test:111122223333:applicants", "test.locker.personal")
                .severity());
    }

    @Test
    void aThrowingRuleBecomesUnknownWithAnInternalErrorAndTheScanGoesOn() {
        FakeRule flaky = new FakeRule("test.locker.flaky", Severity.HIGH, "test", Set.of(), (r, a) -> {
            if (r.id().equals("broken")) {
                throw new IllegalStateException("secret=AKIAEXAMPLE leaked into a message");
            }
            return Outcome.pass("fine");
        });
        RuleSet rules = RuleSet.of(List.of(flaky, FakeRule.failing("test.locker.other", Severity.LOW, "test")));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "broken"),
                locker("111122223333", "healthy"))).build().scan();

        Finding broken = finding(report, "test:111122223333:broken", "test.locker.flaky");
        assertEquals(FindingStatus.UNKNOWN, broken.status());
        assertEquals("rule test.locker.flaky failed with an internal error", broken.message());
        assertEquals(FindingStatus.FAIL, finding(report, "test:111122223333:broken", "test.locker.other").status());
        assertEquals(FindingStatus.PASS, finding(report, "test:111122223333:healthy", "test.locker.flaky").status());

        assertEquals(List.of(new ScanError("test", "test:111122223333:broken", ScanError.Kind.INTERNAL,
                "rule test.locker.flaky failed on this resource (a bug in the rule, IllegalStateException); its finding"
                        + " is UNKNOWN")), report.errors());
        assertFalse(report.errors().get(0).message().contains("AKIA"), "exception text may carry secrets");
    }

    @Test
    void aRuleReturningNullIsTreatedLikeOneThatThrows() {
        RuleSet rules = RuleSet.of(List.of(new FakeRule("test.locker.null", Severity.LOW, "test", Set.of(),
                (r, a) -> null)));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "b"))).build().scan();

        assertEquals(FindingStatus.UNKNOWN, finding(report, "test:111122223333:b", "test.locker.null").status());
        assertEquals(ScanError.Kind.INTERNAL, report.errors().get(0).kind());
    }

    @Test
    void providersAreAskedForTheVerdictFactsAndWhatTheRulesRequire() {
        RuleSet rules = RuleSet.of(List.of(new FakeRule("test.locker.encryption", Severity.MEDIUM, "test",
                Set.of(Fact.ENCRYPTION), (r, a) -> Outcome.pass("ok"))));
        FakeProvider test = new FakeProvider("test", locker("111122223333", "b"));
        scanner(rules, test).build().scan();

        Set<Fact> asked = test.requested.get(0).of("test");
        assertTrue(asked.containsAll(new TestCloud().verdictFacts()), () -> "asked for " + asked);
        assertTrue(asked.contains(Fact.ENCRYPTION), () -> "asked for " + asked);
        assertFalse(asked.contains(TestCloud.LABEL), "no rule needs the label");
        assertEquals(Set.of(TestCloud.GRANTS, TestCloud.LOCK), test.requested.get(0).of("other"),
                "the other cloud's verdict facts only: the rule is the test cloud's");
    }

    @Test
    void theVerdictIsAttachedToEachResource() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.passing("test.locker.seen", Severity.LOW, "test")));
        Resource unread = Resource.builder("test", "111122223333", "unread").kind(TestCloud.LOCKER)
                .unknown(TestCloud.GRANTS, "GetShares", "locker:GetShares", "AccessDenied").build();
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "b"), unread)).build()
                .scan();

        assertEquals(Exposure.PRIVATE, report.resources().get(0).verdict().exposure());
        assertEquals(Exposure.UNKNOWN, report.resources().get(1).verdict().exposure());
    }

    @Test
    void providerErrorsReachTheReport() {
        ScanError denied = new ScanError("test", "account 111122223333", ScanError.Kind.ACCESS_DENIED,
                "ListBuckets failed with AccessDenied (needs s3:ListAllMyBuckets)");
        ScanReport report = scanner(RuleSet.of(List.of()), new FakeProvider("test", List.of(), List.of(denied)))
                .build().scan();

        assertEquals(List.of(denied), report.errors());
    }

    @Test
    void aSuppressionCoversAFailingFindingUntilItsLastDay() {
        Suppression lastDayToday = new Suppression("test.locker.versioning", "test:111122223333:app-logs",
                "logs are kept by the log pipeline", LocalDate.of(2026, 3, 1));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("test.locker.versioning", Severity.MEDIUM, "test")));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "app-logs")))
                .suppressions(List.of(lastDayToday)).build().scan();

        Finding f = finding(report, "test:111122223333:app-logs", "test.locker.versioning");
        assertEquals(FindingStatus.SUPPRESSED, f.status());
        assertSame(lastDayToday, f.suppression());
        assertEquals(List.of(), report.warnings());
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.LOW, true).evaluate(report));
    }

    @Test
    void anExpiredSuppressionStopsSuppressingAndSaysSo() {
        Suppression expired = new Suppression("test.locker.versioning", "app-*", "logs are kept by the log pipeline",
                LocalDate.of(2026, 2, 28));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("test.locker.versioning", Severity.MEDIUM, "test")));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "app-logs")))
                .suppressions(List.of(expired)).build().scan();

        Finding f = finding(report, "test:111122223333:app-logs", "test.locker.versioning");
        assertEquals(FindingStatus.FAIL, f.status());
        assertNull(f.suppression());
        assertTrue(f.evidence().contains("suppression expired on 2026-02-28: logs are kept by the log pipeline"),
                f.evidence()::toString);
        assertEquals(List.of("suppression expired on 2026-02-28 and no longer applies: test.locker.versioning on app-*"
                + " (logs are kept by the log pipeline), expires 2026-02-28"), report.warnings());
        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.LOW, true).evaluate(report));
    }

    @Test
    void aSuppressionDoesNotTouchPassingFindingsOrOtherRules() {
        Suppression all = new Suppression("*", "*", "sandbox account", null);
        Suppression other = new Suppression("test.locker.other", "*", "not this rule", null);
        RuleSet rules = RuleSet.of(List.of(FakeRule.passing("test.locker.ok", Severity.LOW, "test"),
                FakeRule.unknown("test.locker.unknown", Severity.HIGH, "test")));
        ScanReport onlyOther = scanner(rules, new FakeProvider("test", locker("111122223333", "b")))
                .suppressions(List.of(other)).build().scan();
        assertEquals(FindingStatus.UNKNOWN, finding(onlyOther, "test:111122223333:b", "test.locker.unknown").status());

        ScanReport everything = scanner(rules, new FakeProvider("test", locker("111122223333", "b")))
                .suppressions(List.of(all)).build().scan();
        assertEquals(FindingStatus.PASS, finding(everything, "test:111122223333:b", "test.locker.ok").status());
        assertEquals(FindingStatus.SUPPRESSED,
                finding(everything, "test:111122223333:b", "test.locker.unknown").status());
    }

    @Test
    void aFindingFailingInTheBaselineIsMarkedAndDoesNotGate_aNewOneDoes() {
        Baseline baseline = Baseline.of(Set.of("test.locker.versioning|test:111122223333:old"));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("test.locker.versioning", Severity.HIGH, "test")));

        ScanReport known = scanner(rules, new FakeProvider("test", locker("111122223333", "old")))
                .baseline(baseline).build().scan();
        Finding old = finding(known, "test:111122223333:old", "test.locker.versioning");
        assertEquals(FindingStatus.FAIL, old.status());
        assertTrue(old.baselined());
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.LOW, true).evaluate(known));

        ScanReport withNew = scanner(rules, new FakeProvider("test", locker("111122223333", "old"),
                locker("111122223333", "new"))).baseline(baseline).build().scan();
        assertFalse(finding(withNew, "test:111122223333:new", "test.locker.versioning").baselined());
        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.LOW, true).evaluate(withNew));
    }

    @Test
    void resourcesAreOrderedByProviderAccountAndIdWhateverTheProviderOrder() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.passing("any.storage.check", Severity.LOW, "*")));
        FakeProvider second = new FakeProvider("other", other("b-project", "z"), other("a-project", "y"));
        FakeProvider first = new FakeProvider("test", locker("222233334444", "a"), locker("111122223333", "b"),
                locker("111122223333", "a"));
        List<String> expected = List.of("other:a-project:y", "other:b-project:z", "test:111122223333:a",
                "test:111122223333:b", "test:222233334444:a");

        ScanReport one = scanner(rules, second, first).build().scan();
        ScanReport other = scanner(rules, first, second).build().scan();

        assertEquals(expected, one.resources().stream().map(r -> r.resource().ref()).toList());
        assertEquals(one, other);
    }

    @Test
    void findingsAreOrderedFailUnknownSuppressedPassThenSeverityThenId() {
        RuleSet rules = RuleSet.of(List.of(
                FakeRule.passing("test.locker.a-pass", Severity.CRITICAL, "test"),
                FakeRule.failing("test.locker.z-fail-low", Severity.LOW, "test"),
                FakeRule.failing("test.locker.b-fail-high", Severity.HIGH, "test"),
                FakeRule.failing("test.locker.a-fail-high", Severity.HIGH, "test"),
                FakeRule.unknown("test.locker.unknown", Severity.CRITICAL, "test"),
                FakeRule.failing("test.locker.muted", Severity.CRITICAL, "test")));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "b")))
                .suppressions(List.of(new Suppression("test.locker.muted", "b", "accepted", null))).build().scan();

        assertEquals(List.of("test.locker.a-fail-high", "test.locker.b-fail-high", "test.locker.z-fail-low",
                "test.locker.unknown", "test.locker.muted", "test.locker.a-pass"),
                report.resources().get(0).findings().stream().map(Finding::ruleId).toList());
        assertEquals("test.locker.a-fail-high", report.resources().get(0).worstFailure().ruleId());
    }

    @Test
    void theSummaryCountsResourcesVerdictsFindingsAndErrors() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("test.locker.fail", Severity.HIGH, "test"),
                FakeRule.passing("any.storage.pass", Severity.LOW, "*"),
                FakeRule.unknown("other.locker.unknown", Severity.MEDIUM, "other")));
        Resource unread = Resource.builder("test", "111122223333", "unread").kind(TestCloud.LOCKER)
                .unknown(TestCloud.GRANTS, "GetShares", "locker:GetShares", "AccessDenied").build();
        ScanError err = new ScanError("other", "project x", ScanError.Kind.ACCESS_DENIED, "denied");
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "b"), unread),
                new FakeProvider("other", List.of(other("p", "c")), List.of(err))).build().scan();

        ScanReport.Summary s = report.summary();
        assertEquals(3, s.resources());
        assertEquals(2, s.exposure().get(Exposure.PRIVATE));
        assertEquals(1, s.exposure().get(Exposure.UNKNOWN));
        assertEquals(0, s.exposure().get(Exposure.PUBLIC));
        assertEquals(2, s.findings().get(FindingStatus.FAIL));
        assertEquals(3, s.findings().get(FindingStatus.PASS));
        assertEquals(1, s.findings().get(FindingStatus.UNKNOWN));
        assertEquals(0, s.findings().get(FindingStatus.SUPPRESSED));
        assertEquals(2, s.failuresBySeverity().get(Severity.HIGH));
        assertEquals(0, s.failuresBySeverity().get(Severity.CRITICAL));
        assertEquals(1, s.errors());
    }

    @Test
    void scanningTwiceGivesTheSameReport() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("test.locker.fail", Severity.HIGH, "test")));
        Scanner s = scanner(rules, new FakeProvider("test", locker("111122223333", "b"), locker("111122223333", "a")))
                .build();

        assertEquals(s.scan(), s.scan());
    }

    @Test
    void anExpiredSuppressionGatesEvenWhenTheBaselineWasTakenWhileItHeld(@TempDir
            Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("baseline.json"), """
                {"formatVersion": "1.0", "resources": [{"provider": "test", "account": "111122223333",
                  "id": "app-logs", "findings": [{"ruleId": "test.locker.versioning", "status": "SUPPRESSED"}]}]}
                """);
        Suppression expired = new Suppression("test.locker.versioning", "app-logs", "logs", LocalDate.of(2026, 2, 28));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("test.locker.versioning", Severity.MEDIUM, "test")));
        ScanReport report = scanner(rules, new FakeProvider("test", locker("111122223333", "app-logs")))
                .suppressions(List.of(expired)).baseline(Baseline.load(file)).build().scan();

        assertFalse(finding(report, "test:111122223333:app-logs", "test.locker.versioning").baselined());
        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.LOW, true).evaluate(report));
    }

    // ---- the engine's gating (Scanner.decide) ----

    private static final dev.bucketguard.exposure.Verdict NO_VERDICT =
            dev.bucketguard.exposure.Verdict.unknown("not judged in this test");

    @Test
    void aRuleWhoseRequiredFactIsUnreadIsUnknownNamingTheFactAndIsNotCalled() {
        FakeRule rule = new FakeRule("test.locker.lock", Severity.HIGH, "test", Set.of(TestCloud.LOCK),
                (r, a) -> Outcome.pass("the lock is engaged"));
        Resource denied = TestCloud.locker("111122223333", "b")
                .unknown(TestCloud.LOCK, "GetLock", "locker:GetLock", "AccessDenied").build();

        Outcome o = Scanner.decide(rule, denied, NO_VERDICT);

        assertEquals(Outcome.Status.UNKNOWN, o.status());
        assertEquals("could not read LOCK: GetLock failed with AccessDenied (needs locker:GetLock)", o.message());
        assertEquals(List.of(o.message()), o.evidence());
        assertEquals(0, rule.calls, "the engine answers without calling the rule");
    }

    @Test
    void aRequiredFactThatWasNotCollectedIsUnknownToo() {
        FakeRule rule = new FakeRule("test.locker.encryption", Severity.HIGH, "test", Set.of(Fact.ENCRYPTION),
                (r, a) -> Outcome.pass("encrypted"));

        Outcome o = Scanner.decide(rule, locker("111122223333", "b"), NO_VERDICT);

        assertEquals(Outcome.Status.UNKNOWN, o.status());
        assertEquals("could not read ENCRYPTION: not collected", o.message());
        assertEquals(0, rule.calls);
    }

    @Test
    void everyUnreadRequiredFactIsNamed() {
        FakeRule rule = new FakeRule("test.locker.both", Severity.HIGH, "test",
                Set.of(TestCloud.LOCK, TestCloud.GRANTS), (r, a) -> Outcome.pass("fine"));
        Resource denied = Resource.builder("test", "111122223333", "b").kind(TestCloud.LOCKER)
                .unknown(TestCloud.GRANTS, "GetShares", "locker:GetShares", "AccessDenied")
                .unknown(TestCloud.LOCK, "GetLock", "locker:GetLock", "Throttled").build();

        Outcome o = Scanner.decide(rule, denied, NO_VERDICT);

        assertEquals(List.of("could not read GRANTS: GetShares failed with AccessDenied (needs locker:GetShares)",
                "could not read LOCK: GetLock failed with Throttled (needs locker:GetLock)"), o.evidence());
        assertEquals(0, rule.calls);
    }

    @Test
    void aRuleWhoseRequiredFactsAreKnownIsCalledWithTheResourceAndItsVerdict() {
        FakeRule rule = new FakeRule("test.locker.lock", Severity.HIGH, "test", Set.of(TestCloud.LOCK),
                (r, a) -> Outcome.fail(r.id() + " is " + a.exposure()));

        Outcome o = Scanner.decide(rule, locker("111122223333", "b"), NO_VERDICT);

        assertEquals(new Outcome(Outcome.Status.FAIL, "b is UNKNOWN", List.of()), o);
        assertEquals(1, rule.calls);
    }

    @Test
    void aFactTheRuleOnlyReadsIsFetchedButTheRuleIsCalledWhenItIsUnread() {
        FakeRule rule = new FakeRule("test.locker.label", Severity.LOW, "test", Set.of(), Set.of(TestCloud.LABEL),
                (r, a) -> r.knows(TestCloud.LABEL) ? Outcome.pass("labelled")
                        : Outcome.unknown("the label could not be read, so I say so myself", List.of()));
        Resource denied = TestCloud.locker("111122223333", "b")
                .unknown(TestCloud.LABEL, "GetLabel", "locker:GetLabel", "AccessDenied").build();
        FakeProvider test = new FakeProvider("test", denied);

        ScanReport report = scanner(RuleSet.of(List.of(rule)), test).build().scan();

        assertTrue(test.requested.get(0).of("test").contains(TestCloud.LABEL), "a fact in reads is fetched");
        assertEquals(1, rule.calls, "the rule is called although the fact is unread");
        assertEquals("the label could not be read, so I say so myself",
                finding(report, "test:111122223333:b", "test.locker.label").message());
    }

    @Test
    void theScanGatesRulesTheSameWay() {
        FakeRule rule = new FakeRule("test.locker.lock", Severity.HIGH, "test", Set.of(TestCloud.LOCK),
                (r, a) -> Outcome.pass("the lock is engaged"));
        Resource denied = TestCloud.locker("111122223333", "b")
                .unknown(TestCloud.LOCK, "GetLock", "locker:GetLock", "AccessDenied").build();

        ScanReport report = scanner(RuleSet.of(List.of(rule)), new FakeProvider("test", denied)).build().scan();

        Finding f = finding(report, "test:111122223333:b", "test.locker.lock");
        assertEquals(FindingStatus.UNKNOWN, f.status(), "never PASS when the lock could not be read");
        assertTrue(f.message().contains("locker:GetLock"), f::message);
        assertEquals(0, rule.calls);
        assertEquals(List.of(), report.errors(), "an unread fact is no internal error");
    }
}
