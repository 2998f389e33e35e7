package dev.bucketguard.cloud.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Compliance;
import dev.bucketguard.testkit.RuleTestKit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Azure cloud as the engine finds it: through ServiceLoader, with its compliance mapping and its checks. */
class AzureCloudTest {

    @Test
    void theEngineFindsAzureThroughTheServiceLoader() {
        assertInstanceOf(AzureCloud.class, Clouds.discover().require("azure"));
    }

    @Test
    void theComplianceMappingNamesOnlyThisModulesRules() {
        Set<String> ids = new TreeSet<>();
        RuleTestKit.rules().stream().filter(r -> r.metadata().provider().equals(AzureCloud.ID))
                .forEach(r -> ids.add(r.metadata().id()));
        List<Compliance> mappings = new AzureCloud().compliance();
        assertEquals(List.of("CIS Microsoft Azure Foundations Benchmark"),
                mappings.stream().map(Compliance::framework).toList());
        mappings.forEach(c -> c.requirements().forEach((req, rules) ->
                assertTrue(ids.containsAll(rules), req + " names rules that do not exist: " + rules)));
    }

    @Test
    void aKnownFactWithoutItsValueIsAProblem() {
        Resource r = Resource.builder(AzureCloud.ID, Fixtures.SUBSCRIPTION, "applicantsstore")
                .kind(AzureCloud.STORAGE_ACCOUNT).collected(AzureFacts.NETWORK_RULES)
                .details(StorageAccount.UNREAD).build();

        assertEquals(List.of("fact NETWORK_RULES is collected and known, but its value is missing"),
                new AzureCloud().problems(r));
    }
}
