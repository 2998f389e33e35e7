package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.model.BlockPublicAccess;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Guardrails;
import dev.bucketguard.model.ObjectOwnership;
import dev.bucketguard.model.PolicyFacts;
import dev.bucketguard.model.PublicAccessPrevention;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Severity;
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

    /** A fully read, private S3 bucket. */
    static Resource s3(String account, String id) {
        return Resource.builder("aws", account, id)
                .collected(Fact.ACL, Fact.POLICY, Fact.POLICY_STATUS, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                        Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT, Fact.OBJECT_OWNERSHIP)
                .guardrails(Guardrails.s3(BlockPublicAccess.ALL, BlockPublicAccess.ALL,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .policy(PolicyFacts.NONE).build();
    }

    /** A fully read, private GCS bucket. */
    static Resource gcs(String project, String id) {
        return Resource.builder("gcp", project, id)
                .collected(Fact.IAM_POLICY, Fact.PUBLIC_ACCESS_PREVENTION, Fact.ACL, Fact.DEFAULT_OBJECT_ACL)
                .guardrails(new Guardrails(null, null, null, null, null, null, PublicAccessPrevention.ENFORCED, null,
                        true))
                .build();
    }

    private static Scanner.Builder scanner(RuleSet rules, FakeProvider... providers) {
        Scanner.Builder b = Scanner.builder().rules(rules).clock(MARCH_1).toolVersion("test");
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
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("aws.s3.only", Severity.HIGH, "aws"),
                FakeRule.failing("gcp.gcs.only", Severity.HIGH, "gcp"),
                FakeRule.passing("any.storage.check", Severity.LOW, "*")));
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "applicants")),
                new FakeProvider("gcp", gcs("hr-prod", "cvs"))).build().scan();

        assertEquals(List.of("any.storage.check", "aws.s3.only"), ruleIds(report, "aws:111122223333:applicants"));
        assertEquals(List.of("any.storage.check", "gcp.gcs.only"), ruleIds(report, "gcp:hr-prod:cvs"));
        assertEquals("aws.s3.only fails on applicants", finding(report, "aws:111122223333:applicants",
                "aws.s3.only").message());
    }

    @Test
    void aThrowingRuleBecomesUnknownWithAnInternalErrorAndTheScanGoesOn() {
        FakeRule flaky = new FakeRule("aws.s3.flaky", Severity.HIGH, "aws", Set.of(), (r, a) -> {
            if (r.id().equals("broken")) {
                throw new IllegalStateException("secret=AKIAEXAMPLE leaked into a message");
            }
            return Outcome.pass("fine");
        });
        RuleSet rules = RuleSet.of(List.of(flaky, FakeRule.failing("aws.s3.other", Severity.LOW, "aws")));
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "broken"),
                s3("111122223333", "healthy"))).build().scan();

        Finding broken = finding(report, "aws:111122223333:broken", "aws.s3.flaky");
        assertEquals(FindingStatus.UNKNOWN, broken.status());
        assertEquals("rule aws.s3.flaky failed with an internal error", broken.message());
        assertEquals(FindingStatus.FAIL, finding(report, "aws:111122223333:broken", "aws.s3.other").status());
        assertEquals(FindingStatus.PASS, finding(report, "aws:111122223333:healthy", "aws.s3.flaky").status());

        assertEquals(List.of(new ScanError("aws", "aws:111122223333:broken", ScanError.Kind.INTERNAL,
                "rule aws.s3.flaky failed: IllegalStateException")), report.errors());
        assertFalse(report.errors().get(0).message().contains("AKIA"), "exception text may carry secrets");
    }

    @Test
    void aRuleReturningNullIsTreatedLikeOneThatThrows() {
        RuleSet rules = RuleSet.of(List.of(new FakeRule("aws.s3.null", Severity.LOW, "aws", Set.of(), (r, a) -> null)));
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "b"))).build().scan();

        assertEquals(FindingStatus.UNKNOWN, finding(report, "aws:111122223333:b", "aws.s3.null").status());
        assertEquals(ScanError.Kind.INTERNAL, report.errors().get(0).kind());
    }

    @Test
    void providersAreAskedForTheVerdictFactsAndWhatTheRulesRequire() {
        RuleSet rules = RuleSet.of(List.of(new FakeRule("aws.s3.encryption", Severity.MEDIUM, "aws",
                Set.of(Fact.ENCRYPTION, Fact.ENCRYPTION_KEY), (r, a) -> Outcome.pass("ok"))));
        FakeProvider aws = new FakeProvider("aws", s3("111122223333", "b"));
        scanner(rules, aws).build().scan();

        Set<Fact> asked = aws.requested.get(0);
        assertTrue(asked.containsAll(Scanner.VERDICT_FACTS), () -> "asked for " + asked);
        assertTrue(asked.containsAll(Set.of(Fact.ENCRYPTION, Fact.ENCRYPTION_KEY)), () -> "asked for " + asked);
        assertFalse(asked.contains(Fact.VERSIONING), "no rule needs versioning");
    }

    @Test
    void theVerdictIsAttachedToEachResource() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.passing("aws.s3.seen", Severity.LOW, "aws")));
        Resource unread = Resource.builder("aws", "111122223333", "unread")
                .unknown(Fact.POLICY, "GetBucketPolicy", "s3:GetBucketPolicy", "AccessDenied").build();
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "b"), unread)).build().scan();

        assertEquals(Exposure.PRIVATE, report.resources().get(0).assessment().exposure());
        assertEquals(Exposure.UNKNOWN, report.resources().get(1).assessment().exposure());
    }

    @Test
    void providerErrorsReachTheReport() {
        ScanError denied = new ScanError("aws", "account 111122223333", ScanError.Kind.ACCESS_DENIED,
                "ListBuckets failed with AccessDenied (needs s3:ListAllMyBuckets)");
        ScanReport report = scanner(RuleSet.of(List.of()), new FakeProvider("aws", List.of(), List.of(denied)))
                .build().scan();

        assertEquals(List.of(denied), report.errors());
    }

    @Test
    void aSuppressionCoversAFailingFindingUntilItsLastDay() {
        Suppression lastDayToday = new Suppression("aws.s3.versioning", "aws:111122223333:app-logs",
                "logs are kept by the log pipeline", LocalDate.of(2026, 3, 1));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("aws.s3.versioning", Severity.MEDIUM, "aws")));
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "app-logs")))
                .suppressions(List.of(lastDayToday)).build().scan();

        Finding f = finding(report, "aws:111122223333:app-logs", "aws.s3.versioning");
        assertEquals(FindingStatus.SUPPRESSED, f.status());
        assertSame(lastDayToday, f.suppression());
        assertEquals(List.of(), report.warnings());
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.LOW, true).evaluate(report));
    }

    @Test
    void anExpiredSuppressionStopsSuppressingAndSaysSo() {
        Suppression expired = new Suppression("aws.s3.versioning", "app-*", "logs are kept by the log pipeline",
                LocalDate.of(2026, 2, 28));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("aws.s3.versioning", Severity.MEDIUM, "aws")));
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "app-logs")))
                .suppressions(List.of(expired)).build().scan();

        Finding f = finding(report, "aws:111122223333:app-logs", "aws.s3.versioning");
        assertEquals(FindingStatus.FAIL, f.status());
        assertNull(f.suppression());
        assertTrue(f.evidence().contains("suppression expired on 2026-02-28: logs are kept by the log pipeline"),
                f.evidence()::toString);
        assertEquals(List.of("suppression expired on 2026-02-28 and no longer applies: aws.s3.versioning on app-*"
                + " (logs are kept by the log pipeline), expires 2026-02-28"), report.warnings());
        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.LOW, true).evaluate(report));
    }

    @Test
    void aSuppressionDoesNotTouchPassingFindingsOrOtherRules() {
        Suppression all = new Suppression("*", "*", "sandbox account", null);
        Suppression other = new Suppression("aws.s3.other", "*", "not this rule", null);
        RuleSet rules = RuleSet.of(List.of(FakeRule.passing("aws.s3.ok", Severity.LOW, "aws"),
                FakeRule.unknown("aws.s3.unknown", Severity.HIGH, "aws")));
        ScanReport onlyOther = scanner(rules, new FakeProvider("aws", s3("111122223333", "b")))
                .suppressions(List.of(other)).build().scan();
        assertEquals(FindingStatus.UNKNOWN, finding(onlyOther, "aws:111122223333:b", "aws.s3.unknown").status());

        ScanReport everything = scanner(rules, new FakeProvider("aws", s3("111122223333", "b")))
                .suppressions(List.of(all)).build().scan();
        assertEquals(FindingStatus.PASS, finding(everything, "aws:111122223333:b", "aws.s3.ok").status());
        assertEquals(FindingStatus.SUPPRESSED, finding(everything, "aws:111122223333:b", "aws.s3.unknown").status());
    }

    @Test
    void aFindingFailingInTheBaselineIsMarkedAndDoesNotGate_aNewOneDoes() {
        Baseline baseline = Baseline.of(Set.of("aws.s3.versioning|aws:111122223333:old"));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("aws.s3.versioning", Severity.HIGH, "aws")));

        ScanReport known = scanner(rules, new FakeProvider("aws", s3("111122223333", "old")))
                .baseline(baseline).build().scan();
        Finding old = finding(known, "aws:111122223333:old", "aws.s3.versioning");
        assertEquals(FindingStatus.FAIL, old.status());
        assertTrue(old.baselined());
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.LOW, true).evaluate(known));

        ScanReport withNew = scanner(rules, new FakeProvider("aws", s3("111122223333", "old"),
                s3("111122223333", "new"))).baseline(baseline).build().scan();
        assertFalse(finding(withNew, "aws:111122223333:new", "aws.s3.versioning").baselined());
        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.LOW, true).evaluate(withNew));
    }

    @Test
    void resourcesAreOrderedByProviderAccountAndIdWhateverTheProviderOrder() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.passing("any.storage.check", Severity.LOW, "*")));
        FakeProvider gcp = new FakeProvider("gcp", gcs("b-project", "z"), gcs("a-project", "y"));
        FakeProvider aws = new FakeProvider("aws", s3("222233334444", "a"), s3("111122223333", "b"),
                s3("111122223333", "a"));
        List<String> expected = List.of("aws:111122223333:a", "aws:111122223333:b", "aws:222233334444:a",
                "gcp:a-project:y", "gcp:b-project:z");

        ScanReport one = scanner(rules, gcp, aws).build().scan();
        ScanReport other = scanner(rules, aws, gcp).build().scan();

        assertEquals(expected, one.resources().stream().map(r -> r.resource().ref()).toList());
        assertEquals(one, other);
    }

    @Test
    void findingsAreOrderedFailUnknownSuppressedPassThenSeverityThenId() {
        RuleSet rules = RuleSet.of(List.of(
                FakeRule.passing("aws.s3.a-pass", Severity.CRITICAL, "aws"),
                FakeRule.failing("aws.s3.z-fail-low", Severity.LOW, "aws"),
                FakeRule.failing("aws.s3.b-fail-high", Severity.HIGH, "aws"),
                FakeRule.failing("aws.s3.a-fail-high", Severity.HIGH, "aws"),
                FakeRule.unknown("aws.s3.unknown", Severity.CRITICAL, "aws"),
                FakeRule.failing("aws.s3.muted", Severity.CRITICAL, "aws")));
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "b")))
                .suppressions(List.of(new Suppression("aws.s3.muted", "b", "accepted", null))).build().scan();

        assertEquals(List.of("aws.s3.a-fail-high", "aws.s3.b-fail-high", "aws.s3.z-fail-low", "aws.s3.unknown",
                "aws.s3.muted", "aws.s3.a-pass"),
                report.resources().get(0).findings().stream().map(Finding::ruleId).toList());
        assertEquals("aws.s3.a-fail-high", report.resources().get(0).worstFailure().ruleId());
    }

    @Test
    void theSummaryCountsResourcesVerdictsFindingsAndErrors() {
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("aws.s3.fail", Severity.HIGH, "aws"),
                FakeRule.passing("any.storage.pass", Severity.LOW, "*"),
                FakeRule.unknown("gcp.gcs.unknown", Severity.MEDIUM, "gcp")));
        Resource unread = Resource.builder("aws", "111122223333", "unread")
                .unknown(Fact.POLICY, "GetBucketPolicy", "s3:GetBucketPolicy", "AccessDenied").build();
        ScanError err = new ScanError("gcp", "project x", ScanError.Kind.ACCESS_DENIED, "denied");
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "b"), unread),
                new FakeProvider("gcp", List.of(gcs("p", "c")), List.of(err))).build().scan();

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
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("aws.s3.fail", Severity.HIGH, "aws")));
        Scanner s = scanner(rules, new FakeProvider("aws", s3("111122223333", "b"), s3("111122223333", "a")))
                .build();

        assertEquals(s.scan(), s.scan());
    }

    @Test
    void anExpiredSuppressionGatesEvenWhenTheBaselineWasTakenWhileItHeld(@TempDir
            Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("baseline.json"), """
                {"formatVersion": "1.0", "resources": [{"provider": "aws", "account": "111122223333",
                  "id": "app-logs", "findings": [{"ruleId": "aws.s3.versioning", "status": "SUPPRESSED"}]}]}
                """);
        Suppression expired = new Suppression("aws.s3.versioning", "app-logs", "logs", LocalDate.of(2026, 2, 28));
        RuleSet rules = RuleSet.of(List.of(FakeRule.failing("aws.s3.versioning", Severity.MEDIUM, "aws")));
        ScanReport report = scanner(rules, new FakeProvider("aws", s3("111122223333", "app-logs")))
                .suppressions(List.of(expired)).baseline(Baseline.load(file)).build().scan();

        assertFalse(finding(report, "aws:111122223333:app-logs", "aws.s3.versioning").baselined());
        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.LOW, true).evaluate(report));
    }
}
