package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled example's report, byte for byte, in every format, to stdout and to a file: what the reporters write
 * must not change when how they write it does (streaming instead of building the whole report first). The files
 * under src/test/resources/example-reports were written by the build before that change; when a report is meant to
 * change, run with {@code -Dbucketguard.updateExampleReports=true} and review the diff.
 */
class ExampleReportBytesTest {
    private static final Path DIR = Path.of("src", "test", "resources", "example-reports");

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit"})
    void theExampleReportIsTheSameBytesToStdoutAndToAFile(String format, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path expected = DIR.resolve("account-opening." + format);
        Cli.Result stdout = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", format);
        if (Boolean.getBoolean("bucketguard.updateExampleReports")) {
            Files.writeString(expected, stdout.out(), StandardCharsets.UTF_8);
        }
        String golden = Files.readString(expected, StandardCharsets.UTF_8);
        assertEquals(4, stdout.code(), stdout.err());
        assertEquals(golden, stdout.out(), format + " to stdout");

        Path file = dir.resolve("report." + format);
        Cli.Result toFile = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", format, "--output",
                file.toString());
        assertEquals(4, toFile.code(), toFile.err());
        assertEquals(golden, Files.readString(file, StandardCharsets.UTF_8), format + " to a file");
    }
}
