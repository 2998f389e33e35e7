package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.PublicAccessType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.azure.ArmStub;
import dev.bucketguard.azure.AzuriteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bucketguard scan azure} end to end, judged by what a user sees (exit code, report, stderr): the data plane
 * of an Azurite account through {@code --connection-string}, and ARM's JSON from WireMock through
 * {@code --arm-endpoint}.
 */
@ExtendWith(AzuriteServer.class)
class ScanAzureCliTest {
    private static final String ACCOUNT = AzuriteServer.ACCOUNT;
    private static final String SUB = "0b1f6471-1bf0-4dda-aec3-aaaaaaaaaaaa";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String PARTNER = "f00dfeed-0000-4000-8000-000000000001";
    private final ObjectMapper json = new ObjectMapper();
    private ArmStub arm;

    @BeforeAll
    static void anAccountWithAPublicContainer() {
        BlobServiceClient admin = new BlobServiceClientBuilder()
                .connectionString(AzuriteServer.connectionString(ACCOUNT, AzuriteServer.KEY)).buildClient();
        admin.listBlobContainers().forEach(c -> admin.deleteBlobContainer(c.getName()));
        BlobContainerClient c = admin.createBlobContainer("applicant-exports");
        c.setAccessPolicy(PublicAccessType.CONTAINER, null);
        c.getBlobClient("applicant-0001.json").upload(BinaryData.fromString("{}"));
        admin.createBlobContainer("internal");
    }

    @AfterEach
    void stopStub() {
        if (arm != null) {
            arm.close();
        }
    }

    private static String cs() {
        return AzuriteServer.connectionString(ACCOUNT, AzuriteServer.KEY);
    }

    private JsonNode resource(Cli.Result r, String id) throws Exception {
        for (JsonNode n : json.readTree(r.out()).get("resources")) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + r.out());
    }

    private static JsonNode finding(JsonNode resource, String rule) {
        for (JsonNode f : resource.get("findings")) {
            if (f.get("ruleId").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError(rule + " not in " + resource);
    }

    @Test
    void connectionStringModeSaysWhatItCouldNotSeeAndExitsIncomplete() throws Exception {
        Cli.Result r = Cli.run("scan", "azure", "--connection-string", cs(), "--format", "json");
        assertEquals(5, r.code(), r.err());
        JsonNode account = resource(r, ACCOUNT);
        assertEquals("UNKNOWN", account.get("exposure").asText());
        JsonNode f = finding(account, "azure.blob.public-access");
        assertEquals("UNKNOWN", f.get("status").asText());
        String message = f.get("message").asText();
        assertTrue(message.contains("container 'applicant-exports' (level Container) grants list, read to anyone"),
                message);
        assertTrue(message.contains("if allowBlobPublicAccess allows it"), message);
        assertTrue(message.contains("could not read ACCOUNT_SETTINGS: a connection string reaches the data plane"
                + " only (scan with ARM credentials to read it) (needs Microsoft.Storage/storageAccounts/read)"),
                message);
        assertFalse(r.out().contains(AzuriteServer.KEY) || r.err().contains(AzuriteServer.KEY), "no key in output");
    }

    @Test
    void probeAnonymousProvesThePublicContainerAndTheScanFails() throws Exception {
        Cli.Result r = Cli.run("scan", "azure", "--connection-string", cs(), "--probe-anonymous", "--format", "json");
        assertEquals(4, r.code(), r.err());
        JsonNode account = resource(r, ACCOUNT);
        assertEquals("PUBLIC", account.get("exposure").asText());
        assertTrue(account.get("exposureReasons").toString().contains("an anonymous list of container"
                + " 'applicant-exports' answered 200"), account.toString());
    }

    @Test
    void theConnectionStringMayComeFromTheEnvironment() throws Exception {
        Cli.Result r = Cli.run(Map.of("NO_COLOR", "1", "AZURE_STORAGE_CONNECTION_STRING", cs()), false,
                "scan", "azure", "--format", "json");
        assertEquals(5, r.code(), r.err());
        assertEquals(ACCOUNT, resource(r, ACCOUNT).get("id").asText());
    }

    @Test
    void aMalformedConnectionStringIsOneUsageErrorLineThatDoesNotRepeatIt() {
        Cli.Result r = Cli.run("scan", "azure", "--connection-string", "AccountName=x;SECRETPART");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("SECRETPART"), r.err());
    }

    @Test
    void aPlainHttpManagementEndpointOffTheLoopbackIsAUsageError() {
        Cli.Result r = Cli.run("scan", "azure", "--arm-endpoint", "http://management.example.com");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--arm-endpoint"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    private void stub() {
        arm = new ArmStub();
        arm.subscriptions(Map.of(SUB, TENANT));
        arm.accounts(SUB, List.of(arm.account(SUB, "partnerstore", Map.of("allowBlobPublicAccess", false,
                        "networkAcls", Map.of("defaultAction", "Deny", "resourceAccessRules", List.of(Map.of(
                                "tenantId", PARTNER, "resourceId", "/subscriptions/x/resourceGroups/r/providers/"
                                        + "Microsoft.Synapse/workspaces/w"))))),
                arm.account(SUB, "publicstore", Map.of())));
        arm.containers(SUB, "publicstore", Map.of("cvs", "Blob"));
    }

    @Test
    void theManagementPlaneFromAStubThroughArmEndpoint() throws Exception {
        stub();
        Cli.Result r = Cli.run("scan", "azure", "--arm-endpoint", arm.endpoint().toString(), "--format", "json");
        assertEquals(4, r.code(), r.err());
        JsonNode pub = resource(r, "publicstore");
        assertEquals("PUBLIC", pub.get("exposure").asText());
        assertEquals(SUB, pub.get("account").asText());
        assertEquals("FAIL", finding(pub, "azure.blob.public-access").get("status").asText());
        assertEquals("CROSS_ACCOUNT", resource(r, "partnerstore").get("exposure").asText());
        assertTrue(arm.requests().stream().noneMatch(q -> q.containsHeader("Authorization")));
    }

    @Test
    void trustedTenantsCountAsTheOwnersOwn() throws Exception {
        stub();
        Cli.Result r = Cli.run("scan", "azure", "--arm-endpoint", arm.endpoint().toString(), "--format", "json",
                "--trusted-tenants", PARTNER + ",another-tenant");
        assertEquals("PRIVATE", resource(r, "partnerstore").get("exposure").asText());
    }

    @Test
    void aSavedSnapshotRescansToTheSameBytesAndKnowsTrustedTenantsToo(@TempDir Path dir) throws Exception {
        stub();
        Path saved = dir.resolve("azure.snapshot.json");
        Cli.Result live = Cli.run("scan", "azure", "--arm-endpoint", arm.endpoint().toString(), "--format", "json",
                "--save-snapshot", saved.toString());
        Cli.Result again = Cli.run("scan", "snapshot", saved.toString(), "--format", "json");
        assertEquals(live.out(), again.out());
        assertEquals(live.code(), again.code());
        Cli.Result trusted = Cli.run("scan", "snapshot", saved.toString(), "--format", "json",
                "--trusted-tenants", PARTNER);
        assertEquals("PRIVATE", resource(trusted, "partnerstore").get("exposure").asText());
        assertFalse(Files.readString(saved).contains("Authorization"));
    }

    @Test
    void aRefusedSubscriptionListingIsAScanErrorAndExitsIncomplete() {
        arm = new ArmStub();
        arm.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/subscriptions"))
                .willReturn(ArmStub.armError(403, "AuthorizationFailed")));
        Cli.Result r = Cli.run("scan", "azure", "--arm-endpoint", arm.endpoint().toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("bucketguard: access denied: could not list the subscriptions"), r.err());
    }
}
