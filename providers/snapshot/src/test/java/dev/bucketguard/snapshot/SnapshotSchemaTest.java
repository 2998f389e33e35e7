package dev.bucketguard.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** docs/snapshot-schema.json says what the reader accepts: the bundled example and the CLI's snapshots obey it. */
class SnapshotSchemaTest {
    private static final Path ROOT = Path.of("../..");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Set<String> violations(Path file) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(ROOT.resolve("docs/snapshot-schema.json").toFile()));
        JsonNode doc = JSON.readTree(file.toFile());
        return schema.validate(doc).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/account-opening.snapshot.json",
            "cli/src/test/resources/snapshots/hostile-name.snapshot.json",
            "cli/src/test/resources/snapshots/unreadable-policy.snapshot.json"})
    void theBundledSnapshotsObeyTheSchema(String file) throws Exception {
        assertEquals(Set.of(), violations(ROOT.resolve(file)));
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
        Set<String> v = violations(ROOT.resolve("cli/src/test/resources/snapshots/one-bad-resource.snapshot.json"));
        assertTrue(v.stream().anyMatch(m -> m.contains("resources[0]") && m.contains("colour")), v.toString());
        Path dir = Files.createTempDirectory("schema");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"formatVersion\": \"2.0\", \"resources\": [{\"provider\": \"aws\", \"account\":"
                + " \"1\", \"id\": \"b\", \"kind\": \"BUCKET\", \"grants\": [{\"grantee\": {\"kind\": \"ANONYMOUS\"},"
                + " \"permissions\": [\"READ\"], \"via\": \"IAM_BINDING\", \"source\": \"x\"}]}]}");
        assertTrue(violations(other).stream().anyMatch(m -> m.contains("via")), violations(other).toString());
        Files.writeString(other, "{\"formatVersion\": \"1.0\", \"resources\": []}");
        assertTrue(violations(other).stream().anyMatch(m -> m.contains("formatVersion")));
        Files.writeString(other, "{\"formatVersion\": \"2.0\", \"resources\": [{\"provider\": \"gcs\", \"account\":"
                + " \"p\", \"id\": \"b\", \"kind\": \"BUCKET\"}]}");
        assertTrue(violations(other).stream().anyMatch(m -> m.contains("provider")));
    }
}
