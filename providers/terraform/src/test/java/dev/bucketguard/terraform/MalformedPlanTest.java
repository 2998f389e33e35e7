package dev.bucketguard.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.provider.ProviderException;
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
}
