package dev.bucketguard.rules.salesforce;

import dev.bucketguard.testkit.RuleModuleTests;

/** Every Salesforce rule against its fixture cases, and with its facts unreadable. */
class SalesforceRulesTest extends RuleModuleTests {
    SalesforceRulesTest() {
        super("salesforce");
    }
}
