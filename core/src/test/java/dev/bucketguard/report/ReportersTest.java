package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.scan.InputException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportersTest {

    @Test
    void everyFormatIsFoundByItsName() {
        assertEquals(List.of("text", "json", "sarif", "junit"), Reporters.names());
        for (String name : Reporters.names()) {
            assertEquals(name, Reporters.byName(name).format());
        }
    }

    @Test
    void anUnknownFormatIsOneClearInputError() {
        InputException e = assertThrows(InputException.class, () -> Reporters.byName("html"));
        assertEquals("unknown report format 'html' (one of text, json, sarif, junit)", e.getMessage());
        assertThrows(InputException.class, () -> Reporters.byName("JSON"), "names are exact");
    }

    @Test
    void optionsReachTheReporters() throws IOException {
        String sarif = ReporterGoldenTest.render(Reporters.byName("sarif",
                new ReporterOptions(false, false, "snapshots/prod.json")), ReportFixture.report());
        assertTrue(sarif.contains("\"uri\": \"snapshots/prod.json\""));
        String text = ReporterGoldenTest.render(Reporters.byName("text",
                new ReporterOptions(true, true, "x")), ReportFixture.report());
        assertTrue(text.contains("\u001B[") && text.contains("PASS "));
    }
}
