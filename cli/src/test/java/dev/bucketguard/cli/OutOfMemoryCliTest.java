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

    private static String handled(Throwable thrown, Map<String, String> env, int[] code) {
        StringWriter err = new StringWriter();
        Environment environment = new Environment(new PrintWriter(new StringWriter()), new PrintWriter(err), env,
                false);
        code[0] = new Errors(environment).handleExecutionException((Exception) thrown, Main.commandLine(environment),
                null);
        return err.toString();
    }

    @Test
    void anOutOfMemoryErrorFromAnotherThreadIsTheSameLineAndExitThreeWhateverCarriesIt() {
        int[] code = new int[1];
        for (Throwable carrier : List.of(new CompletionException(new OutOfMemoryError("Java heap space")),
                // A provider's failure wrapping it must not turn it into exit 5.
                new dev.bucketguard.provider.ProviderException("scanning an account failed", false,
                        new OutOfMemoryError("Java heap space")))) {
            String err = handled(carrier, Map.of("NO_COLOR", "1"), code);
            assertEquals(3, code[0], err);
            assertTrue(err.startsWith(LINE), err);
            assertEquals(1, err.lines().count(), err);
        }
    }

    @Test
    void anOutOfMemoryThatIsNotTheHeapIsNamedWithoutTheHeapAdvice() {
        int[] code = new int[1];
        String err = handled(new CompletionException(
                new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits"
                        + " reached")), Map.of("NO_COLOR", "1"), code);
        assertEquals(3, code[0]);
        assertEquals("bucketguard: error: out of memory: unable to create native thread: possibly out of memory or"
                + " process/resource limits reached (the Java heap limit does not change this kind)\n",
                err.replace("\r\n", "\n"));
    }

    @Test
    void debugAddsTheStackTrace() {
        int[] code = new int[1];
        String err = handled(new CompletionException(new OutOfMemoryError("Java heap space")),
                Map.of("NO_COLOR", "1", "BUCKETGUARD_DEBUG", "1"), code);
        assertEquals(3, code[0]);
        assertTrue(err.startsWith(LINE), err);
        assertTrue(err.contains("java.lang.OutOfMemoryError: Java heap space"), err);
        assertTrue(err.lines().count() > 2, err);
    }
}
