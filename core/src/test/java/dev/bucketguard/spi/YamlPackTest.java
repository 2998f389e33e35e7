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

    /** The packed tree of a resource, as a rule's read finds it. */
    private static Optional<Map<String, Object>> packed(ClassLoader l, String resource) {
        URL yaml = l.getResource(resource);
        return yaml == null ? Optional.empty() : YamlPack.find(l, yaml);
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
            Map<String, Object> rule = packed(l, "org/lockers/OpenLocker.yaml").orElseThrow();
            assertEquals(parse(RULE), rule);
            assertEquals("Checks the locker's door.\nSecond line, with \"quotes\", a colon: and ünïcode ‮.\n",
                    rule.get("description"));
            assertTrue(rule.containsKey("risk") && rule.get("risk") == null, "a null stays a null");
            assertEquals(List.of("https://example.org/lockers", "docs/exposure.md", "2.1.4"), rule.get("references"));
            assertEquals(parse(MAPPING), packed(l, "org/lockers/compliance/bench-1.0.0.yaml").orElseThrow());
            assertEquals(Map.of(), packed(l, "org/lockers/Empty.yaml").orElseThrow());
            assertEquals(Optional.empty(), YamlPack.find(l, new URL(l.getResource("org/lockers/OpenLocker.yaml"),
                    "Missing.yaml")), "a file the pack does not hold");
            assertEquals(null, YamlTree.read(l, l.getResource("org/lockers/Missing.yaml")), "no such file");
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
                    "a/Gone.yaml: in yaml.pack but no longer beside it; rebuild (./mvnw process-classes)"),
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
                assertEquals(Optional.empty(), packed(l, "a/OpenLocker.yaml"));
                assertEquals(List.of(), YamlPack.stale(l, "a/"));
            }
        }
        try (InputStream in = new ByteArrayInputStream(whole)) {
            assertEquals(parse(RULE), YamlPack.read(in).get("OpenLocker.yaml"));
        }
    }

    @Test
    void aYamlFileEarlierOnTheClassPathThanThePackIsReadAsItIs() throws IOException {
        // An embedder's directory, first on the class path, with its own prose for a shipped rule; the shipped
        // directory has the rule's YAML and its pack.
        write("shipped/a/OpenLocker.yaml", RULE);
        YamlPack.packAll(classes.resolve("shipped"));
        write("override/a/OpenLocker.yaml", RULE.replace("Lockers open to everyone", "Schließfächer offen"));
        try (URLClassLoader l = new URLClassLoader(new URL[] {classes.resolve("override").toUri().toURL(),
                classes.resolve("shipped").toUri().toURL()}, null)) {
            assertEquals("Schließfächer offen", YamlTree.read(l, l.getResource("a/OpenLocker.yaml")).get("title"));
            assertEquals(List.of(), YamlPack.stale(l, "a/"), "the shipped pack still matches the shipped YAML");
        }
        try (URLClassLoader l = new URLClassLoader(new URL[] {classes.resolve("shipped").toUri().toURL()}, null)) {
            assertEquals("Lockers open to everyone", YamlTree.read(l, l.getResource("a/OpenLocker.yaml")).get("title"));
            assertTrue(packed(l, "a/OpenLocker.yaml").isPresent(), "read from the pack");
        }
    }

    @Test
    void packsInsideAJarAreFoundBesideTheirYaml() throws IOException {
        write("a/OpenLocker.yaml", RULE);
        YamlPack.packAll(classes);
        Path jar = classes.resolve("rules.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("a/OpenLocker.yaml", "a/yaml.pack")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(Files.readAllBytes(classes.resolve(name)));
                zip.closeEntry();
            }
        }
        try (URLClassLoader l = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(parse(RULE), packed(l, "a/OpenLocker.yaml").orElseThrow());
            assertEquals(List.of(), YamlPack.stale(l, "a/"));
        }
    }
}
