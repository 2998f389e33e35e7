package dev.bucketguard.terraform;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.RuleSet;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.spi.Clouds;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The committed plan fixtures, and a scan of one exactly as {@code bucketguard scan terraform} runs it. */
final class Plans {
    private Plans() {
    }

    static Path resource(String relative) {
        try {
            return Path.of(Plans.class.getResource("/plans/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + relative, e);
        }
    }

    static Path aws(String scenario) {
        return resource("aws/" + scenario + ".plan.json");
    }

    static Path hand(String scenario) {
        return resource("hand/" + scenario + ".plan.json");
    }

    static ScanReport scan(TerraformOptions options) {
        return scan(options, TrustZone.OWNER_ONLY);
    }

    static ScanReport scan(TerraformOptions options, TrustZone trust) {
        return scan(new TerraformProvider(options), trust);
    }

    static ScanReport scan(TerraformProvider provider, TrustZone trust) {
        return Scanner.builder().provider(provider).rules(RuleSet.discover()).trust(trust)
                .clouds(provider.clouds(Clouds.discover())).build().scan();
    }

    static ScanReport scan(Path plan) {
        return scan(new TerraformOptions(plan));
    }

    /** The verdict of every resource, by id. */
    static Map<String, Exposure> verdicts(ScanReport report) {
        return report.resources().stream().collect(Collectors.toMap(r -> r.resource().id(),
                r -> r.verdict().exposure(), (a, b) -> a, TreeMap::new));
    }

    static ResourceReport resource(ScanReport report, String id) {
        return report.resources().stream().filter(r -> r.resource().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + id + " in " + verdicts(report)));
    }

    static FindingStatus status(ResourceReport r, String ruleId) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::status).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + ruleId));
    }

    static String reasons(ResourceReport r) {
        return String.join("\n", r.verdict().reasons());
    }

    static List<String> errors(ScanReport report) {
        return report.errors().stream().map(e -> e.scope() + ": " + e.message()).toList();
    }
}
