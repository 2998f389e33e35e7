package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bucketguard scan terraform}, end to end on plans made by real terraform runs. */
class ScanTerraformCliTest {
    private static final Path TERRAFORM = Path.of("..", "providers", "terraform", "src", "test");
    private final ObjectMapper json = new ObjectMapper();

    private static String plan(String scenario) {
        return TERRAFORM.resolve("resources/plans/aws/" + scenario + ".plan.json").toString();
    }

    private static String sources(String scenario) {
        return TERRAFORM.resolve("terraform/aws/" + scenario).toString();
    }

    @Test
    void aPublicBucketInThePlanFailsTheGateWithTheLiveScansRuleIds() {
        Cli.Result r = Cli.run("scan", "terraform", plan("public-policy-new-bucket"));
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("PUBLIC        aws:unknown-account:acme-public-site"), r.out());
        assertTrue(r.out().contains("aws.s3.public-policy"), r.out());
        assertTrue(r.out().contains("S3's new-bucket defaults"), r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("Terraform: change aws_s3_bucket_policy.site."), r.out());
    }

    @Test
    void everyFormatsFailingFindingNamesTheResourceAddressToChange() throws Exception {
        Cli.Result r = Cli.run("scan", "terraform", plan("count-and-for-each"), "--format", "json");
        assertEquals(4, r.code(), r.err());
        List<String> messages = new ArrayList<>();
        for (JsonNode resource : json.readTree(r.out()).get("resources")) {
            for (JsonNode f : resource.get("findings")) {
                if (f.get("ruleId").asText().equals("aws.s3.public-acl") && f.get("status").asText().equals("FAIL")) {
                    messages.add(resource.get("id").asText() + ": " + f.get("message").asText());
                }
            }
        }
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("aws_s3_bucket.scratch[1]: "), messages.toString());
        assertTrue(messages.get(0).endsWith(". Terraform: change aws_s3_bucket_acl.scratch[1]."), messages.toString());
    }

    @Test
    void aPrivatePlanPassesAndTheRuleAPlanCannotDecideIsLeftOutUnlessAskedFor() throws Exception {
        Cli.Result r = Cli.run("scan", "terraform", plan("private-bucket-complete"), "--account-id", "111122223333",
                "--exclude-rules", "aws.s3.account-block-public-access,aws.s3.mfa-delete", "--format", "json");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("aws.s3.policy-status-disagrees"), "a plan has no GetBucketPolicyStatus");
        assertEquals("111122223333", json.readTree(r.out()).get("resources").get(0).get("account").asText());

        Cli.Result asked = Cli.run("scan", "terraform", plan("private-bucket-complete"), "--rules",
                "aws.s3.policy-status-disagrees");
        assertEquals(5, asked.code(), asked.out());
        assertTrue(asked.out().contains("could not read POLICY_STATUS"), asked.out());
    }

    @Test
    void aPolicyKnownOnlyAfterApplyIsIncompleteNotPassed() {
        Cli.Result r = Cli.run("scan", "terraform", plan("policy-unknown-until-apply"), "--rules",
                "aws.s3.public-policy");
        assertEquals(5, r.code(), r.out());
        assertTrue(r.out().contains("aws_s3_bucket_policy.data.policy is known only after apply"), r.out());
    }

    @Test
    void sarifResultsPointAtTheTerraformLineToChangeRelativeToTheSourceDirectory() throws Exception {
        Cli.Result r = Cli.run("scan", "terraform", plan("public-policy-new-bucket"), "--format", "sarif",
                "--source-dir", sources("public-policy-new-bucket"));
        assertEquals(4, r.code(), r.err());
        List<String> places = new ArrayList<>();
        for (JsonNode result : json.readTree(r.out()).get("runs").get(0).get("results")) {
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            places.add(result.get("ruleId").asText() + " " + physical.get("artifactLocation").get("uri").asText() + ":"
                    + physical.get("region").get("startLine").asInt());
        }
        assertTrue(places.contains("aws.s3.public-policy main.tf:5"), places.toString());
        assertTrue(places.contains("aws.s3.bucket-block-public-access main.tf:1"), places.toString());
        assertTrue(r.out().contains("Terraform: change aws_s3_bucket_policy.site."), r.out());
    }

    @Test
    void sarifFollowsLocalModuleSources() throws Exception {
        Cli.Result r = Cli.run("scan", "terraform", plan("modules"), "--format", "sarif", "--rules",
                "aws.s3.public-policy", "--source-dir", sources("modules"));
        JsonNode result = json.readTree(r.out()).get("runs").get(0).get("results").get(0);
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertEquals("modules/public-bucket/main.tf", physical.get("artifactLocation").get("uri").asText());
        List<String> lines = Files.readAllLines(Path.of(sources("modules"), "modules/public-bucket/main.tf"));
        assertEquals("resource \"aws_s3_bucket_policy\" \"this\" {",
                lines.get(physical.get("region").get("startLine").asInt() - 1));
    }

    @Test
    void sarifNamesNoAddressToChangeForAnAccountLevelSettingThePlanDoesNotHold() throws Exception {
        Cli.Result r = Cli.run("scan", "terraform", plan("modules"), "--format", "sarif", "--rules",
                "aws.s3.public-policy,aws.s3.account-block-public-access", "--source-dir", sources("modules"));
        Map<String, String> addresses = new java.util.TreeMap<>();
        for (JsonNode result : json.readTree(r.out()).get("runs").get(0).get("results")) {
            if (result.get("message").get("text").asText().contains("acme-downloads")) {
                addresses.put(result.get("ruleId").asText(),
                        result.path("properties").path("terraformAddress").asText("(none)"));
            }
        }
        assertEquals(Map.of("aws.s3.account-block-public-access", "(none)",
                "aws.s3.public-policy", "module.downloads.aws_s3_bucket_policy.this[0]"), addresses);
    }

    @Test
    void withoutSourcesSarifPointsAtThePlanFile() throws Exception {
        Cli.Result r = Cli.run("scan", "terraform", plan("public-policy-new-bucket"), "--format", "sarif");
        JsonNode physical = json.readTree(r.out()).get("runs").get(0).get("results").get(0).get("locations").get(0)
                .get("physicalLocation");
        assertEquals("public-policy-new-bucket.plan.json", physical.get("artifactLocation").get("uri").asText());
    }

    @Test
    void aStateFileIsOneErrorLineAndExit2(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("terraform.tfstate");
        Files.writeString(state, "{\"version\": 4, \"serial\": 1, \"resources\": []}");
        Cli.Result r = Cli.run("scan", "terraform", state.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("bucketguard: error: " + state + ": not a Terraform plan: it is a Terraform"
                + " state file"), r.err());
    }

    @Test
    void aDirectoryOrAnAccountIdThatIsNotOneIsOneErrorLineAndExit2(@TempDir Path dir) {
        Cli.Result d = Cli.run("scan", "terraform", dir.toString());
        assertEquals(2, d.code());
        assertEquals("bucketguard: error: " + dir + ": is a directory; give the file that 'terraform show -json"
                + " PLANFILE' wrote", d.err().strip());
        Cli.Result id = Cli.run("scan", "terraform", plan("public-policy-new-bucket"), "--account-id", "abc;rm -rf");
        assertEquals(2, id.code());
        assertTrue(id.err().startsWith("bucketguard: error: ") && id.err().contains("is not an AWS account id (12"
                + " digits)"), id.err());
        assertFalse(id.err().contains("\tat "), id.err());
    }

    @Test
    void accountSettingsStandInForTheAccountLevel() {
        Cli.Result r = Cli.run("scan", "terraform", plan("public-policy-new-bucket"), "--account-settings",
                TERRAFORM.resolve("resources/settings/account-bpa-on.snapshot.json").toString(), "--rules",
                "aws.s3.public-policy");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PRIVATE       aws:111122223333:acme-public-site"), r.out());

        Cli.Result missing = Cli.run("scan", "terraform", plan("public-policy-new-bucket"), "--account-settings",
                "no-such.snapshot.json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no-such.snapshot.json: no such file"), missing.err());
    }

    /** A plan shows provider credentials and account keys in clear text; none may reach a report or an error. */
    @Test
    void noSecretOfThePlanReachesAnyOutput(@TempDir Path dir) throws Exception {
        String plan = TERRAFORM.resolve("resources/plans/hand/secrets-in-plan.plan.json").toString();
        Cli.Result r = Cli.run("scan", "terraform", plan, "--format", "text,json,sarif,junit", "--output", "-",
                "--output", dir.resolve("r.json").toString(), "--output", dir.resolve("r.sarif").toString(),
                "--output", dir.resolve("r.xml").toString());
        assertEquals(4, r.code(), r.err());
        StringBuilder all = new StringBuilder(r.out()).append(r.err());
        for (String f : List.of("r.json", "r.sarif", "r.xml")) {
            all.append(Files.readString(dir.resolve(f)));
        }
        assertTrue(all.toString().contains("acmekeys"), "the account was scanned");
        for (String canary : List.of("Q2FuYXJ5S2V5", "AKIACANARY", "canary/SecretAccessKey", "canary-client-secret")) {
            assertFalse(all.toString().contains(canary), canary + " leaked");
        }
    }

    /** The repository root as --source-dir, the plan written beside the root module in a subdirectory. */
    @Test
    void sarifPathsAreRelativeToTheSourceDirectoryWhenTheRootModuleIsASubdirectory(@TempDir Path repo)
            throws Exception {
        Path infra = Files.createDirectories(repo.resolve("infra"));
        Files.copy(Path.of(sources("public-policy-new-bucket"), "main.tf"), infra.resolve("main.tf"));
        Files.copy(Path.of(plan("public-policy-new-bucket")), infra.resolve("plan.json"));
        Cli.Result r = Cli.run("scan", "terraform", infra.resolve("plan.json").toString(), "--format", "sarif",
                "--rules", "aws.s3.public-policy", "--source-dir", repo.toString());
        JsonNode physical = json.readTree(r.out()).get("runs").get(0).get("results").get(0).get("locations").get(0)
                .get("physicalLocation");
        assertEquals("infra/main.tf", physical.get("artifactLocation").get("uri").asText());
        assertEquals(5, physical.get("region").get("startLine").asInt());
    }
}
