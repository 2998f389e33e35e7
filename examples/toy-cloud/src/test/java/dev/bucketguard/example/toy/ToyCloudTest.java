package dev.bucketguard.example.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.snapshot.SnapshotProvider;
import dev.bucketguard.spi.Clouds;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fourth cloud, added through the SPI alone, is discovered, read from a snapshot and judged like any other. */
class ToyCloudTest {
    @TempDir
    Path dir;

    private static Path snapshot() throws URISyntaxException {
        return Path.of(ToyCloudTest.class.getResource("/library.snapshot.json").toURI());
    }

    private static ScanReport scan(Path file) {
        return Scanner.builder().provider(new SnapshotProvider(file)).build().scan();
    }

    private static Map<String, ResourceReport> byId(ScanReport report) {
        return report.resources().stream().collect(Collectors.toMap(r -> r.resource().id(), r -> r));
    }

    private static Finding finding(ResourceReport r) {
        return r.findings().stream().filter(f -> f.ruleId().equals("toy.shelf.unlocked")).findFirst().orElseThrow();
    }

    @Test
    void theCloudIsFoundOnTheClassPathByItsServiceFile() {
        assertTrue(Clouds.discover().find("toy").orElseThrow() instanceof ToyCloud);
    }

    @Test
    void aSnapshotOfTheToyCloudIsJudgedWithItsVerdictAndItsRule() throws Exception {
        ScanReport report = scan(snapshot());
        assertEquals(List.of(), report.errors());
        Map<String, ResourceReport> r = byId(report);

        ResourceReport open = r.get("open-shelf");
        assertEquals(Exposure.PUBLIC, open.verdict().exposure());
        assertEquals(List.of("card 'everyone' grants read to anyone and the door is unlocked"),
                open.verdict().reasons());
        assertEquals(FindingStatus.FAIL, finding(open).status());
        assertEquals("the door of shelf open-shelf is unlocked", finding(open).message());

        ResourceReport locked = r.get("locked-shelf");
        assertEquals(Exposure.PRIVATE, locked.verdict().exposure());
        assertEquals(FindingStatus.PASS, finding(locked).status());

        ResourceReport dusty = r.get("dusty-shelf");
        assertEquals(Exposure.UNKNOWN, dusty.verdict().exposure(), "an unread lock is never PRIVATE");
        assertTrue(dusty.verdict().reasons().get(0).contains("toy:InspectLock"), dusty.verdict().reasons()
                .toString());
        assertEquals(List.of("south-branch"), dusty.verdict().undecidedOutsiders());
        assertEquals(FindingStatus.UNKNOWN, finding(dusty).status(), "the engine gates the rule on LOCK");
        assertTrue(finding(dusty).message().contains("LOCK"), finding(dusty).message());
    }

    @Test
    void anotherCloudsVocabularyIsRefusedForAToyResource() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"formatVersion\": \"2.0\", \"resources\": [\n"
                + "{\"provider\": \"toy\", \"account\": \"a\", \"id\": \"s\", \"kind\": \"BUCKET\"}]}");
        ScanReport report = scan(file);
        assertEquals(List.of(), report.resources());
        assertEquals(1, report.errors().size());
        assertTrue(report.errors().get(0).message().endsWith(":2:48 at $.resources[0].kind (resource 's'): kind"
                + " 'BUCKET' is not one of toy's (SHELF)"), report.errors().get(0).message());
    }

    @Test
    void noCoreSourceFileNamesTheToyCloud() throws IOException {
        Path core = Path.of("../../core/src/main");
        try (Stream<Path> files = Files.walk(core)) {
            List<Path> naming = files.filter(Files::isRegularFile).filter(f -> {
                try (InputStream in = Files.newInputStream(f)) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    return text.contains("dev.bucketguard.example") || text.contains("ToyCloud");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(List.of(), naming);
        }
    }
}
