package dev.bucketguard.rules.aws;

import dev.bucketguard.testkit.RuleModuleTests;

/** Every S3 rule against its fixture cases, and with its facts unreadable. */
class AwsRulesTest extends RuleModuleTests {
    AwsRulesTest() {
        super("aws");
    }
}
