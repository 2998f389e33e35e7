package dev.bucketguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketguard.spi.Rule;
import dev.bucketguard.testkit.RuleTestKit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of every built-in rule's fixture (rules/src/test/resources/dev/bucketguard/rules/cases). */
class BuiltInRuleCasesTest {

    @TestFactory
    Stream<DynamicContainer> everyRuleAnswersItsCases() {
        return RuleTestKit.rules().stream()
                .filter(r -> RuleTestKit.fixture(r.metadata().id()).isPresent())
                .map(r -> DynamicContainer.dynamicContainer(r.metadata().id(),
                        RuleTestKit.cases(r.metadata().id())));
    }

    @Test
    void everyFixtureBelongsToARule() throws IOException, URISyntaxException {
        URL dir = Thread.currentThread().getContextClassLoader().getResource(RuleTestKit.FIXTURES);
        Set<String> ids = RuleTestKit.rules().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        List<String> orphans;
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            orphans = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".json") || !ids.contains(n.substring(0, n.length() - 5)))
                    .sorted().toList();
        }
        assertEquals(List.of(), orphans, "fixtures for no rule (a renamed rule or a misspelt file name)");
    }

    @Test
    void serviceFileListsEveryRuleOnce() {
        List<String> ids = RuleTestKit.rules().stream().map(Rule::metadata).map(m -> m.id()).toList();
        assertEquals(17, ids.size(), "built-in rules found by ServiceLoader: " + ids);
    }
}
