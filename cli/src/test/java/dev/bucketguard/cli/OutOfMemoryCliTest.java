package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A scan too large for its heap is one error line saying how large the heap was and how to give it more, and exit 3:
 * never the JVM's stack trace, and never "internal error". Run in a JVM of its own with a small heap, as a user's
 * would be.
 */
class OutOfMemoryCliTest {
    private static final String LINE = "bucketguard: error: out of memory: this scan needs more than the ";

    @TempDir
    Path dir;

    /** The bundled example's resources, copied {@code copies} times with ids of their own. */
    private Path bigSnapshot(int copies) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode example = json.readTree(Cli.EXAMPLE.toFile());
        Path file = dir.resolve("big.snapshot.json");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"formatVersion\": " + json.writeValueAsString(example.get("formatVersion"))
                    + ", \"resources\": [\n");
            int n = 0;
            for (int i = 0; i < copies; i++) {
                for (JsonNode r : example.get("resources")) {
                    String id = r.get("id").asText();
                    // Azure account names are 3 to 24 lower-case letters and digits; the others take a suffix.
                    String copy = "azure".equals(r.get("provider").asText()) ? String.format("s%010d", n) : id + "-" + i;
                    out.write((n == 0 ? "" : ",\n") + json.writeValueAsString(r).replace(id, copy));
                    n++;
                }
            }
            out.write("\n]}\n");
        }
        return file;
    }

    @Test
    void aScanLargerThanItsHeapIsOneErrorLineAndExitThree() throws Exception {
        Path snapshot = bigSnapshot(2_000);
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "scan", "snapshot", snapshot.toString(), "--format", "json",
                "--output", dir.resolve("report.json").toString(), "--quiet"))
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the scan ended");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(3, p.exitValue(), err);
        assertTrue(err.startsWith(LINE), err);
        assertTrue(err.contains(" MiB of Java heap it was given; give it more, for example BUCKETGUARD_JAVA_OPTS=-Xmx4g"),
                err);
        assertEquals(1, err.lines().count(), "one line, no stack trace:\n" + err);
        assertFalse(err.contains("Exception in thread"), err);
    }

    @Test
    void anOutOfMemoryErrorFromAWorkerThreadIsTheSameLineAndExitThree() {
        StringWriter err = new StringWriter();
        Environment environment = new Environment(new PrintWriter(new StringWriter()), new PrintWriter(err),
                Map.of("NO_COLOR", "1"), false);
        CommandLine cmd = Main.commandLine(environment);
        int code = new Errors(environment).handleExecutionException(
                new CompletionException(new OutOfMemoryError("Java heap space")), cmd, null);
        assertEquals(3, code);
        assertTrue(err.toString().startsWith(LINE), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
