package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.scan.RuleSet;
import dev.bucketguard.spi.RuleMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's rules table is rendered from the discovered rules' metadata (id, severity, title), so it cannot drift
 * from what {@code bucketguard rules list} prints. When a rule is added or renamed this test fails and prints the
 * table to paste; {@code -Dbucketguard.readme.update=true} writes it into the README instead.
 */
class ReadmeRulesTableTest {
    static final String BEGIN = "<!-- rules table: generated from the rules' metadata by ReadmeRulesTableTest -->";
    static final String END = "<!-- end of rules table -->";

    /** The table, one row per built-in rule, by id. */
    static String render(List<RuleMetadata> rules) {
        StringBuilder table = new StringBuilder("| rule | severity | what it checks |\n|---|---|---|\n");
        rules.stream().sorted(Comparator.comparing(RuleMetadata::id)).forEach(m -> table
                .append("| `").append(m.id()).append("` | ")
                .append(m.severity().name().toLowerCase(Locale.ROOT)).append(" | ")
                .append(m.title().replace("|", "\\|")).append(" |\n"));
        return table.toString();
    }

    @Test
    void theReadmeListsEveryRuleAsItsMetadataSays() throws IOException {
        Path readme = ArchitectureTest.repositoryRoot().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no '" + BEGIN + "' ... '" + END + "' block");
        String current = text.substring(begin + BEGIN.length(), end).strip() + "\n";
        String expected = render(RuleSet.discover().metadata());
        if (!current.equals(expected) && Boolean.getBoolean("bucketguard.readme.update")) {
            Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + "\n" + expected
                    + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, current, "README.md's rules table differs from the rules' metadata; the table should"
                + " read:\n\n" + expected + "\n(or run this test with -Dbucketguard.readme.update=true)");
    }

    @Test
    void theTableNamesEachRuleOnceWithItsSeverityAndTitle() {
        String table = render(RuleSet.discover().metadata());
        assertTrue(table.contains("| `aws.s3.public-acl` | critical | S3 bucket ACL grants access to everyone |\n"),
                table);
        List<String> ids = RuleSet.discover().metadata().stream().map(RuleMetadata::id).toList();
        for (String id : ids) {
            assertEquals(1, table.split("`" + Pattern.quote(id) + "`", -1).length - 1, id);
        }
    }
}
