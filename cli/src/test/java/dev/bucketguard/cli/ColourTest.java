package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The colour decision, where the CLI makes it: the environment and the terminal check are given, not read from the
 * test's own process, so that each case can fail. A terminal without NO_COLOR or TERM=dumb is the control that shows
 * colour is on at all.
 */
class ColourTest {
    private static final String ESC = "\u001b[";

    private static String report(Map<String, String> env, boolean terminal) {
        return Cli.run(env, terminal, "scan", "snapshot", Cli.EXAMPLE.toString(), "--quiet").out();
    }

    private static String help(Map<String, String> env, boolean terminal) {
        return Cli.run(env, terminal, "scan", "snapshot", "--help").out();
    }

    @Test
    void aTerminalGetsColour() {
        assertTrue(Environment.colour(Map.of("TERM", "xterm-256color"), true));
        assertTrue(report(Map.of("TERM", "xterm-256color"), true).contains(ESC), "the report is coloured");
        assertTrue(help(Map.of(), true).contains(ESC), "the help is coloured");
    }

    @Test
    void noColorWithATerminalGivesNoColour() {
        for (String value : new String[] {"1", "", "0"}) {
            Map<String, String> env = Map.of("NO_COLOR", value, "TERM", "xterm-256color");
            assertFalse(Environment.colour(env, true), "NO_COLOR=" + value);
            assertFalse(report(env, true).contains(ESC), "NO_COLOR='" + value + "' on a terminal: the report");
            assertFalse(help(env, true).contains(ESC), "NO_COLOR='" + value + "' on a terminal: the help");
        }
    }

    @Test
    void aDumbTerminalGivesNoColour() {
        Map<String, String> env = Map.of("TERM", "dumb");
        assertFalse(Environment.colour(env, true));
        assertFalse(report(env, true).contains(ESC), "TERM=dumb: the report");
        assertFalse(help(env, true).contains(ESC), "TERM=dumb: the help");
    }

    @Test
    void notATerminalGivesNoColour() {
        Map<String, String> env = Map.of("TERM", "xterm-256color");
        assertFalse(Environment.colour(env, false));
        assertFalse(report(env, false).contains(ESC), "piped: the report");
        assertFalse(help(env, false).contains(ESC), "piped: the help");
    }

    @Test
    void aReportWrittenToAFileIsNeverColouredEvenOnATerminal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("report.txt");
        Cli.run(Map.of(), true, "scan", "snapshot", Cli.EXAMPLE.toString(), "--quiet", "--output", file.toString());
        assertFalse(java.nio.file.Files.readString(file).contains(ESC));
    }
}
