package dev.bucketguard.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.testcloud.OpenLocker;
import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleMetadataTest {

    /** A rule with a definition and no YAML beside it. */
    @RuleDefinition(id = "test.locker.no-prose", severity = Severity.LOW, provider = "test")
    static final class NoProse implements Rule {
        @Override
        public Outcome evaluate(Resource resource, Verdict verdict) {
            return Outcome.pass("unused");
        }
    }

    /** A rule with YAML beside it and no definition. */
    static final class NoDefinition implements Rule {
        @Override
        public Outcome evaluate(Resource resource, Verdict verdict) {
            return Outcome.pass("unused");
        }
    }

    /** A rule whose YAML misspells a field. */
    @RuleDefinition(id = "test.locker.misspelt", severity = Severity.LOW, provider = "test")
    static final class Misspelt implements Rule {
        @Override
        public Outcome evaluate(Resource resource, Verdict verdict) {
            return Outcome.pass("unused");
        }
    }

    /** A rule whose YAML is not YAML. */
    @RuleDefinition(id = "test.locker.broken", severity = Severity.LOW, provider = "test")
    static final class Broken implements Rule {
        @Override
        public Outcome evaluate(Resource resource, Verdict verdict) {
            return Outcome.pass("unused");
        }
    }

    /** A rule whose YAML gives a field twice. */
    @RuleDefinition(id = "test.locker.duplicated", severity = Severity.LOW, provider = "test")
    static final class Duplicated implements Rule {
        @Override
        public Outcome evaluate(Resource resource, Verdict verdict) {
            return Outcome.pass("unused");
        }
    }

    @Test
    void theAnnotationAndTheYamlBesideTheClassMakeTheMetadata() {
        RuleMetadata m = RuleMetadata.of(OpenLocker.class);

        assertEquals("test.locker.open", m.id());
        assertEquals(Severity.HIGH, m.severity());
        assertEquals(TestCloud.ID, m.provider());
        assertEquals("Locker lock is open", m.title());
        assertEquals("Fails when the locker's lock is open, so that a public share reaches the data.",
                m.description());
        assertEquals("Anyone holding a public share can open the locker.", m.risk());
        assertEquals(new Remediation("Engage the lock on the locker's Sharing tab.",
                "testcloud locker lock --engage LOCKER",
                "resource \"test_locker\" \"this\" {\n  lock = \"ENGAGED\"\n}"), m.remediation());
        assertEquals(List.of("docs/architecture.md"), m.references());
        assertEquals(Set.of(TestCloud.LOCK), m.requires());
        assertEquals(Set.of(TestCloud.LABEL), m.reads());
        assertEquals(Set.of(TestCloud.LABEL, TestCloud.LOCK), m.facts());
        assertEquals(List.of(), m.compliance());
    }

    @Test
    void aRuleReadsItsMetadataByDefaultOnceForItsClass() {
        assertSame(RuleMetadata.of(OpenLocker.class), new OpenLocker().metadata());
        assertSame(new OpenLocker().metadata(), new OpenLocker().metadata());
    }

    @Test
    void aMissingYamlIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleMetadata.of(NoProse.class));
        assertEquals(NoProse.class.getName() + ": no NoProse.yaml beside the class", e.getMessage());
    }

    @Test
    void aMissingAnnotationIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new NoDefinition().metadata());
        assertEquals(NoDefinition.class.getName() + " has no @RuleDefinition", e.getMessage());
    }

    @Test
    void aMisspeltFieldOfTheYamlIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleMetadata.of(Misspelt.class));
        assertEquals(Misspelt.class.getName() + ": Misspelt.yaml has an unknown field 'remedation' (expected "
                + "[description, references, remediation, risk, title])", e.getMessage());
    }

    @Test
    void malformedYamlIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleMetadata.of(Broken.class));
        assertTrue(e.getMessage().startsWith(Broken.class.getName() + ": Broken.yaml is not valid YAML: "),
                e::getMessage);
    }

    @Test
    void aFieldGivenTwiceInTheYamlIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleMetadata.of(Duplicated.class));
        assertTrue(e.getMessage().startsWith(Duplicated.class.getName() + ": Duplicated.yaml is not valid YAML: "),
                e::getMessage);
        assertTrue(e.getMessage().contains("'title'"), e::getMessage);
    }

    @Test
    void aRuleIsAboutItsResourceUnlessItsDefinitionSaysItsAccount() {
        assertEquals(RuleScope.RESOURCE, RuleMetadata.of(OpenLocker.class).scope());
        assertEquals(RuleScope.ACCOUNT, RuleMetadata.of(AccountWide.class).scope());
    }

    /** A rule about a setting of the owning account. */
    @RuleDefinition(id = "test.locker.account-wide", severity = Severity.LOW, provider = "test",
            scope = RuleScope.ACCOUNT)
    static final class AccountWide implements Rule {
        @Override
        public Outcome evaluate(Resource resource, Verdict verdict) {
            return Outcome.pass("unused");
        }
    }

    @Test
    void anIdNotOfTheFormProviderServiceNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RuleMetadata(
                "test.open", "t", Severity.LOW, "test", null, null, null, null, null, null, null));
        assertEquals("rule id 'test.open' is not of the form provider.service.name", e.getMessage());
    }

    @Test
    void allReferencesPutComplianceFirstWithoutRepeats() {
        RuleMetadata m = new RuleMetadata("test.locker.open", "t", Severity.LOW, "test", null, null, null,
                List.of("docs/architecture.md", "Locker Benchmark v1 1.2"), Set.of(Fact.ENCRYPTION), null,
                List.of("Locker Benchmark v1 1.2"));
        assertEquals(List.of("Locker Benchmark v1 1.2", "docs/architecture.md"), m.allReferences());
        assertTrue(m.appliesTo("test"));
        assertFalse(m.appliesTo("other"));
    }

    @Test
    void aFrameworkMappingFileGivesEachRuleItsRequirements() {
        Compliance c = Compliance.load(TestCloud.class, "locker-benchmark.yaml");

        assertEquals(List.of("Locker Benchmark v1.0.0 1.1", "Locker Benchmark v1.0.0 2.3"),
                c.referencesFor("test.locker.open"));
        assertEquals(List.of("Locker Benchmark v1.0.0 2.3"), c.referencesFor("test.locker.other"));
        assertEquals(List.of(), c.referencesFor("test.locker.unmapped"));
    }

    @Test
    void aMissingMappingFileIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Compliance.load(TestCloud.class, "nope.yaml"));
        assertEquals("compliance mapping nope.yaml is not beside " + TestCloud.class.getName(), e.getMessage());
    }
}
