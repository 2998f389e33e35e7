package dev.bucketguard.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is no plan stops with one line naming the file and what it is instead; never a stack trace. */
class MalformedPlanTest {
    @TempDir
    Path dir;

    private String refused(String content) throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, content);
        ProviderException e = assertThrows(ProviderException.class, () -> new TerraformProvider(
                new TerraformOptions(f)));
        assertTrue(e.inputError(), "exit 2, not 1");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aStateFileIsRefusedAsAStateFile() throws IOException {
        assertTrue(refused("{\"version\": 4, \"terraform_version\": \"1.11.4\", \"resources\": []}")
                .contains("not a Terraform plan: it is a Terraform state file"));
    }

    @Test
    void theJsonOfAStateIsRefusedAsSuch() throws IOException {
        assertTrue(refused("{\"format_version\": \"1.0\", \"values\": {\"root_module\": {}}}")
                .contains("it is the JSON of a state"));
    }

    @Test
    void aTruncatedPlanNamesLineAndColumn() throws IOException {
        String whole = Files.readString(Plans.aws("modules"));
        String m = refused(whole.substring(0, whole.length() / 2));
        assertTrue(m.contains("not valid JSON"), m);
        assertTrue(m.matches(".*plan\\.json:\\d+:\\d+: .*"), m);
    }

    @Test
    void aDuplicateKeyIsRefusedEvenInASectionThatIsSkipped() throws IOException {
        assertTrue(refused("{\"format_version\": \"1.2\", \"planned_values\": {\"a\": 1, \"a\": 2},"
                + " \"resource_changes\": []}").contains("Duplicate field 'a'"));
        assertTrue(refused("{\"format_version\": \"1.2\", \"resource_changes\": [{\"address\": \"x\","
                + " \"address\": \"y\"}]}").contains("Duplicate field 'address'"));
    }

    @Test
    void aPlanOfAnotherMajorFormatIsRefused() throws IOException {
        assertTrue(refused("{\"format_version\": \"2.0\", \"resource_changes\": []}")
                .contains("format_version 2.0 is not supported"));
    }

    @Test
    void anArrayOrAMissingFileIsRefused() throws IOException {
        assertTrue(refused("[]").contains("not a JSON object"));
        ProviderException e = assertThrows(ProviderException.class, () -> new TerraformProvider(
                new TerraformOptions(dir.resolve("absent.json"))));
        assertEquals(dir.resolve("absent.json") + ": no such file", e.getMessage());
    }

    private static String change(String type, String name, String after) {
        return "{\"address\": \"" + type + "." + name + "\", \"mode\": \"managed\", \"type\": \"" + type
                + "\", \"name\": \"" + name + "\", \"change\": {\"actions\": [\"create\"], \"after\": " + after
                + ", \"after_unknown\": {}}}";
    }

    /** Values of unexpected shapes, or companions alone, cost at most their own resource; never an internal error. */
    @Test
    void hostileOrUnusualValuesNeverStopTheScan() throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, "{\"format_version\": \"1.2\", \"resource_changes\": ["
                + change("aws_s3_object", "only", "{\"bucket\": \"outside-a\", \"key\": \"k\", \"acl\": \"public-read\"}")
                + ", " + change("aws_s3_access_point", "only", "{\"bucket\": \"outside-b\", \"name\": \"ap\"}")
                + ", " + change("google_storage_bucket_iam_policy", "nodata", "{\"bucket\": \"outside-c\"}")
                + ", " + change("aws_s3_bucket", "odd", "{\"bucket\": \"odd\", \"grant\": \"x\", \"acl\": 5,"
                + " \"policy\": \"{not json\"}")
                + "]}");
        ScanReport report = Plans.scan(f);
        assertEquals(java.util.Map.of("outside-a", Exposure.UNKNOWN, "outside-b", Exposure.UNKNOWN, "outside-c",
                Exposure.UNKNOWN, "odd", Exposure.UNKNOWN), Plans.verdicts(report));
        assertTrue(Plans.reasons(Plans.resource(report, "outside-c")).contains(
                "google_storage_bucket_iam_policy.nodata.policy_data is not in the plan"));
        assertTrue(Plans.reasons(Plans.resource(report, "odd")).contains("aws_s3_bucket.odd.policy is malformed"));
    }
}
