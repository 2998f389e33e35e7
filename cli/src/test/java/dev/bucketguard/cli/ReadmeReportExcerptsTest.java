package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's excerpts of the bundled example's text report are the report: every line of each excerpt is a line of
 * what the README's first command prints today, in the same order ("  ..." stands for lines left out), and the line
 * count the README gives is the report's.
 */
class ReadmeReportExcerptsTest {
    private static final Pattern TEXT_BLOCK = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExcerptOfTheExampleReportInTheReadmeIsWhatTheScanPrintsToday() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString());
        assertEquals(4, r.code(), r.err());
        List<String> report = r.out().lines().toList();

        List<String> excerpts = new ArrayList<>();
        Matcher m = TEXT_BLOCK.matcher(readme);
        while (m.find()) {
            String block = m.group(1);
            if (block.contains("salesforce:00D5g00000AcctOpEN") || block.startsWith("Summary: ")) {
                excerpts.add(block);
            }
        }
        assertTrue(excerpts.size() >= 2, "the README shows the example's report under 'What it tells you' and "
                + "'Could you tell whose records were read?'");
        for (String excerpt : excerpts) {
            int at = 0;
            for (String line : excerpt.lines().toList()) {
                if (line.strip().equals("...")) {
                    continue;
                }
                int found = -1;
                for (int i = at; i < report.size(); i++) {
                    if (report.get(i).equals(line)) {
                        found = i;
                        break;
                    }
                }
                assertTrue(found >= 0, "README line not in the report (in this order): '" + line
                        + "'\nthe report today:\n" + r.out());
                at = found + 1;
            }
        }

        Matcher count = Pattern.compile("\\((\\d+) lines in all").matcher(readme);
        assertTrue(count.find(), "the README says how long the report is");
        assertEquals(report.size(), Integer.parseInt(count.group(1)), "the report's length in the README");
    }
}
