package dev.bucketguard.gcp;

import static dev.bucketguard.gcp.WireMockGcs.binding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Acl;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import dev.bucketguard.cloud.gcp.GcpChannels;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider against fake-gcs-server through the real google-cloud-storage client: bare (what emulator mode can
 * and cannot see), and with WireMock in front serving what the emulator lacks (iamConfiguration, bucket IAM, the
 * default object ACL, the organisation policy) while buckets, bucket ACLs, objects and object ACLs come from the
 * emulator.
 */
@ExtendWith(FakeGcsServer.class)
class ProviderAgainstFakeGcsTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String OPEN = "fg-open-" + RUN;
    private static final String PRIVATE = "fg-private-" + RUN;
    private static final String PUBLIC_OBJECT = "cv/alice smith.pdf";

    @BeforeAll
    static void world() {
        Storage setup = FakeGcsServer.setupClient();
        setup.create(BucketInfo.of(OPEN));
        setup.createAcl(OPEN, Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));
        for (String name : List.of("cv/a.pdf", "cv/b.pdf", PUBLIC_OBJECT, "cv/z.pdf")) {
            setup.create(BlobInfo.newBuilder(BlobId.of(OPEN, name)).build(), "%PDF".getBytes(StandardCharsets.UTF_8));
        }
        setup.createAcl(BlobId.of(OPEN, PUBLIC_OBJECT), Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));
        setup.create(BucketInfo.of(PRIVATE));
        setup.create(BlobInfo.newBuilder(BlobId.of(PRIVATE, "ledger.csv")).build(),
                "a,b".getBytes(StandardCharsets.UTF_8));
    }

    private static Resource bucket(Inventory inv, String name) {
        return inv.resources().stream().filter(r -> r.id().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not among " + inv.resources().stream().map(Resource::id).toList()));
    }

    private static Inventory scan(URI endpoint, int sample) {
        GcpProvider provider = new GcpProvider(new GcpOptions(List.of("test-project"), endpoint, sample, false, 4),
                Map.of(), Duration.ofMillis(5));
        return provider.collect(FactSelection.only(GcpCloud.ID, GcpFacts.ALL), Progress.NONE);
    }

    @Test
    void bareEmulator_bucketAclAndSampledObjectsAreReadAndTheMissingSettingsAreUnknownNotOff() throws IOException {
        Inventory inv = scan(FakeGcsServer.endpoint(), 10);
        assertEquals(List.of(), inv.errors());
        Resource open = bucket(inv, OPEN);
        // fake-gcs-server answers no iamConfiguration: public access prevention and uniform access are unknown.
        assertEquals("an answer without iamConfiguration",
                open.whyUnknown(GcpFacts.PUBLIC_ACCESS_PREVENTION).orElseThrow().error());
        assertTrue(open.knows(GcpFacts.ACL));
        assertTrue(open.grants().stream().anyMatch(g -> g.via().equals(GcpChannels.ACL) && g.grantee().isPublic()),
                open.grants()::toString);
        List<String> publicObjects = open.grants().stream().filter(g -> g.via().equals(GcpChannels.OBJECT_ACL))
                .map(Grant::scope).toList();
        assertEquals(List.of(PUBLIC_OBJECT), publicObjects);

        Verdict v = new GcpCloud().verdict(open, TrustZone.OWNER_ONLY);
        assertEquals(Exposure.UNKNOWN, v.exposure(), "never PRIVATE with the guardrails unread: " + v.reasons());
        assertTrue(v.reasons().contains("bucket ACL entry allUsers grants list to anyone (role READER)"),
                v.reasons()::toString);
        assertFalse(v.reasons().stream().anyMatch(r -> r.contains("uniform bucket-level access is off")),
                "no reason claims a setting that was not read: " + v.reasons());

        // The object reported public answers an unauthenticated GET (fake-gcs-server enforces no access, so a
        // refusal of the private one cannot be shown here).
        URI media = FakeGcsServer.endpoint().resolve("/storage/v1/b/" + OPEN + "/o/"
                + java.net.URLEncoder.encode(PUBLIC_OBJECT, StandardCharsets.UTF_8).replace("+", "%20")
                + "?alt=media");
        HttpURLConnection c = (HttpURLConnection) media.toURL().openConnection();
        assertEquals(200, c.getResponseCode());
        c.disconnect();

        Resource closed = bucket(inv, PRIVATE);
        assertTrue(closed.grants().stream().noneMatch(g -> g.grantee().isPublic()), closed.grants()::toString);
    }

    @Test
    void withWireMockInFront_theEmulatorsAclsAreJudgedUnderTheServedSettings() {
        try (WireMockGcs front = new WireMockGcs().inFrontOf(FakeGcsServer.endpoint())) {
            front.bucket(OPEN, "inherited", false, "").iam(OPEN).defaultAcl(OPEN, Map.of())
                    .bucket(PRIVATE, "inherited", true, "")
                    .iam(PRIVATE, binding("roles/storage.legacyBucketOwner", "projectOwner:test-project"));
            front.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                    "/v2/projects/test-project/policies/storage.publicAccessPrevention"
                                            + ":getEffectivePolicy"))
                    .willReturn(WireMockGcs.json(200, "{\"spec\":{\"rules\":[{\"enforce\":false}]}}")));
            Inventory inv = scan(front.endpoint(), 10);
            assertEquals(List.of(), inv.errors());

            Verdict open = new GcpCloud().verdict(bucket(inv, OPEN), TrustZone.OWNER_ONLY);
            assertEquals(Exposure.PUBLIC, open.exposure(), open.reasons()::toString);
            assertTrue(open.reasons().contains("bucket ACL entry allUsers grants list to anyone (role READER)"));
            assertTrue(open.reasons().contains("object ACL entry allUsers grants read to anyone (role READER)"),
                    open.reasons()::toString);

            Resource privateBucket = bucket(inv, PRIVATE);
            Verdict closed = new GcpCloud().verdict(privateBucket, TrustZone.OWNER_ONLY);
            assertEquals(Exposure.PRIVATE, closed.exposure(), closed.reasons()::toString);
        }
    }
}
