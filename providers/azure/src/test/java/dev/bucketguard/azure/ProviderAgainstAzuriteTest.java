package dev.bucketguard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobAccessPolicy;
import com.azure.storage.blob.models.BlobRetentionPolicy;
import com.azure.storage.blob.models.BlobServiceProperties;
import com.azure.storage.blob.models.BlobSignedIdentifier;
import com.azure.storage.blob.models.PublicAccessType;
import com.azure.storage.blob.models.StaticWebsite;
import com.azure.core.util.BinaryData;
import dev.bucketguard.cloud.azure.AnonymousProbe;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.cloud.azure.StoredAccessPolicy;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.ModelJson;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code --connection-string} mode against Azurite through the real azure-storage-blob client: container levels,
 * stored access policies and service properties as a user set them, the verdict and findings they lead to, and the
 * anonymous probe answered by the emulator.
 */
@ExtendWith(AzuriteServer.class)
class ProviderAgainstAzuriteTest {
    private static final String ACCOUNT = AzuriteServer.SECOND;
    private static final String KEY = AzuriteServer.SECOND_KEY;

    @BeforeAll
    static void anAccountAsAUserLeftIt() {
        // Set up with a client of its own: the scanner's clients could not write if they tried.
        BlobServiceClient admin = new BlobServiceClientBuilder()
                .connectionString(AzuriteServer.connectionString(ACCOUNT, KEY)).buildClient();
        admin.listBlobContainers().forEach(c -> admin.deleteBlobContainer(c.getName()));
        container(admin, "applicant-exports", PublicAccessType.CONTAINER);
        container(admin, "id-scans", PublicAccessType.BLOB);
        BlobContainerClient statements = container(admin, "statements", null);
        statements.setAccessPolicy(null, List.of(
                new BlobSignedIdentifier().setId("forever").setAccessPolicy(new BlobAccessPolicy()
                        .setPermissions("rl")),
                new BlobSignedIdentifier().setId("q3-audit").setAccessPolicy(new BlobAccessPolicy()
                        .setPermissions("r")
                        .setStartsOn(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                        .setExpiresOn(OffsetDateTime.of(2026, 3, 31, 0, 0, 0, 0, ZoneOffset.UTC)))));
        BlobServiceProperties p = admin.getProperties();
        p.setStaticWebsite(new StaticWebsite().setEnabled(true).setIndexDocument("index.html"));
        p.setDeleteRetentionPolicy(new BlobRetentionPolicy().setEnabled(true).setDays(7));
        p.getLogging().setRead(false).setWrite(false).setDelete(false);
        admin.setProperties(p);
    }

    private static BlobContainerClient container(BlobServiceClient admin, String name, PublicAccessType level) {
        BlobContainerClient c = admin.createBlobContainer(name);
        if (level != null) {
            c.setAccessPolicy(level, null);
        }
        c.getBlobClient("applicant-0001.json").upload(BinaryData.fromString("{\"name\":\"A. Applicant\"}"));
        return c;
    }

    private static AzureProvider provider(boolean probe) {
        return new AzureProvider(new AzureOptions(List.of(), AzuriteServer.connectionString(ACCOUNT, KEY), null,
                probe, 4));
    }

    private static Resource collect(AzureProvider p) {
        Inventory inv = p.collect(FactSelection.only(AzureCloud.ID, AzureFacts.ALL), Progress.NONE);
        assertEquals(List.of(), inv.errors());
        assertEquals(1, inv.resources().size());
        return inv.resources().get(0);
    }

    @Test
    void connectionStringModeReadsTheDataPlaneOfTheAccount() {
        Resource r = collect(provider(false));
        assertEquals(ACCOUNT, r.id());
        assertEquals(AzureCloud.STORAGE_ACCOUNT, r.kind());

        Map<String, Set<Permission>> levels = r.grants().stream().collect(Collectors.toMap(Grant::scope,
                Grant::permissions));
        assertEquals(Map.of("applicant-exports", Set.of(Permission.READ, Permission.LIST),
                "id-scans", Set.of(Permission.READ)), levels, "Container level is listable, Blob level is not");

        StorageAccount a = r.details(StorageAccount.class);
        assertTrue(r.knows(AzureFacts.WEBSITE) && a.website().enabled(), "the static website is on");
        assertTrue(r.knows(AzureFacts.SOFT_DELETE) && a.softDelete().enabled());
        assertEquals(7, a.softDelete().days());
        assertTrue(r.knows(AzureFacts.LOGGING));
        assertFalse(a.logging().enabled(), "classic logging switched off");
        assertEquals(List.of(new StoredAccessPolicy("statements", "forever", null, null, "rl"),
                new StoredAccessPolicy("statements", "q3-audit", "2026-01-01T00:00Z", "2026-03-31T00:00Z", "r")),
                a.storedAccessPolicies());
    }

    @Test
    void accountLevelFactsAreUnknownInConnectionStringModeAndSaySo() {
        Resource r = collect(provider(false));
        for (var f : List.of(AzureFacts.ACCOUNT_SETTINGS, AzureFacts.NETWORK_RULES, AzureFacts.OBJECT_REPLICATION,
                AzureFacts.RESOURCE_ACCESS_RULES, AzureFacts.PRIVATE_ENDPOINTS, AzureFacts.ENCRYPTION)) {
            var u = r.whyUnknown(f).orElseThrow();
            assertTrue(u.error().contains("connection string reaches the data plane only"), u::toString);
            assertTrue(u.permission().startsWith("Microsoft.Storage/storageAccounts/"), u::toString);
        }
        Verdict v = new AzureCloud().verdict(r, TrustZone.OWNER_ONLY);
        assertEquals(Exposure.UNKNOWN, v.exposure(), "public levels with the account switch unread: " + v.reasons());
        assertTrue(v.reasons().stream().anyMatch(s -> s.contains("the static website is on")), v.reasons()::toString);
        assertTrue(v.reasons().stream().anyMatch(s -> s.contains("could not read NETWORK_RULES")),
                v.reasons()::toString);
    }

    @Test
    void probeAnonymousProvesThePublicContainersPublic() {
        Resource r = collect(provider(true));
        List<AnonymousProbe> probes = r.details(StorageAccount.class).probes();
        assertEquals(List.of("applicant-exports", "id-scans"), probes.stream().map(AnonymousProbe::container)
                .toList(), "only the containers the configuration calls anonymous are probed");
        assertTrue(probes.stream().allMatch(AnonymousProbe::succeeded), probes::toString);
        assertEquals("list", probes.get(0).request());
        assertEquals("HEAD of blob 'applicant-0001.json'", probes.get(1).request());

        Verdict v = new AzureCloud().verdict(r, TrustZone.OWNER_ONLY);
        assertEquals(Exposure.PUBLIC, v.exposure(), v.reasons()::toString);
        assertTrue(v.tags().contains(AzureCloud.PROVEN_ANONYMOUS));
        assertTrue(v.reasons().contains("an anonymous list of container 'applicant-exports' answered 200: proven"
                + " anonymous from where the scan ran"), v.reasons()::toString);
    }

    @Test
    void anAnonymousRequestToAPrivateContainerIsRefused() {
        Pipelines pipelines = new Pipelines(1);
        DataPlane data = new DataPlane(URI.create(AzuriteServer.endpoint(ACCOUNT)), pipelines.build(
                new com.azure.storage.common.policy.StorageSharedKeyCredentialPolicy(
                        new com.azure.storage.common.StorageSharedKeyCredential(ACCOUNT, KEY))), pipelines.build(null));
        AnonymousProbe list = data.probe("statements", PublicAccessType.CONTAINER);
        AnonymousProbe head = data.probe("statements", PublicAccessType.BLOB);
        assertFalse(list.succeeded(), list::toString);
        assertFalse(head.succeeded(), head::toString);
        assertTrue(list.status() >= 400 && head.status() >= 400, list + " / " + head);
    }

    @Test
    void theScanJudgesTheAccountThroughTheLibraryApi() {
        ScanReport report = Scanner.builder().provider(provider(true)).build().scan();
        assertEquals(1, report.resources().size());
        var rr = report.resources().get(0);
        assertEquals(Exposure.PUBLIC, rr.verdict().exposure());
        var publicAccess = rr.findings().stream().filter(f -> f.ruleId().equals("azure.blob.public-access"))
                .findFirst().orElseThrow();
        assertEquals(FindingStatus.FAIL, publicAccess.status());
        assertTrue(publicAccess.message().contains("container 'applicant-exports' (level Container) grants list, read"
                + " to anyone"), publicAccess.message());
    }

    @Test
    void onlyTheFactsAskedForCostCalls() {
        AzureProvider p = provider(false);
        Inventory inv = p.collect(FactSelection.only(AzureCloud.ID, Set.of(AzureFacts.CONTAINER_ACCESS)),
                Progress.NONE);
        assertEquals(Set.of(AzureFacts.CONTAINER_ACCESS), inv.resources().get(0).collected());
        assertEquals(Map.of("ListContainers", 1L), p.apiCalls());
    }

    @Test
    void theAccountKeyAppearsNowhereInWhatWasRead() throws Exception {
        Resource r = collect(provider(true));
        String json = ModelJson.mapper().writeValueAsString(r);
        assertFalse(json.contains(KEY), "the key is not in the model");
        assertFalse(json.contains("AccountKey"), json);
        assertFalse(provider(false).toString().contains(KEY));
        assertFalse(new AzureOptions(List.of(), AzuriteServer.connectionString(ACCOUNT, KEY), null, false, 1)
                .toString().contains(KEY));
    }
}
