package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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

        String verbose = render(false, true);
        assertTrue(verbose.contains("  PASS       LOW      aws.s3.access-logging"));
        assertFalse(verbose.contains(" passed\n"), "no count line when every pass is listed");
    }

    @Test
    void errorsWarningsAndSummaryCloseTheReport() throws IOException {
        String text = render(false, false);
        assertTrue(text.contains("Scan errors (1):\n  ACCESS_DENIED  azure:sub-0001: listing storage accounts"));
        assertTrue(text.contains("Warnings (1):\n  suppression expired on 2026-01-31"));
        String summary = text.substring(text.indexOf("Summary: ")).replace("\n  ", " ");
        assertEquals("Summary: 4 resources (1 public, 1 unknown, 1 cross-account, 1 private); findings: 5 failed, "
                + "2 unknown, 1 suppressed, 6 passed (1 critical, 1 high, 2 medium, 1 low); reads leave no trace on 1 resource (1 exposed); "
                + "1 scan error\n", summary);
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
        assertTrue(text.contains("  reads recorded: not assessed  (the selected rules did not need it read)"), text);
    }

    @Test
    void anEmptyScanSaysSo() throws IOException {
        String text = ReporterGoldenTest.render(new TextReporter(),
                new ScanReport("1", List.of(), List.of(), List.of(), List.of())).replace("\n  ", " ");
        assertEquals("No resources found.\n\nSummary: 0 resources (0 public, 0 unknown, 0 cross-account, 0 private); "
                + "findings: 0 failed, 0 unknown, 0 suppressed, 0 passed; reads leave no trace on 0 resources (0 exposed); "
                + "0 scan errors\n", text);
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
