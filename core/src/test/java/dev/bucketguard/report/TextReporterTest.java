package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Suppression;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.RuleScope;
import dev.bucketguard.spi.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    private static String render(boolean colour, boolean verbose) throws IOException {
        return ReporterGoldenTest.render(new TextReporter(colour, verbose), ReportFixture.report());
    }

    /** The text with wrapped continuation lines joined back, for checks that should not depend on wrapping. */
    private static String unwrapped(String text) {
        return text.replaceAll("\n {4,}(?!- )", " ");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(TextReporter.colourWanted(Map.of(), true));
        assertTrue(TextReporter.colourWanted(Map.of("TERM", "xterm-256color"), true));
        assertFalse(TextReporter.colourWanted(Map.of(), false), "not a terminal");
        assertFalse(TextReporter.colourWanted(Map.of("NO_COLOR", "1"), true));
        assertFalse(TextReporter.colourWanted(Map.of("NO_COLOR", "0"), true), "any value counts");
        assertFalse(TextReporter.colourWanted(Map.of("NO_COLOR", ""), true), "even an empty one");
        assertFalse(TextReporter.colourWanted(Map.of("TERM", "dumb"), true));
    }

    @Test
    void colourOnlyWhenAskedAndNeverARawEscapeFromInput() throws IOException {
        String plain = render(false, false);
        assertFalse(plain.contains("\u001B"), "no escape character at all, not even the hostile name's");
        assertTrue(plain.contains("\\u001B[31m"), "the hostile name's escape is shown, not obeyed");
        String coloured = render(true, false);
        assertTrue(coloured.contains("\u001B[1;31mPUBLIC"));
        assertTrue(coloured.contains("\u001B[31mFAIL"));
        assertEquals(plain, coloured.replaceAll("\u001B\\[[0-9;]*m", ""), "colour changes nothing else");
    }

    @Test
    void resourcesComeWorstFirst() throws IOException {
        List<String> headers = render(false, false).lines()
                .filter(l -> l.matches("^(PUBLIC|CROSS_ACCOUNT|PRIVATE|UNKNOWN) .*")).toList();
        assertEquals(4, headers.size(), headers.toString());
        assertTrue(headers.get(0).startsWith("PUBLIC        aws:111122223333:applicants  [LISTABLE]  encryption: "
                + "PROVIDER_MANAGED (AES256)"));
        assertTrue(headers.get(1).startsWith("UNKNOWN       aws:111122223333:payroll-exports"));
        assertTrue(headers.get(1).contains("encryption: UNKNOWN (not read)"));
        assertTrue(headers.get(2).startsWith("CROSS_ACCOUNT aws:111122223333:partner-exchange"));
        assertTrue(headers.get(3).startsWith("PRIVATE       aws:111122223333:evil"));
    }

    @Test
    void worseFailuresComeFirstAmongResourcesWithTheSameVerdict() {
        ScanReport r = ReportFixture.report();
        var sorted = r.resources().stream().sorted(ReportOrder.WORST_FIRST).map(x -> x.resource().id()).toList();
        assertEquals(List.of("applicants", "payroll-exports", "partner-exchange", ReportFixture.HOSTILE_ID), sorted);
        var privateOnes = r.resources().stream()
                .filter(x -> x.verdict().exposure() == dev.bucketguard.exposure.Exposure.UNKNOWN).toList();
        assertEquals(dev.bucketguard.spi.Severity.LOW.ordinal(), ReportOrder.worstFailingRank(privateOnes.get(0)),
                "LOW is the worst failure there");
    }

    @Test
    void linesStayWithin120ColumnsAndInputCannotForgeLines() throws IOException {
        for (boolean verbose : new boolean[] {false, true}) {
            for (String line : render(false, verbose).lines().toList()) {
                assertTrue(line.length() <= TextReporter.WIDTH, () -> line.length() + ": " + line);
                assertFalse(line.startsWith("FAIL forged"), "a newline in a bucket name does not start a line");
                assertFalse(line.startsWith("FAIL injected"), "nor one in a message");
            }
        }
    }

    @Test
    void reasonsFailuresAndUnknownsAreShownAndPassesCountedUnlessVerbose() throws IOException {
        String text = unwrapped(render(false, false));
        assertTrue(text.contains("  because bucket ACL grants list, read to anyone"));
        assertTrue(text.contains("  FAIL       CRITICAL aws.s3.public-acl"));
        assertTrue(text.contains("  UNKNOWN    CRITICAL aws.s3.public-policy"));
        assertTrue(text.contains("(suppressed: public download mirror; history is kept in git; until 2027-06-30)"));
        assertTrue(text.contains("(in the baseline)"));
        assertTrue(text.contains("  2 passed"));
        assertFalse(text.contains("PASS "), "passes are only counted");
        assertFalse(text.contains("- bucket ACL: AllUsers has READ"), "evidence is detail: only with --verbose");

        String verbose = unwrapped(render(false, true));
        assertTrue(verbose.contains("  PASS       LOW      aws.s3.access-logging"));
        assertTrue(verbose.contains("- bucket ACL: AllUsers has READ"), "every finding with its evidence");
        assertFalse(verbose.contains(" passed\n"), "no count line when every pass is listed");
    }

    @Test
    void theSummaryAndThePublicResourcesComeFirstThenErrorsAndWarningsClose() throws IOException {
        String text = render(false, false);
        String summary = text.substring(0, text.indexOf('\n', text.indexOf('\n') + 1) + 1).replace("\n  ", " ");
        assertEquals("Summary: 4 resources (1 public, 1 unknown, 1 cross-account, 1 private); findings: 5 failed, "
                + "2 unknown, 1 suppressed, 6 passed (1 critical, 1 high, 2 medium, 1 low); reads leave no trace on 1 "
                + "resource (1 exposed); 1 scan error\n", summary);
        assertTrue(text.contains("1 scan error\nPublic (1):\n  aws:111122223333:applicants\n\nPUBLIC "), text);
        assertTrue(text.contains("Scan errors (1):\n  ACCESS_DENIED  azure:sub-0001: listing storage accounts"));
        assertTrue(text.contains("Warnings (1):\n  suppression expired on 2026-01-31"));
        assertTrue(text.indexOf("Scan errors") > text.lastIndexOf("PRIVATE "), "errors after the resources");
    }

    @Test
    void eachResourceSaysUnderItsVerdictWhetherItsReadsAreRecorded() throws IOException {
        String text = render(false, false);
        assertTrue(text.contains("PUBLIC        aws:111122223333:applicants  [LISTABLE]  encryption: PROVIDER_MANAGED "
                + "(AES256)\n  reads recorded: no  (server access logging off; no trail records object reads of this "
                + "bucket)\n"), text);
        assertTrue(text.contains("  reads recorded: unknown  (server access logging off; could not read TRAILS: "
                + "DescribeTrails failed with AccessDenied\n    (needs cloudtrail:DescribeTrails))"), text);
        assertTrue(text.contains("  reads recorded: yes  (server access logging to bucket audit-logs, prefix "
                + "partner-exchange/, kept 30 days; trail\n    'org-trail', kept for an unknown time"), text);
    }

    @Test
    void anEmptyScanSaysSo() throws IOException {
        String text = ReporterGoldenTest.render(new TextReporter(),
                new ScanReport("1", List.of(), List.of(), List.of(), List.of())).replace("\n  ", " ");
        assertEquals("Summary: 0 resources (0 public, 0 unknown, 0 cross-account, 0 private); "
                + "findings: 0 failed, 0 unknown, 0 suppressed, 0 passed; reads leave no trace on 0 resources (0 exposed); "
                + "0 scan errors\n\nNo resources found.\n\n", text);
    }

    /** Three buckets of one account and one of another; the account-level rule fails in both accounts. */
    private static ScanReport accountReport() {
        RuleMetadata accountRule = new RuleMetadata("aws.s3.account-block-public-access", "BPA is off for the account",
                Severity.HIGH, "aws", null, null, null, List.of(), Set.of(), Set.of(), List.of(), RuleScope.ACCOUNT);
        Suppression accepted = new Suppression(accountRule.id(), "aws:111122223333:website", "static site",
                null);
        List<ResourceReport> resources = new ArrayList<>();
        for (String ref : List.of("111122223333:archive", "111122223333:logs", "111122223333:website",
                "999988887777:backups")) {
            String account = ref.substring(0, ref.indexOf(':'));
            String id = ref.substring(ref.indexOf(':') + 1);
            Finding bpa = ReportFixture.finding(accountRule, FindingStatus.FAIL,
                    "BPA is off at account " + account, "BlockPublicAcls: off");
            Resource r = Resource.builder("aws", account, id).kind(ReportFixture.BUCKET).build();
            Verdict v = new Verdict(Exposure.PRIVATE, List.of("nothing reaches outside"), Set.of(), List.of(),
                    List.of(), List.of(), List.of());
            resources.add(new ResourceReport(r, v, List.of(id.equals("website") ? bpa.withSuppression(accepted) : bpa,
                    ReportFixture.finding(ReportFixture.LOGGING, FindingStatus.PASS, "logs go to 'audit'"))));
        }
        return new ScanReport("1", List.of(accountRule, ReportFixture.LOGGING), resources, List.of(), List.of());
    }

    @Test
    void anAccountLevelFindingIsShownOncePerAccountAndNotUnderEachResource() throws IOException {
        String text = render(new TextReporter(), accountReport());
        assertEquals(2, count(text, "BPA is off at account 111122223333"), text);
        assertTrue(text.contains("Account aws:111122223333 (3 resources):\n"
                + "  FAIL       HIGH     aws.s3.account-block-public-access  BPA is off at account 111122223333\n"), text);
        assertTrue(unwrapped(text).contains("for 2 of 3: archive, logs"), "an answer not all resources share names"
                + " its resources: " + text);
        assertTrue(unwrapped(text).contains("(suppressed: static site) for 1 of 3: website"), text);
        assertTrue(text.contains("Account aws:999988887777 (1 resource):\n"), text);
        assertEquals(1, count(text, "at account 999988887777"), "the sole answer of an account names no resource");
        assertFalse(text.contains("for 1 of 1"), text);
        assertEquals(List.of("PRIVATE       aws:111122223333:archive  encryption: UNKNOWN (not read)  1 passed",
                        "PRIVATE       aws:111122223333:logs  encryption: UNKNOWN (not read)  1 passed",
                        "PRIVATE       aws:999988887777:backups  encryption: UNKNOWN (not read)  1 passed",
                        "PRIVATE       aws:111122223333:website  encryption: UNKNOWN (not read)  1 passed"),
                text.lines().filter(l -> l.startsWith("PRIVATE")).toList(),
                "a private resource whose own findings all pass is one line, and the one-liners stand together");
        assertTrue(text.contains("1 passed\nPRIVATE       aws:111122223333:logs"), text);

        String verbose = render(new TextReporter(false, true), accountReport());
        assertEquals(2, count(verbose, "BPA is off at account 111122223333"), verbose);
        assertTrue(verbose.contains("  because nothing reaches outside"), "verbose shows every resource in full");
        assertTrue(verbose.contains("- BlockPublicAcls: off"), verbose);
    }

    @Test
    void theSummaryNamesTheFirstPublicResourcesAndCountsTheRest() throws IOException {
        List<ResourceReport> resources = new ArrayList<>();
        for (int i = 0; i < TextReporter.MAX_NAMED_PUBLIC + 3; i++) {
            Resource r = Resource.builder("aws", "111122223333", String.format("bucket-%02d", i))
                    .kind(ReportFixture.BUCKET).build();
            resources.add(new ResourceReport(r, new Verdict(Exposure.PUBLIC, List.of("open"), Set.of(), List.of(),
                    List.of(), List.of(), List.of()), List.of()));
        }
        List<String> lines = render(new TextReporter(), new ScanReport("1", List.of(), resources, List.of(),
                List.of())).lines().toList();
        assertEquals("Public (23):", lines.get(2));
        assertEquals("  aws:111122223333:bucket-00", lines.get(3));
        assertEquals("  aws:111122223333:bucket-19", lines.get(22));
        assertEquals("  and 3 more, below", lines.get(23));
        assertEquals("", lines.get(24));
    }

    private static String render(TextReporter reporter, ScanReport report) throws IOException {
        return ReporterGoldenTest.render(reporter, report);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void wrapBreaksAtSpacesAndCutsWordsLongerThanTheLine() {
        String longLine = "x ".repeat(100).trim();
        List<String> lines = TextReporter.wrap(longLine, "    ");
        assertTrue(lines.size() > 1);
        lines.forEach(l -> assertTrue(l.length() <= TextReporter.WIDTH));
        assertTrue(lines.get(1).startsWith("    x"));
        List<String> cut = TextReporter.wrap("a".repeat(300), "  ");
        assertEquals(3, cut.size());
        assertEquals(300, cut.stream().mapToInt(l -> l.strip().length()).sum(), "nothing is lost");
    }
}
