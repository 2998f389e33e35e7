package dev.bucketguard.cloud.gcp;

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

/** The GCP cloud as the engine finds it: through ServiceLoader, with its compliance mapping and its checks. */
class GcpCloudTest {

    @Test
    void theEngineFindsGcpThroughTheServiceLoader() {
        assertInstanceOf(GcpCloud.class, Clouds.discover().require("gcp"));
    }

    @Test
    void theComplianceMappingNamesOnlyThisModulesRules() {
        Set<String> ids = new TreeSet<>();
        RuleTestKit.rules().stream().filter(r -> r.metadata().provider().equals(GcpCloud.ID))
                .forEach(r -> ids.add(r.metadata().id()));
        List<Compliance> mappings = new GcpCloud().compliance();
        assertEquals(List.of("CIS Google Cloud Platform Foundation Benchmark"),
                mappings.stream().map(Compliance::framework).toList());
        mappings.forEach(c -> c.requirements().forEach((req, rules) ->
                assertTrue(ids.containsAll(rules), req + " names rules that do not exist: " + rules)));
    }

    @Test
    void aKnownSettingWithoutUniformBucketLevelAccessIsAProblem() {
        Resource r = Resource.builder(GcpCloud.ID, Fixtures.PROJECT, "applicants-cv").kind(GcpCloud.BUCKET)
                .collected(GcpFacts.PUBLIC_ACCESS_PREVENTION)
                .details(new GcpBucket(PublicAccessPrevention.INHERITED, null, null, null, null)).build();

        assertEquals(List.of("fact PUBLIC_ACCESS_PREVENTION is collected and known, but 'uniformBucketLevelAccess'"
                + " is missing"), new GcpCloud().problems(r));
    }
}
