package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tests every module of rules runs, inherited by one small subclass per module: every case of every rule's
 * fixture ({@value RuleTestKit#FIXTURES}{@code <rule id>.json}), clean metadata ({@link RuleMetadataLint}), every rule class
 * registered once, no fixture without its rule, and never wrong in the
 * comfortable direction (a rule whose facts could not be read answers UNKNOWN and names the missing permission,
 * whatever values the resource still carries).
 *
 * <pre>{@code
 * class AzureRulesTest extends RuleModuleTests {
 *     AzureRulesTest() { super("azure"); }
 * }
 * }</pre>
 */
public abstract class RuleModuleTests {
    private final String provider;

    /** @param provider the cloud id whose rules the module holds; the others on the class path are left out */
    protected RuleModuleTests(String provider) {
        this.provider = provider;
    }

    /** The module's rules: those of its cloud found by ServiceLoader. */
    protected List<Rule> rules() {
        return RuleTestKit.rules().stream().filter(r -> r.metadata().provider().equals(provider)).toList();
    }

    /** Every problem of the module's rule metadata at once ({@link RuleMetadataLint}). */
    @Test
    void theRulesMetadataIsClean() {
        assertEquals(List.of(), RuleMetadataLint.of(rules()).problems(), "rule metadata problems");
    }

    @Test
    void theModuleHasRules() {
        assertFalse(rules().isEmpty(), "no rule of provider '" + provider + "' is registered in META-INF/services");
    }

    /**
     * Replaces a count of rules: every concrete {@link Rule} class in the module's classes is listed exactly once in
     * its {@code META-INF/services/dev.bucketguard.spi.Rule}, and that file lists nothing else.
     */
    @Test
    void everyRuleClassOfTheModuleIsRegisteredExactlyOnce() throws IOException, URISyntaxException {
        Path classes = Path.of(rules().get(0).getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> ruleClasses;
        try (Stream<Path> files = Files.walk(classes)) {
            ruleClasses = files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replace('\\', '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(this::isRule)
                    .sorted().toList();
        }
        List<String> registered = Files.readAllLines(classes.resolve("META-INF/services/" + Rule.class.getName()))
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Map<String, Long> counts = registered.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        assertEquals(List.of(), ruleClasses.stream().filter(c -> !counts.containsKey(c)).toList(),
                "Rule classes missing from META-INF/services");
        assertEquals(List.of(), counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList(), "Rule classes registered more than once");
        assertEquals(List.of(), counts.keySet().stream().filter(c -> !ruleClasses.contains(c)).toList(),
                "META-INF/services lines that name no Rule class of " + classes);
    }

    private boolean isRule(String name) {
        try {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            return Rule.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("cannot load " + name, e);
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyRuleAnswersItsCases() {
        return rules().stream()
                .filter(r -> RuleTestKit.fixture(r.metadata().id()).isPresent())
                .map(r -> DynamicContainer.dynamicContainer(r.metadata().id(), RuleTestKit.cases(r.metadata().id())));
    }

    @Test
    void everyFixtureBelongsToARule() {
        Set<String> ids = RuleTestKit.rules().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        List<String> orphans = fixtureFiles().stream()
                .filter(n -> !n.endsWith(".json") || !ids.contains(n.substring(0, n.length() - ".json".length())))
                .toList();
        assertEquals(List.of(), orphans, "fixtures for no rule (a renamed rule or a misspelt file name)");
    }

    @TestFactory
    Stream<DynamicTest> everyFactUnreadableGivesUnknownNamingThePermission() {
        return rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
            Resource probe = RuleTestKit.unreadable(RuleTestKit.bare(r), r.metadata().facts());
            Outcome o = RuleTestKit.run(r, probe);
            assertEquals(Outcome.Status.UNKNOWN, o.status(), r.metadata().id() + ": " + o.message());
            assertTrue(o.message().contains("probe:"), r.metadata().id()
                    + ": the message names no missing permission: " + o.message());
        }));
    }

    @TestFactory
    Stream<DynamicTest> nothingCollectedIsNeverPass() {
        return rules().stream().map(r -> DynamicTest.dynamicTest(r.metadata().id(), () -> {
            Outcome o = RuleTestKit.run(r, RuleTestKit.bare(r));
            assertEquals(Outcome.Status.UNKNOWN, o.status(), r.metadata().id() + ": " + o.message());
        }));
    }

    /**
     * Every PASS case of every fixture turns UNKNOWN once the facts the rule reads (those it requires and those it
     * decides without when it can) become unreadable.
     */
    @TestFactory
    Stream<DynamicNode> passCasesTurnUnknownWhenTheirFactsBecomeUnreadable() {
        return rules().stream()
                .filter(r -> RuleTestKit.fixture(r.metadata().id()).isPresent())
                .map(r -> DynamicContainer.dynamicContainer(r.metadata().id(),
                        RuleTestKit.load(r.metadata().id()).cases().stream()
                                .filter(c -> c.expect().status() == Outcome.Status.PASS)
                                .map(c -> DynamicTest.dynamicTest(c.name(), () -> unknownOnceUnreadable(r, c)))));
    }

    private static void unknownOnceUnreadable(Rule r, RuleCase c) {
        Resource blind = RuleTestKit.unreadable(c.resource(), r.metadata().facts());
        Outcome o = RuleTestKit.run(r, new RuleCase(c.name(), blind, c.trust(), c.expect(), c.parameters()));
        assertEquals(Outcome.Status.UNKNOWN, o.status(), r.metadata().id() + ", case '" + c.name() + "' with "
                + r.metadata().facts() + " unreadable: " + o.message());
        // A fact the case already recorded as unreadable keeps its own reason, so any named permission will do.
        assertTrue(o.message().contains("(needs "), "the message names no missing permission: " + o.message());
    }

    /** The fixture files of this module's test class path (not of the jars it depends on). */
    private List<String> fixtureFiles() {
        URL dir = getClass().getClassLoader().getResource(RuleTestKit.FIXTURES);
        if (dir == null || !"file".equals(dir.getProtocol())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
