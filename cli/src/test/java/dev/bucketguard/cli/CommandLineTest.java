package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void versionPrintsTheProjectVersion() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("bucketguard \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
    }

    @Test
    void helpDocumentsEveryExitCode() {
        Cli.Result r = Cli.run("scan", "snapshot", "--help");
        assertEquals(0, r.code());
        for (ExitCode c : ExitCode.values()) {
            assertTrue(r.out().contains(" " + c.code() + "   "), "exit code " + c.code() + " in --help:\n" + r.out());
        }
    }

    @Test
    void anUnknownFlagIsOneErrorLineAndExitTwo() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--fail-on", "sometimes");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bucketguard: error: "), r.err());
        assertTrue(r.err().contains("--fail-on"), r.err());
    }

    @Test
    void scanWithoutAProviderIsAUsageError() {
        Cli.Result r = Cli.run("scan");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing provider"), r.err());
    }

    @Test
    void aRuleSelectionThatMatchesNothingIsAUsageErrorNotASilentPass() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--rules", "aws.s3.publik-policy");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no rule matches 'aws.s3.publik-policy'"), r.err());
    }

    @Test
    void rulesListShowsEveryBuiltInRule() {
        Cli.Result r = Cli.run("rules", "list");
        assertEquals(0, r.code());
        for (String id : new String[] {"aws.s3.public-acl", "aws.s3.public-policy", "aws.s3.access-logging",
            "aws.s3.policy-status-disagrees", "aws.s3.cross-account-access"}) {
            assertTrue(r.out().contains(id), id);
        }
    }

    @Test
    void rulesExplainGivesRiskAndRemediation() {
        Cli.Result r = Cli.run("rules", "explain", "aws.s3.public-policy");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Risk:"));
        assertTrue(r.out().contains("Fix with Terraform:"));
        assertTrue(r.out().contains("aws_s3_bucket"), r.out());
    }

    @Test
    void rulesExplainOfAnUnknownIdIsOneLine() {
        Cli.Result r = Cli.run("rules", "explain", "aws.s3.nope");
        assertEquals(2, r.code());
        assertEquals("bucketguard: error: no rule 'aws.s3.nope' (see 'bucketguard rules list')", r.err().strip());
    }

    @Test
    void aBadEndpointUrlIsAUsageErrorBeforeAnyCall() {
        Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", "ftp://example");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--endpoint-url"), r.err());
    }
}
