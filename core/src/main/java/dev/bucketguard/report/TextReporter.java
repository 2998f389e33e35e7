package dev.bucketguard.report;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.RuleScope;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report for people at a terminal, built so that the first screen answers "what is exposed": the summary and the
 * public resources by name first, then each account's findings about the account itself (once, not under each of its
 * resources), then the resources worst first, each with why it is exposed and what did not pass, then scan errors and
 * warnings. A private resource whose findings all pass is one line. {@code verbose} adds every finding, passes
 * included, with its evidence.
 *
 * <p>Lines stay within {@value #WIDTH} columns; long messages wrap under their column. Names and messages from the
 * cloud are printed with control characters escaped, so a bucket name cannot forge lines or send terminal escapes.
 * Lines are written as they are made, so the report never exists as one string.
 */
public final class TextReporter implements Reporter {
    static final int WIDTH = 120;
    private static final int STATUS_WIDTH = 10;
    private static final int SEVERITY_WIDTH = 8;
    private static final int MAX_RULE_WIDTH = 36;
    /** Past this column a message starts on its own line, so it never shrinks to a sliver. */
    private static final int MAX_MESSAGE_COLUMN = 66;
    /** Public resources named in the summary; the rest are counted (and all are in the body). */
    static final int MAX_NAMED_PUBLIC = 20;
    /** Resources named under an account finding that not all of the account's resources share. */
    private static final int MAX_NAMED_RESOURCES = 5;

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
     * @param verbose full detail: every finding, passes included, each with its evidence
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
        List<ResourceReport> resources = report.resources().stream().sorted(ReportOrder.WORST_FIRST).toList();
        Set<String> accountRules = report.rules().stream().filter(m -> m.scope() == RuleScope.ACCOUNT)
                .map(RuleMetadata::id).collect(Collectors.toSet());

        emit(out, wrap(summary(report.summary()), "  "));
        publicResources(out, resources);
        out.write('\n');
        if (resources.isEmpty()) {
            emit(out, List.of("No resources found.", ""));
        }
        if (!accountRules.isEmpty()) {
            accounts(out, report.resources(), accountRules);
        }
        for (int i = 0; i < resources.size(); i++) {
            List<String> lines = new ArrayList<>();
            boolean oneLine = resource(lines, resources.get(i), accountRules);
            // One-line resources stand together, like a table; every other resource is a paragraph.
            if (!oneLine || i + 1 == resources.size()
                    || !oneLine(resources.get(i + 1), own(resources.get(i + 1), accountRules))) {
                lines.add("");
            }
            emit(out, lines);
        }
        if (!report.errors().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add(paint(RED, "Scan errors (" + report.errors().size() + "):"));
            for (ScanError e : report.errors()) {
                lines.addAll(wrap("  " + e.kind() + "  " + Printable.oneLine(e.scope()) + ": "
                        + Printable.oneLine(e.message()), "    "));
            }
            lines.add("");
            emit(out, lines);
        }
        if (!report.warnings().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add(paint(YELLOW, "Warnings (" + report.warnings().size() + "):"));
            for (String w : report.warnings()) {
                lines.addAll(wrap("  " + Printable.oneLine(w), "    "));
            }
            lines.add("");
            emit(out, lines);
        }
        out.flush();
    }

    private static void emit(Writer out, List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
    }

    /** The public resources by name, under the summary, so that no scrolling is needed to learn what is exposed. */
    private void publicResources(Writer out, List<ResourceReport> worstFirst) throws IOException {
        List<ResourceReport> exposed = worstFirst.stream()
                .filter(r -> r.verdict().exposure() == Exposure.PUBLIC).toList();
        if (exposed.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(paint(BOLD_RED, "Public") + " (" + exposed.size() + "):");
        for (ResourceReport r : exposed.subList(0, Math.min(MAX_NAMED_PUBLIC, exposed.size()))) {
            lines.addAll(wrap("  " + Printable.oneLine(r.resource().ref()), "    "));
        }
        if (exposed.size() > MAX_NAMED_PUBLIC) {
            lines.add("  and " + (exposed.size() - MAX_NAMED_PUBLIC) + " more, below");
        }
        emit(out, lines);
    }

    /**
     * The findings of account-scoped rules, once per account. Resources of one account normally share one answer;
     * where they do not (a suppression for one resource, say), each answer names the resources it holds for.
     */
    private void accounts(Writer out, List<ResourceReport> byAccount, Set<String> accountRules) throws IOException {
        // The scan report is ordered by provider, account and id, so an account's resources are adjacent.
        int i = 0;
        while (i < byAccount.size()) {
            Resource first = byAccount.get(i).resource();
            Map<Finding, List<String>> answers = new HashMap<>();
            int resources = 0;
            for (; i < byAccount.size() && sameAccount(first, byAccount.get(i).resource()); i++) {
                resources++;
                ResourceReport r = byAccount.get(i);
                for (Finding f : r.findings()) {
                    if (accountRules.contains(f.ruleId()) && (verbose || ReportOrder.notable(f))) {
                        answers.computeIfAbsent(f, k -> new ArrayList<>()).add(r.resource().id());
                    }
                }
            }
            if (answers.isEmpty()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            lines.add("Account " + Printable.oneLine(first.provider() + ":" + first.account()) + " ("
                    + count(resources, "resource") + "):");
            int ruleWidth = ruleWidth(answers.keySet());
            List<Map.Entry<Finding, List<String>>> ordered = answers.entrySet().stream()
                    .sorted(Map.Entry.<Finding, List<String>>comparingByKey(ResourceReport.FINDING_ORDER)
                            .thenComparing(a -> a.getValue().get(0)))
                    .toList();
            for (Map.Entry<Finding, List<String>> a : ordered) {
                String indent = finding(lines, a.getKey(), ruleWidth);
                List<String> ids = a.getValue();
                if (ids.size() < resources) {
                    List<String> named = verbose ? ids : ids.subList(0, Math.min(MAX_NAMED_RESOURCES, ids.size()));
                    String more = named.size() < ids.size() ? " and " + (ids.size() - named.size()) + " more" : "";
                    lines.addAll(wrap(indent + "for " + ids.size() + " of " + resources + ": " + named.stream()
                            .map(Printable::oneLine).collect(Collectors.joining(", ")) + more, indent + "  "));
                }
            }
            lines.add("");
            emit(out, lines);
        }
    }

    private static boolean sameAccount(Resource a, Resource b) {
        return a.provider().equals(b.provider()) && a.account().equals(b.account());
    }

    /**
     * One resource: the verdict line, then its reasons and the findings that did not pass (every finding with
     * {@code verbose}). A private resource whose own findings all pass is its verdict line alone. Findings of
     * account-scoped rules are left out: they are shown once for the account.
     *
     * @return whether the resource took one line
     */
    private boolean resource(List<String> lines, ResourceReport report, Set<String> accountRules) {
        Resource r = report.resource();
        Exposure exposure = report.verdict().exposure();
        List<Finding> own = own(report, accountRules);
        long passed = own.stream().filter(f -> f.status() == FindingStatus.PASS).count();
        boolean oneLine = oneLine(report, own);
        String tags = report.verdict().tags().isEmpty() ? "" : "  ["
                + report.verdict().tags().stream().map(ExposureTag::name).collect(Collectors.joining(", ")) + "]";
        String verdict = pad(exposure.name(), 13);
        String tail = !oneLine ? "" : own.isEmpty() ? "  no rule applies" : "  " + passed + " passed";
        List<String> header = wrap(verdict + " " + Printable.oneLine(r.ref()) + tags + "  encryption: "
                + encryption(r) + tail, " ".repeat(14));
        header.set(0, paint(exposureColour(exposure), verdict) + header.get(0).substring(verdict.length()));
        if (oneLine && passed > 0) {
            int last = header.size() - 1;
            String line = header.get(last);
            int at = line.lastIndexOf(passed + " passed");
            if (at >= 0) {
                header.set(last, line.substring(0, at) + paint(GREEN, passed + " passed"));
            }
        }
        lines.addAll(header);
        // Facts about the resource as a whole, one sub-line each, under the verdict line; a one-line resource keeps
        // the read audit's answer alone (its mechanisms with --verbose) when its cloud answered it, and drops "not
        // assessed".
        if (oneLine) {
            if (report.readAudit().recorded() != ReadsRecorded.NOT_ASSESSED) {
                lines.addAll(readAudit(report.readAudit(), false));
            }
            return true;
        }
        lines.addAll(readAudit(report.readAudit(), true));
        for (String reason : report.verdict().reasons()) {
            lines.addAll(wrap("  because " + Printable.oneLine(reason), "          "));
        }
        List<Finding> listed = own.stream().filter(f -> verbose || ReportOrder.notable(f)).toList();
        int ruleWidth = ruleWidth(listed);
        for (Finding f : listed) {
            finding(lines, f, ruleWidth);
        }
        if (own.isEmpty()) {
            lines.add("  no rule applies to this resource");
        } else if (!verbose && passed > 0) {
            lines.add("  " + paint(GREEN, passed + " passed") + (listed.isEmpty() ? "; nothing failed" : ""));
        }
        return false;
    }

    /**
     * The read-audit line under the verdict line: "reads recorded: no  (server access logging off; ...)", with the
     * longest retention when it is known, then each trail and reason ({@code why}; the answer alone without it).
     */
    private static List<String> readAudit(ReadAudit audit, boolean why) {
        StringBuilder b = new StringBuilder("  reads recorded: ").append(audit.recorded().label());
        Retention kept = audit.retention();
        if (kept != null && kept.kind() != Retention.Kind.UNKNOWN) {
            b.append(", ").append(kept.describe());
        }
        List<String> reasons = new ArrayList<>();
        if (why) {
            audit.trails().forEach(t -> reasons.add(t.describe()));
            reasons.addAll(audit.explanation());
        }
        if (!reasons.isEmpty()) {
            b.append("  (").append(reasons.stream().map(Printable::oneLine).collect(Collectors.joining("; ")))
                    .append(')');
        }
        return wrap(b.toString(), "    ");
    }

    /** Whether a resource takes one line: private, and every finding of its own passed (unless verbose). */
    private boolean oneLine(ResourceReport report, List<Finding> own) {
        return !verbose && report.verdict().exposure() == Exposure.PRIVATE
                && own.stream().allMatch(f -> f.status() == FindingStatus.PASS);
    }

    private static List<Finding> own(ResourceReport report, Set<String> accountRules) {
        return accountRules.isEmpty() ? report.findings()
                : report.findings().stream().filter(f -> !accountRules.contains(f.ruleId())).toList();
    }

    private static int ruleWidth(java.util.Collection<Finding> findings) {
        return Math.min(MAX_RULE_WIDTH, Math.max(7, findings.stream().mapToInt(f -> f.ruleId().length()).max()
                .orElse(0)));
    }

    /** One finding's line (wrapped), with its evidence in verbose mode; returns the indent of its message. */
    private String finding(List<String> lines, Finding f, int ruleWidth) {
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
        if (verbose) {
            for (String e : f.evidence()) {
                lines.addAll(wrap(indent + "- " + Printable.oneLine(e), indent + "  "));
            }
        }
        return indent;
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

    /** {@link Printable#wrap} at {@link #WIDTH} columns. */
    static List<String> wrap(String line, String indent) {
        return Printable.wrap(line, indent, WIDTH);
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
