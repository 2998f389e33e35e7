package dev.bucketguard.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Acl;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.bucketguard.cloud.gcp.GcpChannels;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.testkit.DockerEngine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The emulator scenario against fake-gcs-server's own image in Docker, for machines with a Docker engine. Skipped,
 * with the reason printed, where none runs: even under CI=true, since the plain-process emulator
 * ({@link ProviderAgainstFakeGcsTest}) covers the same ground there.
 */
class ProviderAgainstFakeGcsContainerTest {
    private static final int PORT = 4443;
    private static GenericContainer<?> gcs;

    @BeforeAll
    static void start() {
        DockerEngine.require("ProviderAgainstFakeGcsContainerTest", "ProviderAgainstFakeGcsTest");
        gcs = new GenericContainer<>(DockerImageName.parse("fsouza/fake-gcs-server:1.55.1"))
                .withExposedPorts(PORT)
                .withCommand("-scheme", "http", "-port", Integer.toString(PORT), "-backend", "memory")
                .waitingFor(Wait.forHttp("/storage/v1/b").forPort(PORT).forStatusCode(200));
        gcs.start();
    }

    @AfterAll
    static void stop() {
        if (gcs != null) {
            gcs.stop();
        }
    }

    @Test
    void aPublicObjectAndABucketAclAreFoundAndTheMissingSettingsAreUnknown() {
        URI endpoint = URI.create("http://127.0.0.1:" + gcs.getMappedPort(PORT));
        Storage setup = StorageOptions.newBuilder().setHost(endpoint.toString()).setProjectId("test-project")
                .setCredentials(NoCredentials.getInstance()).build().getService();
        setup.create(BucketInfo.of("tc-open"));
        setup.createAcl("tc-open", Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));
        setup.create(BlobInfo.newBuilder(BlobId.of("tc-open", "id/scan.png")).build(),
                "png".getBytes(StandardCharsets.UTF_8));
        setup.createAcl(BlobId.of("tc-open", "id/scan.png"), Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));

        GcpProvider provider = new GcpProvider(new GcpOptions(List.of("test-project"), endpoint, 5, false, 2),
                Map.of(), Duration.ofMillis(5));
        List<Resource> resources = provider.collect(FactSelection.only(GcpCloud.ID, GcpFacts.ALL), Progress.NONE)
                .resources();
        Resource open = resources.stream().filter(r -> r.id().equals("tc-open")).findFirst().orElseThrow();
        assertTrue(open.grants().stream().anyMatch(g -> g.via().equals(GcpChannels.ACL) && g.grantee().isPublic()));
        assertEquals(List.of("id/scan.png"), open.grants().stream()
                .filter(g -> g.via().equals(GcpChannels.OBJECT_ACL)).map(Grant::scope).toList());
        assertEquals(Exposure.UNKNOWN, new GcpCloud().verdict(open, TrustZone.OWNER_ONLY).exposure());
    }
}
