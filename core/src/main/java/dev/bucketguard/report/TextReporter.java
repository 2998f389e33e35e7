package dev.bucketguard.report;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report for people at a terminal: resources worst first, each with why it is exposed and what failed, then
 * scan errors, warnings and one summary line. Lines stay within {@value #WIDTH} columns; long messages wrap under
 * their column. Names and messages from the cloud are printed with control characters escaped, so a bucket name
 * cannot forge lines or send terminal escapes.
 */
public final class TextReporter implements Reporter {
    static final int WIDTH = 120;
    private static final int STATUS_WIDTH = 10;
    private static final int SEVERITY_WIDTH = 8;
    private static final int MAX_RULE_WIDTH = 36;
    /** Past this column a message starts on its own line, so it never shrinks to a sliver. */
    private static final int MAX_MESSAGE_COLUMN = 66;

    private static final String RESET = "\u001B[0m";
    private static final String RED = "\u001B[31m";
    private static final String BOLD_RED = "\u001B[1;31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String MAGENTA = "\u001B[35m";
    private static final String GREEN = "\u001B[32m";
    private static final String DIM = "\u001B[2m";

    private final boolean colour;
    private final boolean verbose;

    /**
     * @param colour  ANSI colour; the CLI passes {@link #colourWanted}
     * @param verbose list PASS findings one by one rather than as a count
     */
    public TextReporter(boolean colour, boolean verbose) {
        this.colour = colour;
        this.verbose = verbose;
    }

    public TextReporter() {
        this(false, false);
    }

    /**
     * Whether a terminal wants colour: never when NO_COLOR is set, whatever its value (no-color.org ignores an empty
     * value; we err towards plain text), never when output is not a terminal, and never for TERM=dumb.
     */
    public static boolean colourWanted(Map<String, String> env, boolean isTty) {
        return isTty && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    @Override
    public String format() {
        return "text";
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        List<String> lines = new ArrayList<>();
        List<ResourceReport> resources = report.resources().stream().sorted(ReportOrder.WORST_FIRST).toList();
        if (resources.isEmpty()) {
            lines.add("No resources found.");
            lines.add("");
        }
        for (ResourceReport r : resources) {
            resource(lines, r);
            lines.add("");
        }
        if (!report.errors().isEmpty()) {
            lines.add(paint(RED, "Scan errors (" + report.errors().size() + "):"));
            for (ScanError e : report.errors()) {
                lines.addAll(wrap("  " + e.kind() + "  " + Printable.oneLine(e.scope()) + ": "
                        + Printable.oneLine(e.message()), "    "));
            }
            lines.add("");
        }
        if (!report.warnings().isEmpty()) {
            lines.add(paint(YELLOW, "Warnings (" + report.warnings().size() + "):"));
            for (String w : report.warnings()) {
                lines.addAll(wrap("  " + Printable.oneLine(w), "    "));
            }
            lines.add("");
        }
        lines.addAll(wrap(summary(report.summary()), "  "));
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
        out.flush();
    }

    private void resource(List<String> lines, ResourceReport report) {
        Resource r = report.resource();
        Exposure exposure = report.verdict().exposure();
        String tags = report.verdict().tags().isEmpty() ? "" : "  ["
                + report.verdict().tags().stream().map(ExposureTag::name).collect(Collectors.joining(", ")) + "]";
        String verdict = pad(exposure.name(), 13);
        List<String> header = wrap(verdict + " " + Printable.oneLine(r.ref()) + tags + "  encryption: "
                + encryption(r), " ".repeat(14));
        header.set(0, paint(exposureColour(exposure), verdict) + header.get(0).substring(verdict.length()));
        lines.addAll(header);
        lines.addAll(readAudit(report.readAudit()));
        for (String reason : report.verdict().reasons()) {
            lines.addAll(wrap("  because " + Printable.oneLine(reason), "          "));
        }
        List<Finding> listed = report.findings().stream().filter(f -> verbose || ReportOrder.notable(f)).toList();
        int ruleWidth = Math.min(MAX_RULE_WIDTH, Math.max(7,
                listed.stream().mapToInt(f -> f.ruleId().length()).max().orElse(0)));
        for (Finding f : listed) {
            finding(lines, f, ruleWidth);
        }
        long passed = report.findings().stream().filter(f -> f.status() == FindingStatus.PASS).count();
        if (report.findings().isEmpty()) {
            lines.add("  no rule applies to this resource");
        } else if (!verbose && passed > 0) {
            lines.add("  " + paint(GREEN, passed + " passed") + (listed.isEmpty() ? "; nothing failed" : ""));
        }
    }

    /**
     * The read-audit line under the verdict line: "reads recorded: no  (server access logging off; ...)", with the
     * longest retention when it is known, then each trail and reason.
     */
    private static List<String> readAudit(ReadAudit audit) {
        StringBuilder b = new StringBuilder("  reads recorded: ").append(audit.recorded().label());
        Retention kept = audit.retention();
        if (kept != null && kept.kind() != Retention.Kind.UNKNOWN) {
            b.append(", ").append(kept.describe());
        }
        List<String> why = new ArrayList<>();
        audit.trails().forEach(t -> why.add(t.describe()));
        why.addAll(audit.explanation());
        if (!why.isEmpty()) {
            b.append("  (").append(why.stream().map(Printable::oneLine).collect(Collectors.joining("; "))).append(')');
        }
        return wrap(b.toString(), "    ");
    }

    private void finding(List<String> lines, Finding f, int ruleWidth) {
        String status = pad(f.status().name(), STATUS_WIDTH);
        String prefix = "  " + status + " " + pad(f.severity().name(), SEVERITY_WIDTH) + " "
                + pad(Printable.oneLine(f.ruleId()), ruleWidth) + "  ";
        StringBuilder message = new StringBuilder(Printable.oneLine(f.message()));
        if (f.suppression() != null) {
            message.append(" (suppressed: ").append(Printable.oneLine(f.suppression().reason()));
            if (f.suppression().expires() != null) {
                message.append("; until ").append(f.suppression().expires());
            }
            message.append(')');
        }
        if (f.baselined()) {
            message.append(" (in the baseline)");
        }
        List<String> rows;
        String indent;
        if (prefix.length() > MAX_MESSAGE_COLUMN) {
            rows = new ArrayList<>(List.of(prefix.stripTrailing()));
            indent = " ".repeat(6);
            rows.addAll(wrap(indent + message, indent));
        } else {
            indent = " ".repeat(prefix.length());
            rows = wrap(prefix + message, indent);
        }
        rows.set(0, "  " + paint(statusColour(f.status()), status) + rows.get(0).substring(2 + status.length()));
        lines.addAll(rows);
        if (f.status() == FindingStatus.FAIL || f.status() == FindingStatus.UNKNOWN) {
            for (String e : f.evidence()) {
                lines.addAll(wrap(indent + "- " + Printable.oneLine(e), indent + "  "));
            }
        }
    }

    private static String encryption(Resource r) {
        Encryption e = r.encryption();
        String state = ReportOrder.encryption(r).name();
        if (e == null) {
            return state + " (not read)";
        }
        List<String> notes = new ArrayList<>();
        if (e.algorithm() != null) {
            notes.add(Printable.oneLine(e.algorithm()));
        }
        if (e.legacyObjectsMayBeUnencrypted()) {
            notes.add("older objects may be unencrypted");
        }
        if (e.doubleEncrypted()) {
            notes.add("double");
        }
        return notes.isEmpty() ? state : state + " (" + String.join(", ", notes) + ")";
    }

    private static String summary(ScanReport.Summary s) {
        StringBuilder b = new StringBuilder("Summary: ").append(count(s.resources(), "resource"));
        List<String> verdicts = new ArrayList<>();
        List<Exposure> byRank = java.util.Arrays.stream(Exposure.values())
                .sorted(java.util.Comparator.comparingInt(Exposure::rank)).toList();
        for (Exposure e : byRank) {
            verdicts.add(s.exposure().getOrDefault(e, 0) + " " + e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        b.append(" (").append(String.join(", ", verdicts)).append("); findings: ")
                .append(s.findings().getOrDefault(FindingStatus.FAIL, 0)).append(" failed, ")
                .append(s.findings().getOrDefault(FindingStatus.UNKNOWN, 0)).append(" unknown, ")
                .append(s.findings().getOrDefault(FindingStatus.SUPPRESSED, 0)).append(" suppressed, ")
                .append(s.findings().getOrDefault(FindingStatus.PASS, 0)).append(" passed");
        List<String> bySeverity = new ArrayList<>();
        for (Severity sev : Severity.values()) {
            int n = s.failuresBySeverity().getOrDefault(sev, 0);
            if (n > 0) {
                bySeverity.add(n + " " + sev.lower());
            }
        }
        if (!bySeverity.isEmpty()) {
            b.append(" (").append(String.join(", ", bySeverity)).append(')');
        }
        b.append("; reads leave no trace on ").append(count(s.readsUnrecorded(), "resource")).append(" (")
                .append(s.readsUnrecordedExposed()).append(" exposed)");
        b.append("; ").append(count(s.errors(), "scan error"));
        return b.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Breaks a line at spaces so that no piece is wider than {@link #WIDTH}; continuation lines start with
     * {@code indent}. A word wider than the room left is cut, since a line past the edge would wrap unindented.
     */
    static List<String> wrap(String line, String indent) {
        // Linear in the line's length: an index walks the line, and no search looks further back than one row,
        // so a 2-million-character id or a reason with 60,000 conditions costs what its length costs.
        List<String> out = new ArrayList<>();
        int n = line.length();
        int pos = 0;
        String prefix = "";
        while (prefix.length() + (n - pos) > WIDTH) {
            int room = WIDTH - prefix.length();
            int lowest = pos + Math.max(0, indent.length() - prefix.length());
            int cut = -1;
            for (int i = Math.min(n - 1, pos + room); i > lowest; i--) {
                if (line.charAt(i) == ' ') {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                cut = pos + room;
            }
            out.add((prefix + line.substring(pos, cut)).stripTrailing());
            pos = cut;
            while (pos < n && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            prefix = indent;
        }
        out.add(prefix + line.substring(pos));
        return out;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private String paint(String code, String s) {
        return colour ? code + s + RESET : s;
    }

    private static String exposureColour(Exposure e) {
        return switch (e) {
            case PUBLIC -> BOLD_RED;
            case UNKNOWN -> YELLOW;
            case CROSS_ACCOUNT -> MAGENTA;
            case PRIVATE -> GREEN;
        };
    }

    private static String statusColour(FindingStatus s) {
        return switch (s) {
            case FAIL -> RED;
            case UNKNOWN -> YELLOW;
            case SUPPRESSED -> DIM;
            case PASS -> GREEN;
        };
    }
}
