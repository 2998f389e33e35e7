package dev.bucketguard.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.PublicAccessType;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.testkit.DockerEngine;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The connection-string scan against Azurite in Docker (Microsoft's published image), for machines with a Docker
 * engine. Skipped, with the reason printed, where none runs: the plain-process Azurite of {@link AzuriteServer}
 * covers the same ground there, and is the one CI requires.
 */
class AzuriteContainerTest {
    private static GenericContainer<?> azurite;

    @BeforeAll
    static void start() {
        DockerEngine.require("AzuriteContainerTest", "ProviderAgainstAzuriteTest");
        azurite = new GenericContainer<>(DockerImageName.parse("mcr.microsoft.com/azure-storage/azurite:3.37.0"))
                .withCommand("azurite-blob", "--blobHost", "0.0.0.0", "--inMemoryPersistence",
                        "--skipApiVersionCheck")
                .withExposedPorts(10000);
        azurite.start();
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.stop();
        }
    }

    private static String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + AzuriteServer.ACCOUNT + ";AccountKey="
                + AzuriteServer.KEY + ";BlobEndpoint=http://" + azurite.getHost() + ":" + azurite.getMappedPort(10000)
                + "/" + AzuriteServer.ACCOUNT + ";";
    }

    @Test
    void aContainerLevelContainerIsAListableAnonymousGrant() {
        BlobServiceClient admin = new BlobServiceClientBuilder().connectionString(connectionString()).buildClient();
        admin.createBlobContainer("exports").setAccessPolicy(PublicAccessType.CONTAINER, null);
        admin.createBlobContainer("internal");
        Resource r = new AzureProvider(new AzureOptions(List.of(), connectionString(), null, false, 2))
                .collect(FactSelection.only(AzureCloud.ID, java.util.Set.of(AzureFacts.CONTAINER_ACCESS)),
                        Progress.NONE).resources().get(0);
        assertEquals(List.of("exports"), r.grants().stream().map(Grant::scope).toList());
    }
}
