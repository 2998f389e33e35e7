package dev.bucketguard.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed AWS plans are what {@code terraform plan} makes of the scenarios today: regenerates them with
 * scripts/terraform-plans.sh and compares, ignoring the Terraform version. Runs only where terraform and the
 * hashicorp/aws provider mirror are installed, and says why it skipped elsewhere.
 */
class CommittedPlansMatchTerraformTest {
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path COMMITTED = Path.of("src", "test", "resources", "plans", "aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void theCommittedPlansMatchAFreshTerraformPlan() throws IOException, InterruptedException {
        assumeTrue(onPath("terraform"), "terraform is not on PATH, so the committed plans cannot be regenerated here");
        String mirror = System.getenv().getOrDefault("TF_PLUGIN_MIRROR", "/opt/tf-plugins");
        assumeTrue(Files.isDirectory(Path.of(mirror)), "no hashicorp/aws provider mirror at " + mirror
                + " (set TF_PLUGIN_MIRROR), and terraform plan may not download one");
        Process p = new ProcessBuilder(ROOT.resolve("scripts/terraform-plans.sh").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile()).start();
        assertEquals(true, p.waitFor(15, TimeUnit.MINUTES), "terraform-plans.sh did not finish");
        assertEquals(0, p.exitValue(), () -> read(out.resolve("log.txt")));
        List<Path> committed;
        try (Stream<Path> s = Files.list(COMMITTED)) {
            committed = s.filter(f -> f.toString().endsWith(".plan.json")).sorted().toList();
        }
        for (Path c : committed) {
            Path fresh = out.resolve(c.getFileName());
            assertTrue(normalised(c).equals(normalised(fresh)), c.getFileName() + " differs from a fresh plan: run"
                    + " scripts/terraform-plans.sh and commit the result");
        }
    }

    private static JsonNode normalised(Path file) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(file.toFile());
        plan.remove(List.of("timestamp", "terraform_version"));
        // Terraform writes relevant_attributes in no fixed order.
        List<JsonNode> relevant = new ArrayList<>();
        plan.path("relevant_attributes").forEach(relevant::add);
        relevant.sort(Comparator.comparing(JsonNode::toString));
        plan.putArray("relevant_attributes").addAll(relevant);
        return plan;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
