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
        Counts total = new Counts();
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, List<ResourceReport>> suite : suites.entrySet()) {
            Counts c = new Counts();
            StringBuilder cases = new StringBuilder();
            for (ResourceReport r : suite.getValue()) {
                for (Finding f : r.findings()) {
                    testcase(cases, r.resource().ref(), f, c);
                }
            }
            suite(body, suite.getKey(), c, cases, List.of());
            total.add(c);
        }
        if (!report.errors().isEmpty() || !report.warnings().isEmpty()) {
            Counts c = new Counts();
            StringBuilder cases = new StringBuilder();
            for (ScanError e : report.errors()) {
                c.tests++;
                c.errors++;
                String scope = e.scope().startsWith(e.provider() + ":") ? e.scope() : e.provider() + ":" + e.scope();
                cases.append("    <testcase classname=\"").append(Xml.attr(scope))
                        .append("\" name=\"").append(Xml.attr(e.kind().name().toLowerCase(Locale.ROOT)))
                        .append("\">\n      <error message=\"").append(Xml.attr(e.message()))
                        .append("\" type=\"").append(e.kind().name()).append("\"/>\n    </testcase>\n");
            }
            suite(body, ERROR_SUITE, c, cases, report.warnings());
            total.add(c);
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"bucketguard\"" + total.attributes() + ">\n");
        out.write(body.toString());
        out.write("</testsuites>\n");
        out.flush();
    }

    private static void suite(StringBuilder b, String name, Counts c, StringBuilder cases, List<String> out) {
        b.append("  <testsuite name=\"").append(Xml.attr(name)).append('"').append(c.attributes()).append(">\n");
        b.append(cases);
        if (!out.isEmpty()) {
            b.append("    <system-out>").append(Xml.text(String.join("\n", out))).append("</system-out>\n");
        }
        b.append("  </testsuite>\n");
    }

    private void testcase(StringBuilder b, String ref, Finding f, Counts c) {
        c.tests++;
        b.append("    <testcase classname=\"").append(Xml.attr(ref)).append("\" name=\"")
                .append(Xml.attr(f.ruleId())).append('"');
        if (f.status() == FindingStatus.PASS) {
            b.append("/>\n");
            return;
        }
        boolean counts = failOn != null && f.severity().atLeast(failOn);
        boolean waved = (f.status() == FindingStatus.FAIL && (!counts || !f.gates()))
                || (f.status() == FindingStatus.UNKNOWN && !counts);
        if (waved) {
            String why = f.status() == FindingStatus.FAIL && counts ? "accepted in the baseline"
                    : failOn == null ? "--fail-on none" : "below --fail-on " + failOn.name().toLowerCase(
                    java.util.Locale.ROOT);
            b.append(">\n      <system-out>").append(Xml.text(f.status() + " (" + why + "): " + f.message() + "\n"
                    + details(f))).append("</system-out>\n    </testcase>\n");
            return;
        }
        b.append(">\n");
        switch (f.status()) {
            case FAIL -> {
                c.failures++;
                b.append("      <failure message=\"").append(Xml.attr(f.message())).append("\" type=\"")
                        .append(f.severity().name()).append("\">").append(Xml.text(details(f)))
                        .append("</failure>\n");
            }
            case UNKNOWN -> {
                c.errors++;
                b.append("      <error message=\"").append(Xml.attr("could not be checked: " + f.message()))
                        .append("\" type=\"UNKNOWN\">").append(Xml.text(details(f))).append("</error>\n");
            }
            case SUPPRESSED -> {
                c.skipped++;
                String reason = f.suppression() == null ? "suppressed" : "suppressed: " + f.suppression().reason();
                b.append("      <skipped message=\"").append(Xml.attr(reason)).append("\"/>\n");
            }
            case PASS -> throw new IllegalStateException("handled above");
        }
        b.append("    </testcase>\n");
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
