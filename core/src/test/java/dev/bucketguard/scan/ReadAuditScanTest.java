package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.ContextualRule;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.RuleContext;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.ScanParameters;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.testcloud.Locker;
import dev.bucketguard.testcloud.TestCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The read audit end to end through the engine: each cloud answers it, the scanner hands it and the scan's
 * parameters to rules, a rule's severity can depend on the verdict, and the summary counts resources whose reads
 * leave no trace.
 */
class ReadAuditScanTest {

    /**
     * A test cloud that answers the read audit from the locker's label: "logs-to:DEST:DAYS" is a trail to locker DEST
     * keeping records DAYS days, "unread" a setting that could not be read, "book-of:OTHER" whatever locker OTHER
     * answers, anything else no trail.
     */
    static final class AuditedCloud extends TestCloud {
        @Override
        public ReadAudit readAudit(Resource resource, AuditContext context) {
            String label = resource.details(Locker.class).label();
            if (label == null || label.equals("boom")) {
                throw new IllegalStateException("a bug");
            }
            if (label.equals("unread")) {
                return ReadAudit.of(List.of(), List.of(), List.of(new dev.bucketguard.model.Unknown(LABEL,
                        "GetLabel", "lockers:GetLabel", "AccessDenied")));
            }
            if (label.startsWith("book-of:")) {
                // The visitor book is another locker's: answer from that locker, as the scan collected it.
                String other = label.substring("book-of:".length());
                return context.scope().resource(ID, other).map(r -> readAudit(r, context)).orElseGet(() ->
                        ReadAudit.of(List.of(), List.of(), List.of(new dev.bucketguard.model.Unknown(LABEL,
                                "GetLabel", "lockers:GetLabel", "locker " + other + " is not in the scan"))));
            }
            if (!label.startsWith("logs-to:")) {
                return ReadAudit.of(List.of(), List.of("the locker keeps no visitor book"), List.of());
            }
            String[] p = label.split(":");
            List<String> reasons = new ArrayList<>();
            context.scope().verdict(ID, p[1]).ifPresentOrElse(
                    v -> reasons.add("the visitor book's locker " + p[1] + " is " + v.exposure()),
                    () -> reasons.add("the visitor book's locker " + p[1] + " is not in the scan"));
            return ReadAudit.of(List.of(new AuditTrail("visitor book", "locker " + p[1],
                    Retention.days(Integer.parseInt(p[2]), "the book is torn out after " + p[2] + " days"))),
                    reasons, List.of());
        }
    }

    /** Fails where reads are not kept the required days; HIGH on a public locker, MEDIUM otherwise. */
    static final class KeptLongEnough implements ContextualRule {
        @Override
        public RuleMetadata metadata() {
            return new FakeRule("test.locker.kept", Severity.HIGH, "test", Set.of(), (r, v) -> null).metadata();
        }

        @Override
        public Outcome evaluate(Resource resource, Verdict verdict, RuleContext context) {
            int days = context.parameters().get(ScanParameters.LOG_RETENTION_DAYS);
            Boolean kept = context.readAudit().retainedFor(days);
            Outcome o = kept == null ? Outcome.unknown("cannot tell", context.readAudit().explanation())
                    : kept ? Outcome.pass("kept " + days + " days") : Outcome.fail("not kept " + days + " days");
            return verdict.exposure() == Exposure.PUBLIC ? o : o.withSeverity(Severity.MEDIUM);
        }
    }

    private static Resource locker(String id, String label, boolean isPublic) {
        Resource.Builder b = TestCloud.locker("111122223333", id).details(new Locker(Locker.Lock.OPEN, label));
        if (isPublic) {
            b.grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ), TestCloud.SHARE, "share 'everyone'",
                    "anyone may read", List.of(), null));
        }
        return b.build();
    }

    private static ScanReport scan(ScanParameters parameters, Resource... resources) {
        return Scanner.builder().clouds(Clouds.of(new AuditedCloud())).rules(RuleSet.of(List.of(new KeptLongEnough())))
                .parameters(parameters).toolVersion("test").provider(new FakeProvider("test", resources)).build()
                .scan();
    }

    private static ResourceReport report(ScanReport report, String id) {
        return report.resources().stream().filter(r -> r.resource().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theRequiredRetentionReachesTheRuleAndTheSeverityFollowsTheVerdict() {
        Resource kept30 = locker("applicants", "logs-to:books:30", true);
        Resource quiet = locker("payroll", "none", false);

        ScanReport strict = scan(ScanParameters.DEFAULTS, kept30, quiet);
        Finding applicants = report(strict, "applicants").findings().get(0);
        assertEquals(FindingStatus.FAIL, applicants.status());
        assertEquals("not kept 365 days", applicants.message());
        assertEquals(Severity.HIGH, applicants.severity(), "public: the rule's own severity");
        Finding payroll = report(strict, "payroll").findings().get(0);
        assertEquals(FindingStatus.FAIL, payroll.status());
        assertEquals(Severity.MEDIUM, payroll.severity(), "private: lowered by the rule");

        ScanReport lenient = scan(ScanParameters.DEFAULTS.with(ScanParameters.LOG_RETENTION_DAYS, 30), kept30, quiet);
        assertEquals(FindingStatus.PASS, report(lenient, "applicants").findings().get(0).status());
        assertEquals("kept 30 days", report(lenient, "applicants").findings().get(0).message());
        assertEquals(FindingStatus.FAIL, report(lenient, "payroll").findings().get(0).status());
    }

    @Test
    void aReadAuditSeesTheVerdictOfItsDestinationWhenItIsInTheScan() {
        ScanReport r = scan(ScanParameters.DEFAULTS, locker("applicants", "logs-to:books:30", false),
                locker("books", "none", true), locker("cvs", "logs-to:elsewhere:30", false));

        assertEquals(List.of("the visitor book's locker books is PUBLIC"), report(r, "applicants").readAudit().reasons());
        assertEquals(List.of("the visitor book's locker elsewhere is not in the scan"),
                report(r, "cvs").readAudit().reasons());
    }

    @Test
    void aReadAuditCanAnswerFromAnotherResourceOfTheScanAndIsUnknownWithoutIt() {
        ScanReport r = scan(ScanParameters.DEFAULTS, locker("applicants", "book-of:ledger", true),
                locker("ledger", "logs-to:books:400", false), locker("cvs", "book-of:missing", false));

        assertEquals(ReadsRecorded.YES, report(r, "applicants").readAudit().recorded());
        assertEquals("visitor book to locker books, kept 400 days",
                report(r, "applicants").readAudit().trails().get(0).describe());
        assertEquals(ReadsRecorded.UNKNOWN, report(r, "cvs").readAudit().recorded(), "never NO without it");
        Resource alone = locker("applicants", "book-of:ledger", true);
        Scanner scanner = Scanner.builder().clouds(Clouds.of(new AuditedCloud()))
                .rules(RuleSet.of(List.of(new KeptLongEnough()))).toolVersion("test")
                .provider(new FakeProvider("test", alone)).build();
        assertEquals(ReadsRecorded.UNKNOWN, scanner.evaluate(alone, java.time.LocalDate.of(2026, 1, 1),
                new ArrayList<>()).readAudit().recorded(), "judged alone, nothing else is in the scan");
    }

    @Test
    void theSummaryCountsResourcesWhoseReadsLeaveNoTraceAndTheExposedAmongThem() {
        ScanReport r = scan(ScanParameters.DEFAULTS, locker("a", "none", true), locker("b", "none", false),
                locker("c", "logs-to:x:400", true), locker("d", "unread", true));

        assertEquals(ReadsRecorded.UNKNOWN, report(r, "d").readAudit().recorded(), "an unread setting is never NO");
        assertEquals(2, r.summary().readsUnrecorded());
        assertEquals(1, r.summary().readsUnrecordedExposed());
        Finding d = report(r, "d").findings().get(0);
        assertEquals(FindingStatus.UNKNOWN, d.status());
        assertTrue(d.evidence().get(0).contains("needs lockers:GetLabel"), d.evidence().toString());
    }

    @Test
    void aFailingReadAuditIsUnknownWithAnInternalErrorAndTheScanGoesOn() {
        ScanReport r = scan(ScanParameters.DEFAULTS, locker("a", "boom", true), locker("b", "logs-to:x:400", true));

        assertEquals(ReadsRecorded.UNKNOWN, report(r, "a").readAudit().recorded());
        assertEquals(FindingStatus.UNKNOWN, report(r, "a").findings().get(0).status());
        assertEquals(FindingStatus.PASS, report(r, "b").findings().get(0).status());
        assertEquals(List.of(ScanError.Kind.INTERNAL), r.errors().stream().map(ScanError::kind).toList());
    }

    @Test
    void aCloudThatDoesNotAnswerIsNotAssessedNeverNo() {
        ScanReport r = Scanner.builder().clouds(Clouds.of(new TestCloud()))
                .rules(RuleSet.of(List.of(new KeptLongEnough()))).toolVersion("test")
                .provider(new FakeProvider("test", locker("a", "none", true))).build().scan();

        assertEquals(ReadsRecorded.NOT_ASSESSED, r.resources().get(0).readAudit().recorded());
        assertEquals(FindingStatus.UNKNOWN, r.resources().get(0).findings().get(0).status());
        assertEquals(0, r.summary().readsUnrecorded());
    }
}
