package dev.bucketguard.cloud.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.testkit.RuleTestKit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Salesforce as the engine finds it, and which rules run on which of its three kinds. */
class SalesforceCloudTest {

    @Test
    void theEngineFindsSalesforceThroughTheServiceLoader() {
        assertInstanceOf(SalesforceCloud.class, Clouds.discover().require("salesforce"));
    }

    @Test
    void eachRuleRunsOnOneKindOnly() {
        Map<String, TreeSet<String>> byKind = new TreeMap<>();
        for (var kind : new SalesforceCloud().kinds()) {
            Resource r = Resource.builder(SalesforceCloud.ID, SiteFixture.ORG, "x").kind(kind).build();
            for (Rule rule : RuleTestKit.rules()) {
                if (rule.appliesTo(r)) {
                    byKind.computeIfAbsent(kind.name(), k -> new TreeSet<>()).add(rule.metadata().id());
                }
            }
        }
        assertEquals(List.of(19, 5, 6), List.of(byKind.get("SITE").size(), byKind.get("FILE_LINK").size(),
                byKind.get("ORG").size()), byKind.toString());
        assertEquals(30, byKind.values().stream().mapToInt(TreeSet::size).sum(), "no rule runs on two kinds");
    }
}
