package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.scan.InputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    /** Every command of the tree, as the words that reach it ({@code []} is bare {@code bucketguard}). */
    private static List<List<String>> everyCommand() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(new Environment(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), false)), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, into);
        });
    }

    private static String[] with(List<String> path, String... tail) {
        List<String> all = new ArrayList<>(path);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void aBareBucketguardPrintsItsUsageOnStderrAndExitsTwo() {
        Cli.Result r = Cli.run();
        assertEquals(2, r.code());
        assertEquals("", r.out(), "stdout stays clean for scripts");
        assertTrue(r.err().startsWith("Usage: bucketguard"), r.err());
        assertTrue(r.err().contains("scan") && r.err().contains("rules"), "names the commands: " + r.err());
    }

    @Test
    void versionAndHelpWorkOnEveryCommand() {
        List<List<String>> commands = everyCommand();
        assertTrue(commands.size() >= 7, "the tree was walked: " + commands);
        for (List<String> path : commands) {
            for (String flag : new String[] {"-V", "--version"}) {
                Cli.Result r = Cli.run(with(path, flag));
                assertEquals(0, r.code(), path + " " + flag + ": " + r.err());
                assertTrue(r.out().matches("bucketguard \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"),
                        path + " " + flag + " printed: '" + r.out() + "'");
            }
            Cli.Result help = Cli.run(with(path, "--help"));
            assertEquals(0, help.code(), path + " --help: " + help.err());
            assertTrue(help.out().startsWith("Usage: " + String.join(" ", with(List.of("bucketguard"),
                    path.toArray(String[]::new)))), help.out());
        }
    }

    @Test
    void everyScanSubcommandIsAProviderScanWithTheSharedOptions() {
        CommandLine scan = Main.commandLine(new Environment(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), false)).getSubcommands().get("scan");
        assertTrue(scan.getSubcommands().keySet().containsAll(List.of("aws", "snapshot")), scan.getSubcommands()
                .keySet().toString());
        scan.getSubcommands().forEach((name, sub) -> {
            assertInstanceOf(ProviderScanCommand.class, sub.getCommand(), name);
            for (String option : new String[] {"--format", "--output", "--fail-on", "--fail-on-unknown",
                "--suppressions", "--baseline", "--rules", "--exclude-rules", "--trusted-accounts", "--trusted-org",
                "--save-snapshot", "--sarif-location", "--quiet", "--verbose"}) {
                assertTrue(sub.getCommandSpec().findOption(option) != null, name + " lacks " + option);
            }
        });
    }

    @Test
    void rulesListFormatIsAChoiceShownInTheHelp() {
        Cli.Result help = Cli.run("rules", "list", "--help");
        assertTrue(help.out().contains("One of: text, json. Default: text."), help.out());
        Cli.Result json = Cli.run("rules", "list", "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("["), json.out());
        Cli.Result bad = Cli.run("rules", "list", "--format", "xml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("bucketguard: error: ") && bad.err().contains("--format")
                && bad.err().contains("'xml'"), bad.err());
    }

    @Test
    void optionValuesAreCheckedBeforeAnyCallNamingTheOption() {
        for (String[] args : new String[][] {
            {"scan", "aws", "--concurrency", "0"},
            {"scan", "aws", "--concurrency", "many"},
            {"scan", "aws", "--object-sample", "-1"},
            {"scan", "aws", "--endpoint-url", "http://bad host"},
        }) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("bucketguard: error: Invalid value for option '" + args[2] + "'"),
                    r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace");
        }
    }

    private static Cli.Result failWith(Exception e, Map<String, String> env) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(new PrintWriter(out), new PrintWriter(err), env, false);
        int code = new Errors(environment).handleExecutionException(e, Main.commandLine(environment), null);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void anIllegalArgumentExceptionIsABugExitOneInOneLine() {
        Cli.Result r = failWith(new IllegalArgumentException("rule id 'x' is not of the form\nprovider.service.name"),
                Map.of());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("bucketguard: error: internal error: java.lang.IllegalArgumentException: "
                + "rule id 'x' is not of the form provider.service.name"), r.err());
        assertTrue(r.err().contains("please report this"), r.err());
        assertTrue(failWith(new IllegalArgumentException("x"), Map.of("BUCKETGUARD_DEBUG", "1")).err()
                .contains("\tat "), "BUCKETGUARD_DEBUG shows the stack trace");
    }

    @Test
    void onlyTheLibrarysDeclaredInputErrorsAreExitTwo() {
        assertEquals(2, failWith(new InputException("--suppressions s.yaml: a suppression needs a 'reason'"),
                Map.of()).code());
        assertEquals(2, failWith(new ProviderException("no credentials", true), Map.of()).code());
        assertEquals(5, failWith(new ProviderException("cannot connect to the endpoint", false), Map.of()).code());
        assertEquals(1, failWith(new IllegalStateException("two rules share the id x"), Map.of()).code());
        assertEquals(1, failWith(new NullPointerException(), Map.of()).code());
    }

    @Test
    void theTerminalCheckSaysNoWithoutAConsole() {
        assertFalse(Main.isTerminal(null));
    }

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
    void aLogRetentionThatIsNotAPositiveNumberOfDaysIsOneErrorLineAndExitTwo() {
        for (String bad : new String[] {"0", "-30", "a year"}) {
            Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--log-retention-days", bad);
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().startsWith("bucketguard: error: ") && r.err().contains("--log-retention-days"),
                    r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
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
