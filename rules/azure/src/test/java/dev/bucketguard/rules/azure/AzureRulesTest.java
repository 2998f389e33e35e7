package dev.bucketguard.rules.azure;

import dev.bucketguard.testkit.RuleModuleTests;

/** Every Azure rule against its fixture cases, and with its facts unreadable. */
class AzureRulesTest extends RuleModuleTests {
    AzureRulesTest() {
        super("azure");
    }
}
