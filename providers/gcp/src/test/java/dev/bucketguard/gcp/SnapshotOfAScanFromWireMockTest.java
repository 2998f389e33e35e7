package dev.bucketguard.gcp;

import static dev.bucketguard.gcp.WireMockGcs.binding;
import static dev.bucketguard.gcp.WireMockGcs.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.snapshot.Snapshot;
import dev.bucketguard.snapshot.SnapshotProvider;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a live scan saves (every fact, the probe, unknowns, conditional bindings) obeys docs/snapshot-schema.json and
 * reads back to equal resources, against WireMock.
 */
class SnapshotOfAScanFromWireMockTest {

    @Test
    void aScanSavedAsASnapshotObeysTheSchemaAndReadsBackEqual_WireMock(@TempDir Path dir) throws Exception {
        List<Resource> scanned;
        try (WireMockGcs gcs = new WireMockGcs()) {
            gcs.buckets("cv", "ledger").orgPolicy(false)
                    .bucket("cv", "inherited", false, "\"logging\":{\"logBucket\":\"logs\"}")
                    .iam("cv", WireMockGcs.conditional("roles/storage.objectViewer", "public", "true", "allUsers"))
                    .acl("cv", Map.of("allUsers", "READER")).defaultAcl("cv", Map.of())
                    .probe("cv", "storage.objects.get")
                    .bucket("ledger", "enforced", true, "")
                    .iam("ledger", binding("roles/storage.objectViewer", "user:a@partner.example"));
            gcs.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/storage/v1/b/cv/o"))
                    .willReturn(error(403, "forbidden")));
            scanned = gcs.provider(3, true).collect(FactSelection.only("gcp", GcpFacts.ALL), Progress.NONE)
                    .resources();
        }
        Path file = dir.resolve("scan.json");
        Snapshot.write(scanned, file);

        ObjectMapper json = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json.readTree(Path.of("../../docs/snapshot-schema.json").toFile()));
        Set<String> violations = schema.validate(json.readTree(file.toFile())).stream()
                .map(ValidationMessage::getMessage).collect(Collectors.toSet());
        assertEquals(Set.of(), violations, Files.readString(file));

        List<Resource> read = new SnapshotProvider(file).collect(FactSelection.only("gcp", GcpFacts.ALL),
                Progress.NONE).resources();
        assertEquals(scanned, read);
        StringWriter again = new StringWriter();
        Snapshot.write(read, again);
        assertEquals(Files.readString(file), again.toString(), "the snapshot re-saves to the same bytes");
    }
}
