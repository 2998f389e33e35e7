package dev.bucketguard.rules.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bucketguard.spi.Rule;
import dev.bucketguard.testkit.RuleTestKit;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of every AWS rule's fixture (rules/aws/src/test/resources/dev/bucketguard/rules/cases). */
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
    void everyRuleClassOfTheModuleIsRegisteredExactlyOnce() throws IOException, URISyntaxException {
        Path classes = Path.of(AclsEnabled.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> ruleClasses;
        try (Stream<Path> files = Files.list(classes.resolve(PACKAGE.replace('.', '/')))) {
            ruleClasses = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> PACKAGE + "." + n.substring(0, n.length() - ".class".length()))
                    .filter(BuiltInRuleCasesTest::isRule)
                    .sorted().toList();
        }
        List<String> registered = Files.readAllLines(classes.resolve("META-INF/services/" + Rule.class.getName()))
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Map<String, Long> counts = registered.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        List<String> unregistered = ruleClasses.stream().filter(c -> !counts.containsKey(c)).toList();
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> notRules = counts.keySet().stream().filter(c -> !ruleClasses.contains(c)).toList();
        assertEquals(List.of(), unregistered, "Rule classes missing from META-INF/services");
        assertEquals(List.of(), twice, "Rule classes registered more than once");
        assertEquals(List.of(), notRules, "META-INF/services lines that name no Rule class of " + PACKAGE);
        assertFalse(ruleClasses.isEmpty(), "no Rule class found in " + classes);
    }

    private static final String PACKAGE = "dev.bucketguard.rules.aws";

    private static boolean isRule(String name) {
        try {
            Class<?> c = Class.forName(name, false, BuiltInRuleCasesTest.class.getClassLoader());
            return Rule.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
