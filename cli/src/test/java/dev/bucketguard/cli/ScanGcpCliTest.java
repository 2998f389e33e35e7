package dev.bucketguard.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.bucketguard.gcp.WireMockGcs.binding;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.storage.Acl;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import dev.bucketguard.gcp.FakeGcsServer;
import dev.bucketguard.gcp.WireMockGcs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bucketguard scan gcp} end to end: buckets, bucket ACLs and objects on fake-gcs-server, with WireMock in
 * front serving the listing, iamConfiguration, bucket IAM and the organisation policy that the emulator lacks; the
 * real CLI judged by what a user sees (exit code, report, stderr).
 */
@ExtendWith(FakeGcsServer.class)
class ScanGcpCliTest {
    private static final String PROJECT = "test-project";
    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String open = "cli-open-" + run;
    private final String closed = "cli-closed-" + run;
    private WireMockGcs front;

    @BeforeEach
    void world() {
        Storage setup = FakeGcsServer.setupClient();
        setup.create(BucketInfo.of(open));
        setup.createAcl(open, Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));
        setup.create(BlobInfo.newBuilder(BlobId.of(open, "kyc/passport-jane.jpg")).build(),
                "jpg".getBytes(StandardCharsets.UTF_8));
        setup.createAcl(BlobId.of(open, "kyc/passport-jane.jpg"), Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));
        setup.create(BucketInfo.of(closed));
        front = new WireMockGcs().inFrontOf(FakeGcsServer.endpoint())
                .buckets(open, closed)
                .bucket(open, "inherited", false, "").iam(open).defaultAcl(open, Map.of())
                .bucket(closed, "enforced", true, "\"versioning\":{\"enabled\":true}")
                .iam(closed, binding("roles/storage.objectViewer", "user:analyst@partner.example"))
                .orgPolicy(PROJECT, false);
    }

    @AfterEach
    void stop() {
        front.close();
    }

    private Cli.Result scan(String... extra) {
        String[] head = {"scan", "gcp", "--project", PROJECT, "--endpoint", front.endpoint().toString()};
        String[] args = new String[head.length + extra.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(extra, 0, args, head.length, extra.length);
        return Cli.run(args);
    }

    private Map<String, JsonNode> resources(String report) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode r : json.readTree(report).get("resources")) {
            out.put(r.get("id").asText(), r);
        }
        return out;
    }

    @Test
    void aPublicAclFailsThePipelineAndOutsideMembersAreCrossAccount() throws Exception {
        Cli.Result r = scan("--format", "json");
        assertEquals(4, r.code(), r.err());
        Map<String, JsonNode> byId = resources(r.out());
        JsonNode openBucket = byId.get(open);
        assertEquals("PUBLIC", openBucket.get("exposure").asText(), openBucket.toString());
        assertEquals(PROJECT, openBucket.get("account").asText());
        assertTrue(openBucket.get("exposureReasons").toString().contains("bucket ACL entry allUsers"),
                openBucket.toString());
        assertEquals("CROSS_ACCOUNT", byId.get(closed).get("exposure").asText(), byId.get(closed).toString());
        assertEquals(0, front.server.countRequestsMatching(getRequestedFor(urlPathMatching(".*/testPermissions"))
                .build()).getCount(), "without --probe-anonymous, testIamPermissions is never called");
    }

    @Test
    void aTrustedDomainMakesItsMembersYours() throws Exception {
        Cli.Result r = scan("--format", "json", "--trusted-domains", "partner.example");
        assertEquals("PRIVATE", resources(r.out()).get(closed).get("exposure").asText());
        Cli.Result sub = scan("--format", "json", "--trusted-domains", "example");
        assertEquals("CROSS_ACCOUNT", resources(sub.out()).get(closed).get("exposure").asText(),
                "a parent domain does not trust its subdomains' members");
    }

    @Test
    void sampledObjectsArePublicByName() {
        Cli.Result unsampled = scan("--rules", "gcp.storage.public-object");
        assertTrue(unsampled.out().contains("--object-sample"), unsampled.out());
        Cli.Result r = scan("--rules", "gcp.storage.public-object", "--object-sample", "5");
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("1 sampled object is public through its ACL: 'kyc/passport-jane.jpg'"), r.out());
    }

    @Test
    void theEmulatorHostVariableStandsInForTheEndpoint() throws Exception {
        Map<String, String> env = Map.of("NO_COLOR", "1", "STORAGE_EMULATOR_HOST",
                front.endpoint().getAuthority());
        Cli.Result r = Cli.run(env, false, "scan", "gcp", "--project", PROJECT, "--format", "json");
        assertEquals(4, r.code(), r.err());
        assertEquals("PUBLIC", resources(r.out()).get(open).get("exposure").asText());
    }

    @Test
    void aPlainHttpEndpointOffThisMachineIsAUsageError() {
        Cli.Result r = Cli.run("scan", "gcp", "--project", PROJECT, "--endpoint", "http://storage.example.com");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bucketguard: error: --endpoint: "), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("bucketguard:")).count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(0, front.requests(), "a bad flag costs no call");
    }

    @Test
    void theSavedSnapshotRescansToTheSameBytes(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Cli.Result live = scan("--format", "json", "--save-snapshot", first.toString());
        assertEquals(4, live.code(), live.err());
        Cli.Result offline = Cli.run("scan", "snapshot", first.toString(), "--format", "json", "--save-snapshot",
                second.toString());
        assertEquals(4, offline.code(), offline.err());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(json.readTree(live.out()).get("resources"), json.readTree(offline.out()).get("resources"));
        // scan snapshot takes the same trust flags.
        Cli.Result trusted = Cli.run("scan", "snapshot", first.toString(), "--format", "json",
                "--trusted-domains", "partner.example");
        assertEquals("PRIVATE", resources(trusted.out()).get(closed).get("exposure").asText());
    }

    @Test
    void aRefusedListingIsAScanErrorAndTheExitCodeSaysSo() {
        front.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/storage/v1/b"))
                .atPriority(1).willReturn(WireMockGcs.error(403, "forbidden")));
        Cli.Result r = scan();
        assertEquals(5, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("could not list the buckets of project test-project: buckets.list failed with"
                + " HTTP 403 forbidden (needs storage.buckets.list)"), r.err());
    }

    @Test
    void anEndpointWithoutAProjectIsAUsageErrorNamingTheFlag() {
        Cli.Result r = Cli.run("scan", "gcp", "--endpoint", front.endpoint().toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("give --project ID"), r.err());
        assertEquals(0, front.requests(), "nothing is called without a project");
    }
}
