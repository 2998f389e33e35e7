package dev.bucketguard.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.gcp.WireMockGcs.binding;
import static dev.bucketguard.gcp.WireMockGcs.error;
import static dev.bucketguard.gcp.WireMockGcs.json;

import com.google.cloud.Policy;
import com.google.cloud.Role;
import com.google.cloud.Identity;
import com.google.cloud.storage.Acl;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.testkit.ProviderContract;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The provider contract of the testkit, against WireMock worlds served in the Cloud Storage JSON API's shapes. */
class GcpProviderContractTest extends ProviderContract {
    private final WireMockGcs gcs = new WireMockGcs();

    @AfterEach
    void stop() {
        gcs.close();
    }

    @Override
    protected Cloud cloud() {
        return new GcpCloud();
    }

    /** Two listed buckets; every other call answers 403. Object sampling and the probe on, so every fact is tried. */
    @Override
    protected World everyFactDenied() {
        gcs.server.stubFor(any(anyUrl()).atPriority(10).willReturn(error(403, "forbidden")));
        gcs.buckets("alpha", "beta");
        return World.of(gcs.provider(5, true), "alpha", "beta");
    }

    /** Three buckets; the middle one's metadata and IAM policy answer something that is not JSON. */
    @Override
    protected World oneBrokenResource() {
        gcs.buckets("alpha", "broken", "gamma").orgPolicy(false);
        for (String b : new String[] {"alpha", "gamma"}) {
            gcs.bucket(b, "enforced", true, "").iam(b, binding("roles/storage.objectViewer", "user:a@example.com"));
        }
        gcs.server.stubFor(get(urlPathEqualTo("/storage/v1/b/broken")).willReturn(json(200, "{\"name\": [oops")));
        gcs.server.stubFor(get(urlPathEqualTo("/storage/v1/b/broken/iam")).willReturn(json(200, "<html>")));
        return World.withBroken(gcs.provider(0, false), "broken", "alpha", "broken", "gamma");
    }

    @Override
    protected ReadOnlyProbe readOnlyProbe() {
        gcs.bucket("cv", "enforced", true, "");
        GcpClients clients = gcs.provider(0, false).clients();
        Storage storage = clients.storage(WireMockGcs.PROJECT);
        Storage anonymous = clients.anonymous();
        GoogleRest rest = new GoogleRest(new GuardedTransport(new CallCounter(), 1), null, java.time.Duration.ZERO);
        String base = gcs.endpoint() + "/v3/projects/" + WireMockGcs.PROJECT;
        String logging = gcs.endpoint() + "/v2/projects/" + WireMockGcs.PROJECT;
        return new ReadOnlyProbe(Map.ofEntries(
                Map.entry("projects.setIamPolicy", () -> rest.post(base + ":setIamPolicy", "{\"policy\":{}}")),
                Map.entry("projects.sinks.create", () -> rest.post(logging + "/sinks", "{\"name\":\"leak\"}")),
                Map.entry("projects.locations.buckets.create", () -> rest.post(logging
                        + "/locations/global/buckets?bucketId=short", "{\"retentionDays\":1}")),
                Map.entry("buckets.insert", () -> storage.create(BucketInfo.of("new-bucket"))),
                Map.entry("buckets.delete", () -> storage.delete("cv")),
                Map.entry("buckets.patch", () -> storage.update(BucketInfo.newBuilder("cv").setVersioningEnabled(false)
                        .build())),
                Map.entry("buckets.setIamPolicy", () -> storage.setIamPolicy("cv", Policy.newBuilder()
                        .addIdentity(Role.of("roles/storage.objectViewer"), Identity.allUsers()).build())),
                Map.entry("bucketAccessControls.insert", () -> storage.createAcl("cv", Acl.of(Acl.User.ofAllUsers(),
                        Acl.Role.READER))),
                Map.entry("defaultObjectAccessControls.delete", () -> storage.deleteDefaultAcl("cv",
                        Acl.User.ofAllUsers())),
                Map.entry("objects.insert", () -> storage.create(BlobInfo.newBuilder(BlobId.of("cv", "x.txt")).build(),
                        "data".getBytes(StandardCharsets.UTF_8))),
                Map.entry("objects.delete (anonymous client)", () -> anonymous.delete(BlobId.of("cv", "x.txt")))),
                GuardedTransport.MutationRefused.class,
                () -> storage.get("cv"),
                gcs::requests);
    }
}
