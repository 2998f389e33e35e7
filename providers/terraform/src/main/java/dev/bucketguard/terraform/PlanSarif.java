package dev.bucketguard.terraform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.report.Reporter;
import dev.bucketguard.report.SarifReporter;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.spi.RuleMetadata;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SARIF whose results point at the Terraform source to change: the block of the companion that gave the fact a rule
 * is about (the policy, the ACL, the public access block), else the resource's own block, with paths relative to the
 * source directory, so that code scanning annotates the line of the pull request. Everything else is the SARIF of
 * every scan.
 */
final class PlanSarif implements Reporter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("").withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private final SarifReporter sarif;
    private final Map<String, Provenance> provenance;
    private final SourceIndex sources;

    PlanSarif(String fallbackUri, Map<String, Provenance> provenance, SourceIndex sources) {
        this.sarif = new SarifReporter(fallbackUri);
        this.provenance = provenance;
        this.sources = sources;
    }

    @Override
    public String format() {
        return sarif.format();
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        StringWriter buffer = new StringWriter();
        sarif.write(report, buffer);
        JsonNode root = MAPPER.readTree(buffer.toString());
        Map<String, RuleMetadata> rules = report.rules().stream()
                .collect(Collectors.toMap(RuleMetadata::id, Function.identity(), (a, b) -> a));
        for (JsonNode run : root.path("runs")) {
            for (JsonNode result : run.path("results")) {
                ObjectNode location = (ObjectNode) result.path("locations").path(0);
                String ref = location.path("logicalLocations").path(0).path("fullyQualifiedName").asText();
                Provenance p = provenance.get(ref);
                if (p == null) {
                    continue;
                }
                PlanResource change = p.addressToChange(rules.get(result.path("ruleId").asText()));
                // An account-level setting the plan does not hold: the result stays on the bucket's block, which it
                // is about, but names no address to change, as the message does not.
                PlanResource block = change == null ? p.main : change;
                Optional<SourceIndex.Location> at = sources.find(block);
                if (at.isEmpty() && block != p.main) {
                    block = p.main;
                    at = sources.find(block);
                }
                ObjectNode physical = (ObjectNode) location.path("physicalLocation");
                if (at.isPresent()) {
                    ((ObjectNode) physical.path("artifactLocation")).put("uri", at.get().file());
                    ((ObjectNode) physical.path("region")).put("startLine", at.get().line());
                }
                if (change != null) {
                    ((ObjectNode) result.path("properties")).put("terraformAddress", block.address());
                }
            }
        }
        WRITER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }
}
