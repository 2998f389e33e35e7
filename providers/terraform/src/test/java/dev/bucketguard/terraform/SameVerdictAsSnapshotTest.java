package dev.bucketguard.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.scan.RuleSet;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.snapshot.Snapshot;
import dev.bucketguard.snapshot.SnapshotProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plan scenario, saved as a snapshot and scanned as {@code scan snapshot} would, gets the same verdicts: what a
 * plan becomes is the model a live scan fills (the snapshot reader checks it against each cloud's vocabulary), and the
 * same verdicts judge it. The reasons a plan adds (a guardrail taken as off) are the only difference.
 */
class SameVerdictAsSnapshotTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyPlanGivesTheVerdictsOfItsSnapshot() throws IOException {
        List<Path> plans;
        try (Stream<Path> aws = Files.list(Plans.resource("aws"));
             Stream<Path> hand = Files.list(Plans.resource("hand"))) {
            plans = Stream.concat(aws, hand).sorted().toList();
        }
        return plans.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            TerraformProvider provider = new TerraformProvider(new TerraformOptions(p));
            List<Resource> resources = provider.collect(new FactSelection(Map.of()), Progress.NONE).resources();
            assertFalse(resources.isEmpty());
            Path snapshot = dir.resolve(p.getFileName() + ".snapshot.json");
            Snapshot.write(resources, snapshot);

            ScanReport fromPlan = Plans.scan(p);
            ScanReport fromSnapshot = Scanner.builder().provider(new SnapshotProvider(snapshot))
                    .rules(RuleSet.discover()).build().scan();
            assertEquals(List.of(), fromSnapshot.errors(), "the snapshot reader accepts every resource of the plan");
            Map<String, Exposure> expected = Plans.verdicts(fromSnapshot);
            assertEquals(expected, Plans.verdicts(fromPlan));
        }));
    }
}
