package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanSnapshotCliTest {
    private final ObjectMapper json = new ObjectMapper();

    private Map<String, String> exposures(String jsonReport) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode r : json.readTree(jsonReport).get("resources")) {
            out.put(r.get("id").asText(), r.get("exposure").asText());
        }
        return out;
    }

    @Test
    void theBundledExampleFailsTheGateAndShowsEachBucketsVerdict() throws Exception {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", "json");
        assertEquals(4, r.code(), r.err());
        Map<String, String> exposure = exposures(r.out());
        assertEquals("PUBLIC", exposure.get("acct-open-applicant-uploads"), "readable through a policy");
        assertEquals("PUBLIC", exposure.get("acct-open-id-scans"), "readable through an ACL");
        assertEquals("CROSS_ACCOUNT", exposure.get("acct-open-exports"), "shared with an outside account");
        assertEquals("PRIVATE", exposure.get("acct-open-applications"), "private, but access logs are off");
        assertEquals("PRIVATE", exposure.get("acct-open-prod-archive"), "the one that is fine");
        assertEquals("PUBLIC", exposure.get("acctopenstatements"), "Azure container at Blob level");
        assertEquals("PUBLIC", exposure.get("acct-open-kyc-documents"), "GCS allUsers binding");
        assertEquals("PRIVATE", exposure.get("acct-open-backups"));
    }

    @Test
    void theTextReportNamesThePublicBucketAndWhy() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString());
        assertEquals(4, r.code());
        assertTrue(r.out().contains("acct-open-applicant-uploads"), r.out());
        assertTrue(r.out().contains("PartnerPortalRead"), "the reason names the policy statement");
        assertTrue(r.out().contains("RestrictPublicBuckets is off at bucket and account"), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour when NO_COLOR is set");
    }

    @Test
    void theFirstScreenHasTheSummaryAndEveryPublicBucketAndTheAccountFindingComesOnce() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString());
        List<String> firstScreen = r.out().lines().limit(24).toList();
        assertTrue(firstScreen.get(0).startsWith("Summary: 11 resources (6 public, "), r.out());
        for (String bucket : new String[] {"aws:111122223333:acct-open-applicant-uploads",
                "aws:111122223333:acct-open-id-scans", "azure:6f1c2a9e-3b47-4d8e-9a10-5c2b7e4d8f31:acctopenstatements",
                "gcp:acct-open-prod:acct-open-kyc-documents", "salesforce:00D5g00000AcctOpEN:AccountOpening"}) {
            assertTrue(firstScreen.contains("  " + bucket), bucket + " in the first 24 lines:\n" + r.out());
        }
        assertEquals(1, r.out().split("aws.s3.account-block-public-access", -1).length - 1,
                "the account's Block Public Access finding once, not under each of its 4 buckets:\n" + r.out());
        assertTrue(r.out().contains("\nPRIVATE       aws:999988887777:acct-open-prod-archive  encryption: "
                + "CUSTOMER_MANAGED (aws:kms)  16 passed\n  reads recorded: yes, kept until deleted\nPRIVATE       gcp:"),
                "a bucket that passes is one line, and its read audit the answer alone:\n" + r.out());
        assertFalse(r.out().contains("- GetBucketPolicyStatus IsPublic: true"), "evidence only with --verbose");

        Cli.Result verbose = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--verbose");
        assertTrue(verbose.out().contains("- GetBucketPolicyStatus IsPublic: true"), verbose.out());
        assertTrue(verbose.out().contains("PASS       "), "passes listed one by one");
        assertTrue(verbose.out().contains("  reads recorded: yes, kept until deleted  (server access logging to bucket "
                + "acct-open-prod-access-logs"), "the mechanisms with --verbose:\n" + verbose.out());
        assertEquals(r.out().lines().limit(2).toList(), verbose.out().lines().limit(2).toList(), "same summary");
    }

    @Test
    void trustingTheVendorAccountMakesTheExportBucketPrivate() throws Exception {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", "json",
                "--trusted-accounts", "444455556666");
        assertEquals("PRIVATE", exposures(r.out()).get("acct-open-exports"));
    }

    @Test
    void aBucketOpenToOneNetworkIsNetworkScopedUntilTheNetworkIsTrusted() throws Exception {
        Path file = Cli.snapshot("office-network.snapshot.json");
        Cli.Result outside = Cli.run("scan", "snapshot", file.toString(), "--format", "json");
        assertEquals("CROSS_ACCOUNT", exposures(outside.out()).get("acct-open-office-drop"), outside.out());
        assertTrue(outside.out().contains("NETWORK_SCOPED"), outside.out());
        assertTrue(outside.out().contains("--trusted-networks"), "the reason says how to declare it yours");

        Cli.Result inside = Cli.run("scan", "snapshot", file.toString(), "--format", "json",
                "--trusted-networks", "203.0.0.0/16,vpc-1a2b3c4d");
        assertEquals("PRIVATE", exposures(inside.out()).get("acct-open-office-drop"), inside.out());
    }

    @Test
    void aBadTrustedNetworkOrAnEmptyTrustedIdIsAUsageErrorOfOneLine() {
        Cli.Result badRange = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--trusted-networks", "10.0.0.0/33");
        assertEquals(2, badRange.code(), badRange.err());
        assertTrue(badRange.err().lines().findFirst().orElse("").contains("'10.0.0.0/33' is not a valid CIDR range"),
                badRange.err());
        assertEquals("", badRange.out(), "nothing scanned");

        Cli.Result empty = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--trusted-accounts", "");
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().contains("an empty id names nothing"), empty.err());
    }

    @Test
    void aSelectionThatLeavesNoRuleIsAUsageErrorNotACleanScan() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--rules", "aws.s3.public-acl",
                "--exclude-rules", "aws.s3.*");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().lines().findFirst().orElse("").contains("--exclude-rules aws.s3.* leaves no rule of"
                + " --rules aws.s3.public-acl to run"), r.err());
        assertEquals("", r.out(), "nothing scanned, nothing shown as if it were");
    }

    @Test
    void failOnThresholdDecidesTheExitCode() {
        assertEquals(4, Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--fail-on", "critical").code());
        assertEquals(0, Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--fail-on", "none").code());
    }

    @Test
    void anUnreadablePolicyIsUnknownAndExitsFiveUnlessSwitchedOff() throws Exception {
        Path file = Cli.snapshot("unreadable-policy.snapshot.json");
        String rules = "aws.s3.public-policy,aws.s3.cross-account-access";
        Cli.Result r = Cli.run("scan", "snapshot", file.toString(), "--format", "json", "--rules", rules);
        assertEquals(5, r.code(), r.out() + r.err());
        assertEquals("UNKNOWN", exposures(r.out()).get("acct-open-staging"), r.out());
        assertTrue(r.out().contains("s3:GetBucketPolicy"), "the missing permission is named");
        assertEquals(0, Cli.run("scan", "snapshot", file.toString(), "--rules", rules, "--no-fail-on-unknown").code());
    }

    @Test
    void invalidJsonIsOneLineNamingTheLineAndExitTwo() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.snapshot("invalid-json.snapshot.json").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("bucketguard: error: "), r.err());
        assertTrue(r.err().contains("invalid-json.snapshot.json:4:"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void oneMalformedResourceIsReportedAndTheOthersAreStillScanned() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.snapshot("one-bad-resource.snapshot.json").toString(),
                "--fail-on", "none");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("$.resources[0].colour"), r.err());
        assertTrue(r.err().contains("unknown field"), r.err());
        assertTrue(r.out().contains("acct-open-public"), "the good resource is still in the report");
        assertEquals(4, Cli.run("scan", "snapshot", Cli.snapshot("one-bad-resource.snapshot.json").toString())
                .code(), "a failing finding still gates");
    }

    @Test
    void aMissingSnapshotFileIsOneLine() {
        Cli.Result r = Cli.run("scan", "snapshot", "no/such/file.json");
        assertEquals(2, r.code());
        assertEquals("bucketguard: error: no/such/file.json: no such file", r.err().strip());
    }

    @Test
    void severalFormatsGoToTheirOwnOutputs(@TempDir Path dir) throws Exception {
        Path j = dir.resolve("r.json");
        Path s = dir.resolve("r.sarif");
        Path x = dir.resolve("r.xml");
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", "text,json,sarif,junit",
                "--output", "-", "--output", j.toString(), "--output", s.toString(), "--output", x.toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("acct-open-applicant-uploads"));
        assertEquals("1.1", json.readTree(j.toFile()).get("formatVersion").asText());
        assertEquals("2.1.0", json.readTree(s.toFile()).get("version").asText());
        assertTrue(Files.readString(x).contains("<testsuite"));
    }

    @Test
    void twoReportsToStdoutIsAUsageError() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", "json,sarif");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("only one report can go to stdout"), r.err());
    }

    @Test
    void theSameInputGivesTheSameBytes(@TempDir Path dir) throws Exception {
        for (String format : new String[] {"text", "json", "sarif", "junit"}) {
            Path a = dir.resolve("a." + format);
            Path b = dir.resolve("b." + format);
            Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", format, "--output", a.toString());
            Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", format, "--output", b.toString());
            assertEquals(Files.readString(a), Files.readString(b), format);
            assertTrue(Files.size(a) > 100, format);
        }
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        Cli.Result plain = Cli.run(Map.of(), false, "scan", "snapshot", Cli.EXAMPLE.toString());
        Cli.Result tty = Cli.run(Map.of(), true, "scan", "snapshot", Cli.EXAMPLE.toString(), "--quiet");
        Cli.Result noColor = Cli.run(Map.of("NO_COLOR", ""), true, "scan", "snapshot", Cli.EXAMPLE.toString());
        assertFalse(plain.out().contains("\u001b["));
        assertTrue(tty.out().contains("\u001b["));
        assertFalse(noColor.out().contains("\u001b["));
    }

    @Test
    void aHostileBucketNameCannotDriveTheTerminal() {
        Cli.Result r = Cli.run("scan", "snapshot", Cli.snapshot("hostile-name.snapshot.json").toString());
        assertEquals(4, r.code(), r.err());
        assertFalse(r.out().contains("\u001b"), "control characters from the input are escaped");
        assertFalse(r.out().contains("red\nsecond-line"), "a newline in a name cannot forge a report line");
        assertFalse(r.out().contains("\u0007"), "no bell");
        assertFalse(r.out().contains("\u202e") || r.out().contains("\u2066"), "no bidirectional override");
        assertTrue(r.out().contains("\\u202Egpj.exe"), "the override is shown as an escape: " + r.out());
    }

    @Test
    void hostileTextReachesStderrEscapedToo(@TempDir Path dir) throws Exception {
        // A resource the reader refuses: its id goes into the error line on stderr.
        Path file = dir.resolve("hostile-error.snapshot.json");
        Files.writeString(file, "{\"formatVersion\": \"2.0\", \"resources\": [{\"provider\": \"aws\","
                + " \"account\": \"1\", \"id\": \"x\\u001b]0;pwned\\u0007\\u202e\", \"kind\": \"NOPE\"}]}");
        Cli.Result r = Cli.run("scan", "snapshot", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("\\u001B]0;pwned\\u0007\\u202E"), r.err());
        for (String s : new String[] {r.err(), r.out()}) {
            assertFalse(s.contains("\u001b") || s.contains("\u0007") || s.contains("\u202e"), s);
        }
        // And a bad flag value, which picocli's message repeats.
        Cli.Result flag = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--rules", "\u001b[2J\u202e");
        assertEquals(2, flag.code());
        assertFalse(flag.err().contains("\u001b") || flag.err().contains("\u202e"), flag.err());
    }

    @Test
    void savedSnapshotRescansToTheSameReport(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("saved.json");
        Cli.Result first = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", "json",
                "--save-snapshot", saved.toString());
        Cli.Result again = Cli.run("scan", "snapshot", saved.toString(), "--format", "json");
        assertEquals(first.out(), again.out());
    }
}
