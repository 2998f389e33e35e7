package dev.bucketguard.report;

import dev.bucketguard.provider.ScanError;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.spi.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML, which most CI systems show as a test report.
 *
 * <ul>
 *   <li>One {@code <testsuite>} per provider and account ({@code aws:111122223333}), so a CI view groups findings
 *       the way cloud owners are organised.</li>
 *   <li>One {@code <testcase>} per rule and resource: {@code classname} is the resource reference, {@code name} the
 *       rule id.</li>
 *   <li>FAIL at or above the threshold ({@code --fail-on}) and not accepted in the baseline is a {@code <failure>}
 *       whose type is the severity and whose text is the evidence.</li>
 *   <li>UNKNOWN at or above the threshold is an {@code <error>}: the check could not run, because a setting it
 *       needs could not be read.</li>
 *   <li>A FAIL or UNKNOWN that the gate lets pass (below the threshold, or accepted in the baseline) passes, with
 *       its status and text in the test case's system-out, so the JUnit view agrees with the exit code.</li>
 *   <li>SUPPRESSED is {@code <skipped message="suppressed: reason">}; PASS is a plain test case.</li>
 *   <li>Scan errors, when there are any, form one more suite, {@code bucketguard scan errors}, each an
 *       {@code <error>}, so a partial scan never looks green; warnings go to that suite's system-out.</li>
 * </ul>
 *
 * <p>No timestamps, host names or durations: the same report gives the same bytes.
 */
public final class JunitReporter implements Reporter {
    static final String ERROR_SUITE = "bucketguard scan errors";

    private final Severity failOn;

    /** Every FAIL is a failure and every UNKNOWN an error, whatever the severity. */
    public JunitReporter() {
        this(Severity.LOW);
    }

    /** Findings below {@code failOn} (null: every finding) pass, with their text in system-out. */
    public JunitReporter(Severity failOn) {
        this.failOn = failOn;
    }

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        Map<String, List<ResourceReport>> suites = new LinkedHashMap<>();
        // The report is ordered by provider, account and id, so suites come out in that order too.
        for (ResourceReport r : report.resources()) {
            suites.computeIfAbsent(r.resource().provider() + ":" + r.resource().account(), k -> new ArrayList<>())
                    .add(r);
        }
        // Counted first and written after, test case by test case: the document is never held in memory whole.
        Map<String, Counts> counts = new LinkedHashMap<>();
        Counts total = new Counts();
        for (Map.Entry<String, List<ResourceReport>> suite : suites.entrySet()) {
            Counts c = new Counts();
            for (ResourceReport r : suite.getValue()) {
                for (Finding f : r.findings()) {
                    c.count(caseOf(f));
                }
            }
            counts.put(suite.getKey(), c);
            total.add(c);
        }
        boolean errorSuite = !report.errors().isEmpty() || !report.warnings().isEmpty();
        Counts errorCounts = new Counts();
        errorCounts.tests = report.errors().size();
        errorCounts.errors = report.errors().size();
        total.add(errorCounts);

        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"bucketguard\"" + total.attributes() + ">\n");
        for (Map.Entry<String, List<ResourceReport>> suite : suites.entrySet()) {
            openSuite(out, suite.getKey(), counts.get(suite.getKey()));
            for (ResourceReport r : suite.getValue()) {
                for (Finding f : r.findings()) {
                    testcase(out, r.resource().ref(), f);
                }
            }
            closeSuite(out, List.of());
        }
        if (errorSuite) {
            openSuite(out, ERROR_SUITE, errorCounts);
            for (ScanError e : report.errors()) {
                String scope = e.scope().startsWith(e.provider() + ":") ? e.scope() : e.provider() + ":" + e.scope();
                out.write("    <testcase classname=\"" + Xml.attr(scope) + "\" name=\""
                        + Xml.attr(e.kind().name().toLowerCase(Locale.ROOT)) + "\">\n      <error message=\""
                        + Xml.attr(e.message()) + "\" type=\"" + e.kind().name() + "\"/>\n    </testcase>\n");
            }
            closeSuite(out, report.warnings());
        }
        out.write("</testsuites>\n");
        out.flush();
    }

    private static void openSuite(Writer out, String name, Counts c) throws IOException {
        out.write("  <testsuite name=\"" + Xml.attr(name) + "\"" + c.attributes() + ">\n");
    }

    private static void closeSuite(Writer out, List<String> systemOut) throws IOException {
        if (!systemOut.isEmpty()) {
            out.write("    <system-out>" + Xml.text(String.join("\n", systemOut)) + "</system-out>\n");
        }
        out.write("  </testsuite>\n");
    }

    /** How a finding shows in JUnit. */
    private enum Case {
        PASSED,
        /** A FAIL or UNKNOWN the gate lets pass: a passing test case with its text in system-out. */
        WAVED,
        FAILURE,
        ERROR,
        SKIPPED
    }

    private Case caseOf(Finding f) {
        if (f.status() == FindingStatus.PASS) {
            return Case.PASSED;
        }
        boolean counts = failOn != null && f.severity().atLeast(failOn);
        boolean waved = (f.status() == FindingStatus.FAIL && (!counts || !f.gates()))
                || (f.status() == FindingStatus.UNKNOWN && !counts);
        if (waved) {
            return Case.WAVED;
        }
        return switch (f.status()) {
            case FAIL -> Case.FAILURE;
            case UNKNOWN -> Case.ERROR;
            case SUPPRESSED -> Case.SKIPPED;
            case PASS -> Case.PASSED;
        };
    }

    private void testcase(Writer out, String ref, Finding f) throws IOException {
        StringBuilder b = new StringBuilder(256);
        b.append("    <testcase classname=\"").append(Xml.attr(ref)).append("\" name=\"")
                .append(Xml.attr(f.ruleId())).append('"');
        switch (caseOf(f)) {
            case PASSED -> b.append("/>\n");
            case WAVED -> {
                boolean counts = failOn != null && f.severity().atLeast(failOn);
                String why = f.status() == FindingStatus.FAIL && counts ? "accepted in the baseline"
                        : failOn == null ? "--fail-on none" : "below --fail-on " + failOn.name().toLowerCase(
                        java.util.Locale.ROOT);
                b.append(">\n      <system-out>").append(Xml.text(f.status() + " (" + why + "): " + f.message()
                        + "\n" + details(f))).append("</system-out>\n    </testcase>\n");
            }
            case FAILURE -> b.append(">\n      <failure message=\"").append(Xml.attr(f.message()))
                    .append("\" type=\"").append(f.severity().name()).append("\">").append(Xml.text(details(f)))
                    .append("</failure>\n    </testcase>\n");
            case ERROR -> b.append(">\n      <error message=\"")
                    .append(Xml.attr("could not be checked: " + f.message()))
                    .append("\" type=\"UNKNOWN\">").append(Xml.text(details(f))).append("</error>\n    </testcase>\n");
            case SKIPPED -> {
                String reason = f.suppression() == null ? "suppressed" : "suppressed: " + f.suppression().reason();
                b.append(">\n      <skipped message=\"").append(Xml.attr(reason)).append("\"/>\n    </testcase>\n");
            }
        }
        out.write(b.toString());
    }

    private static String details(Finding f) {
        StringBuilder b = new StringBuilder(f.severity().name()).append(' ').append(f.ruleId());
        if (f.title() != null) {
            b.append(": ").append(f.title());
        }
        b.append('\n').append(f.message());
        for (String e : f.evidence()) {
            b.append("\n- ").append(e);
        }
        if (f.baselined()) {
            b.append("\n(in the baseline: does not fail the gate)");
        }
        return b.toString();
    }

    private static final class Counts {
        int tests;
        int failures;
        int errors;
        int skipped;

        void count(Case k) {
            tests++;
            switch (k) {
                case FAILURE -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                default -> { }
            }
        }

        void add(Counts o) {
            tests += o.tests;
            failures += o.failures;
            errors += o.errors;
            skipped += o.skipped;
        }

        String attributes() {
            return " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\""
                    + skipped + "\"";
        }
    }
}
