package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares output with a golden file under src/test/resources/report. Run with
 * {@code -Dbucketguard.updateGoldens=true} to write the current output as the new golden instead.
 */
final class Goldens {
    static final Path DIR = Path.of("src", "test", "resources", "report");

    private Goldens() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("bucketguard.updateGoldens")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail(file + " does not exist; run the tests with -Dbucketguard.updateGoldens=true to create it");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(file + " differs from the output" + firstDifference(expected, actual)
                    + "\nIf the change is intended, run the tests with -Dbucketguard.updateGoldens=true and review "
                    + "the diff of " + file);
        }
    }

    /** The first differing line, both ways, so a failure says what changed without a diff tool. */
    static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "<end of file>";
            String al = i < a.size() ? a.get(i) : "<end of file>";
            if (!el.equals(al)) {
                return " at line " + (i + 1) + ":\n  golden: " + el + "\n  actual: " + al;
            }
        }
        return " in line endings or the final newline";
    }
}
