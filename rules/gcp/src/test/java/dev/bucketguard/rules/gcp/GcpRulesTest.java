package dev.bucketguard.rules.gcp;

import dev.bucketguard.testkit.RuleModuleTests;

/** Every Cloud Storage rule against its fixture cases, and with its facts unreadable. */
class GcpRulesTest extends RuleModuleTests {
    GcpRulesTest() {
        super("gcp");
    }
}
