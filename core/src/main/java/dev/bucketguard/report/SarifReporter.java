package dev.bucketguard.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * <ul>
 *   <li>One result per FAIL, UNKNOWN and SUPPRESSED finding; PASS findings are left out, as code scanning has no use
 *       for them.</li>
 *   <li>UNKNOWN is a result of kind "fail" with level "warning" and a message saying the setting could not be read.
 *       Not kind "open": SARIF requires level "none" with it, and code scanning would then show nothing to act on,
 *       while an unreadable setting may hide a public bucket.</li>
 *   <li>SUPPRESSED carries {@code suppressions: [{kind: "external", status: "accepted", justification}]}, so viewers
 *       show it as dismissed rather than dropping it.</li>
 *   <li>Cloud resources are no files: each result has a logical location (the resource) and, because code scanning
 *       rejects results without one, a physical location on line 1 of the artifact the caller names (the snapshot,
 *       the config, or the JSON report beside it).</li>
 *   <li>{@code partialFingerprints} hash the rule id and resource reference, so code scanning tracks one alert per
 *       rule and resource across runs, although every result points at the same line.</li>
 * </ul>
 */
public final class SarifReporter implements Reporter {
    public static final String DEFAULT_ARTIFACT_URI = "bucketguard.json";
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The partialFingerprints key; bump its version only if the hashed text ever changes. */
    public static final String FINGERPRINT_KEY = "bucketguardFinding/v1";

    private final String artifactUri;

    public SarifReporter(String artifactUri) {
        this.artifactUri = Objects.requireNonNull(artifactUri, "artifactUri");
    }

    public SarifReporter() {
        this(DEFAULT_ARTIFACT_URI);
    }

    @Override
    public String format() {
        return "sarif";
    }

    /**
     * Writes the log with its results streamed one at a time: a scan with a hundred thousand results is never held as
     * one tree. The bytes are those of the whole log written at once.
     */
    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        ObjectNode root = head(report);
        Map<String, Integer> ruleIndex = new java.util.HashMap<>();
        root.get("runs").get(0).get("tool").get("driver").get("rules")
                .forEach(r -> ruleIndex.put(r.get("id").asText(), ruleIndex.size()));
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            for (var field : root.properties()) {
                if (!"runs".equals(field.getKey())) {
                    g.writeFieldName(field.getKey());
                    g.writeTree(field.getValue());
                }
            }
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            for (var field : root.get("runs").get(0).properties()) {
                g.writeFieldName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeArrayFieldStart("results");
            for (ResourceReport r : report.resources()) {
                for (Finding f : r.findings()) {
                    if (f.status() != FindingStatus.PASS) {
                        ObjectNode result = JsonOutput.MAPPER.createObjectNode();
                        result(result, r.resource(), f, ruleIndex.getOrDefault(f.ruleId(), -1));
                        g.writeTree(result);
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        JsonOutput.end(out);
    }

    /** The SARIF log without its results: the tool and its rules, the invocation. */
    private ObjectNode head(ScanReport report) {
        Map<String, RuleMetadata> rules = rulesOf(report);

        ObjectNode root = JsonOutput.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", JsonReporter.TOOL_NAME);
        driver.put("version", report.toolVersion());
        ArrayNode ruleArray = driver.putArray("rules");
        rules.values().forEach(m -> rule(ruleArray.addObject(), m));

        ObjectNode invocation = run.putArray("invocations").addObject();
        // A scan that could not read everything did not complete, whatever it found.
        invocation.put("executionSuccessful", report.errors().isEmpty());
        if (!report.errors().isEmpty()) {
            ArrayNode notes = invocation.putArray("toolExecutionNotifications");
            for (ScanError e : report.errors()) {
                ObjectNode n = notes.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", e.kind() + " " + e.provider() + " " + e.scope() + ": " + e.message());
                n.putObject("descriptor").put("id", "scan-error/" + e.kind().name().toLowerCase(Locale.ROOT));
            }
        }
        if (!report.warnings().isEmpty()) {
            ArrayNode notes = invocation.putArray("toolConfigurationNotifications");
            for (String w : report.warnings()) {
                ObjectNode n = notes.addObject();
                n.put("level", "warning");
                n.putObject("message").put("text", w);
            }
        }

        return root;
    }

    /** The rules that ran, plus any rule a finding names that the report has no metadata for, by id. */
    private static Map<String, RuleMetadata> rulesOf(ScanReport report) {
        Map<String, RuleMetadata> rules = new TreeMap<>();
        report.rules().forEach(m -> rules.put(m.id(), m));
        for (ResourceReport r : report.resources()) {
            for (Finding f : r.findings()) {
                rules.computeIfAbsent(f.ruleId(), id -> new RuleMetadata(id, f.title(), f.severity(),
                        r.resource().provider(), null, null, null, List.of(), null, null, null));
            }
        }
        return rules;
    }

    private static void rule(ObjectNode o, RuleMetadata m) {
        o.put("id", m.id());
        o.put("name", pascalCase(m.id()));
        String title = m.title() == null ? m.id() : m.title();
        o.putObject("shortDescription").put("text", title);
        StringBuilder full = new StringBuilder(m.description() == null ? title : m.description());
        if (m.risk() != null) {
            full.append(full.toString().endsWith(".") ? " " : ". ").append("Risk: ").append(m.risk());
        }
        o.putObject("fullDescription").put("text", full.toString());
        ObjectNode help = o.putObject("help");
        help.put("text", helpText(m));
        help.put("markdown", helpMarkdown(m));
        o.putObject("defaultConfiguration").put("level", level(m.severity()));
        ObjectNode props = o.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add("cloud-storage");
        if (m.provider() != null && !m.provider().equals("*")) {
            tags.add(m.provider());
        }
        props.put("security-severity", securitySeverity(m.severity()));
        // Rules decide from configuration read through the cloud's API, not from heuristics over code.
        props.put("precision", "very-high");
    }

    private static String helpText(RuleMetadata m) {
        StringBuilder b = new StringBuilder();
        line(b, m.description());
        if (m.risk() != null) {
            line(b, "Risk: " + m.risk());
        }
        Remediation fix = m.remediation();
        if (fix != null) {
            if (fix.console() != null) {
                line(b, "Fix in the console: " + fix.console());
            }
            if (fix.cli() != null) {
                line(b, "Fix with the CLI:\n" + fix.cli());
            }
            if (fix.terraform() != null) {
                line(b, "Fix with Terraform:\n" + fix.terraform());
            }
        }
        if (!m.allReferences().isEmpty()) {
            line(b, "References:\n" + String.join("\n", m.allReferences()));
        }
        return b.length() == 0 ? m.id() : b.toString().stripTrailing();
    }

    private static String helpMarkdown(RuleMetadata m) {
        StringBuilder b = new StringBuilder();
        line(b, m.description());
        if (m.risk() != null) {
            line(b, "**Risk:** " + m.risk());
        }
        Remediation fix = m.remediation();
        if (fix != null) {
            line(b, "## Remediation");
            if (fix.console() != null) {
                line(b, "### Console\n\n" + fix.console());
            }
            if (fix.cli() != null) {
                line(b, "### CLI\n\n```sh\n" + fix.cli().stripTrailing() + "\n```");
            }
            if (fix.terraform() != null) {
                line(b, "### Terraform\n\n```hcl\n" + fix.terraform().stripTrailing() + "\n```");
            }
        }
        if (!m.allReferences().isEmpty()) {
            StringBuilder refs = new StringBuilder("## References\n");
            m.allReferences().forEach(r -> refs.append("\n- ").append(r));
            line(b, refs.toString());
        }
        return b.length() == 0 ? m.id() : b.toString().stripTrailing();
    }

    private static void line(StringBuilder b, String paragraph) {
        if (paragraph != null && !paragraph.isBlank()) {
            b.append(paragraph.stripTrailing()).append("\n\n");
        }
    }

    private void result(ObjectNode o, Resource r, Finding f, int ruleIndex) {
        o.put("ruleId", f.ruleId());
        o.put("ruleIndex", ruleIndex);
        String text = r.ref() + ": " + f.message();
        if (f.status() == FindingStatus.UNKNOWN) {
            o.put("level", "warning");
            text = r.ref() + ": the setting this rule checks could not be read, so it may be failing: "
                    + f.message();
        } else {
            o.put("level", level(f.severity()));
        }
        if (!f.evidence().isEmpty()) {
            text = text + (text.endsWith(".") ? "" : ".") + " Evidence: " + String.join("; ", f.evidence());
        }
        o.putObject("message").put("text", text);
        ObjectNode location = o.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", artifactUri);
        physical.putObject("region").put("startLine", 1);
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", r.id());
        logical.put("fullyQualifiedName", r.ref());
        logical.put("kind", "resource");
        o.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(f.ruleId(), r.ref()));
        if (f.baselined()) {
            o.put("baselineState", "unchanged");
        }
        if (f.suppression() != null) {
            ObjectNode s = o.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", f.suppression().reason());
        }
        ObjectNode props = o.putObject("properties");
        props.put("status", f.status().name());
        props.put("severity", f.severity().name());
        if (f.suppression() != null && f.suppression().expires() != null) {
            props.put("suppressionExpires", f.suppression().expires().toString());
        }
    }

    /** SARIF level from severity: what a code-scanning user sees as error, warning or note. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's security-severity: 9.0 and up is critical, 7.0 high, 4.0 medium, 0.1 low. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    static String fingerprint(String ruleId, String ref) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "\n" + ref).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String pascalCase(String id) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
