package dev.bucketguard.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Suppression;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;

/**
 * The machine-readable report, described field by field in docs/report-format.md and by docs/report-schema.json.
 * {@link dev.bucketguard.scan.Baseline#load} reads it back, so the names it relies on (formatVersion,
 * resources[].provider/account/id, findings[].ruleId/status) never change within a major version.
 *
 * <p>Resources keep the report's order (provider, account, id), so that two reports diff line by line.
 */
public final class JsonReporter implements Reporter {
    public static final String TOOL_NAME = "bucketguard";

    @Override
    public String format() {
        return "json";
    }

    /**
     * Writes the report one resource at a time: the head, then each resource's subtree as it is made, then the
     * tail, never holding every resource's subtree at once.
     */
    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        ObjectNode head = head(report);
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : head.properties()) {
                g.writeFieldName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeArrayFieldStart("resources");
            for (ResourceReport r : report.resources()) {
                ObjectNode o = JsonOutput.MAPPER.createObjectNode();
                resource(o, r);
                g.writeTree(o);
            }
            g.writeEndArray();
            ObjectNode tail = JsonOutput.MAPPER.createObjectNode();
            tail(tail, report);
            for (Map.Entry<String, JsonNode> field : tail.properties()) {
                g.writeFieldName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeEndObject();
        }
        JsonOutput.end(out);
    }

    /** Everything before the resources: format, tool, summary, rules. */
    private static ObjectNode head(ScanReport report) {
        ObjectNode root = JsonOutput.MAPPER.createObjectNode();
        root.put("formatVersion", ScanReport.FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", TOOL_NAME);
        tool.put("version", report.toolVersion());
        summary(root.putObject("summary"), report.summary());
        ArrayNode rules = root.putArray("rules");
        for (RuleMetadata m : report.rules()) {
            ObjectNode r = rules.addObject();
            r.put("id", m.id());
            putIfPresent(r, "title", m.title());
            r.put("severity", m.severity().name());
            putIfPresent(r, "provider", m.provider());
        }
        return root;
    }

    /** Everything after the resources: errors and warnings. */
    private static void tail(ObjectNode root, ScanReport report) {
        ArrayNode errors = root.putArray("errors");
        for (ScanError e : report.errors()) {
            ObjectNode o = errors.addObject();
            o.put("provider", e.provider());
            o.put("scope", e.scope());
            o.put("kind", e.kind().name());
            o.put("message", e.message());
        }
        strings(root.putArray("warnings"), report.warnings());
    }

    private static void summary(ObjectNode o, ScanReport.Summary s) {
        o.put("resources", s.resources());
        ObjectNode exposure = o.putObject("exposure");
        for (Exposure e : Exposure.values()) {
            exposure.put(e.name(), s.exposure().getOrDefault(e, 0));
        }
        ObjectNode findings = o.putObject("findings");
        for (FindingStatus st : FindingStatus.values()) {
            findings.put(st.name(), s.findings().getOrDefault(st, 0));
        }
        ObjectNode failing = o.putObject("failuresBySeverity");
        for (Severity sev : Severity.values()) {
            failing.put(sev.name(), s.failuresBySeverity().getOrDefault(sev, 0));
        }
        o.put("errors", s.errors());
        o.put("readsUnrecorded", s.readsUnrecorded());
        o.put("readsUnrecordedExposed", s.readsUnrecordedExposed());
    }

    private static void resource(ObjectNode o, ResourceReport report) {
        Resource r = report.resource();
        Verdict a = report.verdict();
        o.put("provider", r.provider());
        o.put("account", r.account());
        o.put("id", r.id());
        o.put("ref", r.ref());
        o.put("kind", r.kind().name());
        putIfPresent(o, "region", r.region());
        o.put("exposure", a.exposure().name());
        strings(o.putArray("exposureReasons"), a.reasons());
        ArrayNode tags = o.putArray("exposureTags");
        for (ExposureTag t : a.tags()) {
            tags.add(t.name());
        }
        strings(o.putArray("outsiders"), a.outsiders());
        readAudit(o.putObject("readAudit"), report.readAudit());
        o.put("encryption", ReportOrder.encryption(r).name());
        Encryption e = r.encryption();
        if (e != null) {
            ObjectNode d = o.putObject("encryptionDetail");
            if (e.encrypted() != null) {
                d.put("encrypted", e.encrypted());
            }
            putIfPresent(d, "algorithm", e.algorithm());
            putIfPresent(d, "keyId", e.keyId());
            d.put("legacyObjectsMayBeUnencrypted", e.legacyObjectsMayBeUnencrypted());
            d.put("doubleEncrypted", e.doubleEncrypted());
        }
        unknowns(o.putArray("unknowns"), r.unknowns());
        ArrayNode findings = o.putArray("findings");
        for (Finding f : report.findings()) {
            finding(findings.addObject(), f);
        }
    }

    private static void unknowns(ArrayNode a, Collection<Unknown> unknowns) {
        for (Unknown u : unknowns) {
            ObjectNode n = a.addObject();
            n.put("fact", u.fact().name());
            putIfPresent(n, "call", u.call());
            putIfPresent(n, "permission", u.permission());
            n.put("error", u.error());
        }
    }

    private static void readAudit(ObjectNode o, ReadAudit audit) {
        o.put("recorded", audit.recorded().name());
        ArrayNode trails = o.putArray("trails");
        for (AuditTrail t : audit.trails()) {
            ObjectNode n = trails.addObject();
            n.put("mechanism", t.mechanism());
            putIfPresent(n, "destination", t.destination());
            retention(n.putObject("retention"), t.retention());
        }
        Retention longest = audit.retention();
        if (longest != null) {
            retention(o.putObject("retention"), longest);
        }
        strings(o.putArray("reasons"), audit.reasons());
        unknowns(o.putArray("unknowns"), audit.unread());
    }

    private static void retention(ObjectNode o, Retention r) {
        o.put("kind", r.kind().name());
        if (r.days() != null) {
            o.put("days", r.days());
        }
        o.put("reason", r.reason());
    }

    private static void finding(ObjectNode o, Finding f) {
        o.put("ruleId", f.ruleId());
        o.put("status", f.status().name());
        o.put("severity", f.severity().name());
        putIfPresent(o, "title", f.title());
        o.put("message", f.message());
        strings(o.putArray("evidence"), f.evidence());
        Suppression s = f.suppression();
        if (s != null) {
            ObjectNode n = o.putObject("suppression");
            n.put("rule", s.rule());
            n.put("resource", s.resource());
            n.put("reason", s.reason());
            if (s.expires() != null) {
                n.put("expires", s.expires().toString());
            }
        }
        if (f.baselined()) {
            o.put("baselined", true);
        }
    }

    private static void strings(ArrayNode a, Collection<String> values) {
        values.forEach(a::add);
    }

    private static void putIfPresent(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
