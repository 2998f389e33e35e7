package dev.bucketguard.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's parsed copy of a directory's YAML files reads exactly as the YAML does, is the same bytes for the same
 * YAML, and never stands in for YAML it no longer matches: a damaged pack is ignored, a changed one is reported.
 */
class YamlPackTest {
    private static final String RULE = """
            title: Lockers open to everyone
            description: |
              Checks the locker's door.
              Second line, with "quotes", a colon: and ünïcode ‮.
            risk: ~
            remediation:
              console: Close it.
              cli: locker close --id 1
              terraform: 'resource "locker" "x" { open = false }'
            references:
              - https://example.org/lockers
              - docs/exposure.md
              - 2.1.4
            """;
    private static final String MAPPING = """
            framework: Locker Benchmark
            version: 1.0.0
            requirements:
              "2.3": [test.locker.open, test.locker.other]
              "10": []
            """;

    @TempDir
    Path classes;

    private Path write(String path, String text) throws IOException {
        Path f = classes.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static Map<String, Object> parse(String yaml) throws IOException {
        return YamlTree.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    @Test
    void aPackReadsExactlyAsItsYamlFiles() throws IOException {
        write("org/lockers/OpenLocker.yaml", RULE);
        write("org/lockers/compliance/bench-1.0.0.yaml", MAPPING);
        write("org/lockers/Empty.yaml", "");
        List<Path> packs = YamlPack.packAll(classes);
        assertEquals(List.of(classes.resolve("org/lockers/yaml.pack"), classes.resolve("org/lockers/compliance/yaml.pack")),
                packs);
        try (URLClassLoader l = loader()) {
            Map<String, Object> rule = YamlPack.find(l, "org/lockers/", "OpenLocker.yaml").orElseThrow();
            assertEquals(parse(RULE), rule);
            assertEquals("Checks the locker's door.\nSecond line, with \"quotes\", a colon: and ünïcode ‮.\n",
                    rule.get("description"));
            assertTrue(rule.containsKey("risk") && rule.get("risk") == null, "a null stays a null");
            assertEquals(List.of("https://example.org/lockers", "docs/exposure.md", "2.1.4"), rule.get("references"));
            assertEquals(parse(MAPPING), YamlPack.find(l, "org/lockers/compliance/", "bench-1.0.0.yaml").orElseThrow());
            assertEquals(Map.of(), YamlPack.find(l, "org/lockers/", "Empty.yaml").orElseThrow());
            assertEquals(Optional.empty(), YamlPack.find(l, "org/lockers/", "Missing.yaml"));
            assertEquals(Optional.empty(), YamlPack.find(l, "org/other/", "OpenLocker.yaml"));
            assertEquals(List.of(), YamlPack.stale(l, "org/lockers/"));
            assertEquals(List.of(), YamlPack.stale(l, "org/lockers/compliance/"));
        }
    }

    @Test
    void theSameYamlGivesTheSameBytes() throws IOException {
        write("a/B.yaml", RULE);
        write("a/A.yaml", MAPPING);
        YamlPack.packAll(classes);
        byte[] first = Files.readAllBytes(classes.resolve("a/yaml.pack"));
        YamlPack.packAll(classes);
        assertArrayEquals(first, Files.readAllBytes(classes.resolve("a/yaml.pack")));
    }

    @Test
    void aFileThatIsNotValidYamlStopsTheBuildNamingIt() throws IOException {
        write("a/Good.yaml", RULE);
        write("a/Bad.yaml", "title: one\ntitle: two\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> YamlPack.packAll(classes));
        assertTrue(e.getMessage().startsWith("a/Bad.yaml is not valid YAML: "), e.getMessage());
    }

    @Test
    void aPackThatNoLongerMatchesItsYamlIsReported() throws IOException {
        write("a/Changed.yaml", RULE);
        write("a/Gone.yaml", RULE);
        write("a/Same.yaml", MAPPING);
        YamlPack.packAll(classes);
        write("a/Changed.yaml", RULE.replace("Lockers open", "Lockers ajar"));
        Files.delete(classes.resolve("a/Gone.yaml"));
        write("a/New.yaml", RULE);
        try (URLClassLoader l = loader()) {
            assertEquals(List.of(
                    "a/Changed.yaml: differs from its copy in yaml.pack; rebuild (./mvnw process-classes)",
                    "a/Gone.yaml: in yaml.pack but no longer on the class path; rebuild (./mvnw process-classes)"),
                    YamlPack.stale(l, "a/").stream().sorted().toList());
        }
    }

    @Test
    void aDamagedPackIsIgnoredAndTheYamlReadInstead() throws IOException {
        write("a/OpenLocker.yaml", RULE);
        YamlPack.packAll(classes);
        Path pack = classes.resolve("a/yaml.pack");
        byte[] whole = Files.readAllBytes(pack);
        for (byte[] damaged : List.of(java.util.Arrays.copyOf(whole, whole.length / 2), new byte[0],
                "not a pack".getBytes(StandardCharsets.UTF_8))) {
            Files.write(pack, damaged);
            try (URLClassLoader l = loader()) {
                assertEquals(Optional.empty(), YamlPack.find(l, "a/", "OpenLocker.yaml"));
                assertEquals(List.of(), YamlPack.stale(l, "a/"));
            }
        }
        try (InputStream in = new ByteArrayInputStream(whole)) {
            assertEquals(parse(RULE), YamlPack.read(in).get("OpenLocker.yaml"));
        }
    }

    @Test
    void theDirectoryOfAResourceIsResolvedAsClassGetResourceDoes() {
        assertEquals("dev/bucketguard/spi/", YamlPack.directoryOf(YamlPackTest.class, "X.yaml"));
        assertEquals("dev/bucketguard/spi/compliance/", YamlPack.directoryOf(YamlPackTest.class, "compliance/x.yaml"));
        assertEquals("other/", YamlPack.directoryOf(YamlPackTest.class, "/other/x.yaml"));
        assertEquals("", YamlPack.directoryOf(YamlPackTest.class, "/x.yaml"));
    }
}
