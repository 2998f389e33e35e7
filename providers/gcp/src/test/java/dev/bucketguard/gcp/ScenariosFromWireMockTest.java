package dev.bucketguard.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.bucketguard.gcp.WireMockGcs.binding;
import static dev.bucketguard.gcp.WireMockGcs.conditional;
import static dev.bucketguard.gcp.WireMockGcs.error;
import static dev.bucketguard.gcp.WireMockGcs.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.cloud.gcp.PublicAccessPrevention;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.ScanError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against WireMock serving the documented JSON API shapes that fake-gcs-server lacks (bucket IAM,
 * iamConfiguration, KMS, the organisation policy, testIamPermissions), through the real google-cloud-storage client.
 */
class ScenariosFromWireMockTest {
    private final WireMockGcs gcs = new WireMockGcs();

    @AfterEach
    void stop() {
        gcs.close();
    }

    private Resource only(GcpProvider provider) {
        Inventory inv = scan(provider, GcpFacts.ALL);
        assertEquals(List.of(), inv.errors());
        assertEquals(1, inv.resources().size());
        return inv.resources().get(0);
    }

    private static Verdict verdict(Resource r) {
        return new GcpCloud().verdict(r, TrustZone.OWNER_ONLY);
    }

    private static Verdict verdict(Resource r, Set<String> trusted) {
        return new GcpCloud().verdict(r, new TrustZone(trusted, Set.of()));
    }

    /** A uniform-access bucket whose IAM policy holds {@code bindings}, under the given organisation policy. */
    private Resource uniform(String pap, boolean orgEnforces, String... bindings) {
        gcs.buckets("cv").bucket("cv", pap, true, "").iam("cv", bindings).orgPolicy(orgEnforces);
        return only(gcs.provider(0, false));
    }

    @Test
    void allUsersBindingWithoutPreventionIsPublic_WireMock() {
        Resource r = uniform("inherited", false, binding("roles/storage.objectViewer", "allUsers"),
                binding("roles/storage.legacyBucketOwner", "projectOwner:" + WireMockGcs.PROJECT));
        Verdict v = verdict(r);
        assertEquals(Exposure.PUBLIC, v.exposure(), v.reasons()::toString);
        assertTrue(v.reasons().contains("IAM binding roles/storage.objectViewer grants list, read to anyone"
                + " (member allUsers)"), v.reasons()::toString);
        assertTrue(v.tags().contains(ExposureTag.LISTABLE));
        GcpBucket b = r.details(GcpBucket.class);
        assertEquals(PublicAccessPrevention.INHERITED, b.publicAccessPrevention());
        assertEquals(Boolean.FALSE, b.orgEnforcesPublicAccessPrevention());
        assertEquals(WireMockGcs.NUMBER, b.projectNumber());
        // UBLA on: the ACLs do not apply, and are not asked for.
        assertEquals(0, gcs.server.countRequestsMatching(getRequestedFor(urlPathMatching(".*/(acl|defaultObjectAcl)"))
                .build()).getCount());
        gcs.server.verify(getRequestedFor(urlPathEqualTo("/storage/v1/b/cv/iam"))
                .withQueryParam("optionsRequestedPolicyVersion", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("3")));
    }

    @Test
    void allAuthenticatedUsersIsPublicToAnyGoogleAccount_WireMock() {
        Verdict v = verdict(uniform("inherited", false,
                binding("roles/storage.legacyObjectReader", "allAuthenticatedUsers")));
        assertEquals(Exposure.PUBLIC, v.exposure());
        assertTrue(v.tags().contains(ExposureTag.AUTH_USERS_ONLY), v.tags()::toString);
    }

    @Test
    void aConditionalPublicBindingIsStillPublicWithItsCondition_WireMock() {
        Resource r = uniform("inherited", false, conditional("roles/storage.objectViewer", "public folder",
                "resource.name.startsWith(\"projects/_/buckets/cv/objects/public/\")", "allUsers"));
        Verdict v = verdict(r);
        assertEquals(Exposure.PUBLIC, v.exposure());
        assertTrue(v.tags().contains(ExposureTag.CONDITIONAL));
        assertEquals(List.of("public folder: resource.name.startsWith(\"projects/_/buckets/cv/objects/public/\")"),
                r.grants().get(0).conditions());
    }

    @Test
    void preventionEnforcedOnTheBucketNeutralisesAllUsers_WireMock() {
        Verdict v = verdict(uniform("enforced", false, binding("roles/storage.objectViewer", "allUsers")));
        assertEquals(Exposure.PRIVATE, v.exposure(), v.reasons()::toString);
        assertTrue(v.reasons().contains("public access prevention is enforced on the bucket"));
    }

    @Test
    void inheritedPreventionWithTheOrganisationConstraintOnIsNotPublic_WireMock() {
        Verdict v = verdict(uniform("inherited", true, binding("roles/storage.objectViewer", "allUsers")));
        assertEquals(Exposure.PRIVATE, v.exposure(), v.reasons()::toString);
        assertTrue(v.reasons().contains("public access prevention is enforced by the organisation policy"));
    }

    @Test
    void inheritedPreventionWithTheOrganisationPolicyUnreadableIsUnknownNamingThePermission_WireMock() {
        gcs.buckets("cv").bucket("cv", "inherited", true, "")
                .iam("cv", binding("roles/storage.objectViewer", "allUsers"))
                .orgPolicy(error(403, "forbidden"));
        Resource r = only(gcs.provider(0, false));
        assertEquals(new Unknown(GcpFacts.ORG_POLICY, "policies.getEffectivePolicy", "orgpolicy.policy.get",
                "HTTP 403 PERMISSION_DENIED"), r.whyUnknown(GcpFacts.ORG_POLICY).orElseThrow());
        Verdict v = verdict(r);
        assertEquals(Exposure.UNKNOWN, v.exposure());
        assertTrue(v.reasons().contains("could not read ORG_POLICY: policies.getEffectivePolicy failed with"
                + " HTTP 403 PERMISSION_DENIED (needs orgpolicy.policy.get)"), v.reasons()::toString);
    }

    @Test
    void theLegacyUnspecifiedValueDefersToTheOrganisationPolicy_WireMock() {
        // google-cloud-storage reads the legacy value as INHERITED: it defers to the organisation, never "off".
        Resource r = uniform("unspecified", true, binding("roles/storage.objectViewer", "allUsers"));
        assertEquals(PublicAccessPrevention.INHERITED, r.details(GcpBucket.class).publicAccessPrevention());
        Verdict v = verdict(r);
        assertEquals(Exposure.PRIVATE, v.exposure());
        assertTrue(v.reasons().contains("public access prevention is enforced by the organisation policy"));
    }

    @Test
    void membersOutsideTheProjectAndTheTrustedSetAreCrossAccountInEveryForm_WireMock() {
        Resource r = uniform("enforced", false,
                binding("roles/storage.objectViewer", "user:auditor@partner.example", "domain:partner.example"),
                binding("roles/storage.objectViewer", "serviceAccount:etl@analytics-prj.iam.gserviceaccount.com"),
                binding("roles/storage.legacyBucketReader", "projectViewer:" + WireMockGcs.PROJECT,
                        "serviceAccount:service-" + WireMockGcs.NUMBER + "@gs-project-accounts.iam.gserviceaccount.com"));
        Verdict v = verdict(r);
        assertEquals(Exposure.CROSS_ACCOUNT, v.exposure(), v.reasons()::toString);
        assertEquals(List.of("domain:partner.example",
                "serviceAccount:etl@analytics-prj.iam.gserviceaccount.com", "user:auditor@partner.example"),
                v.outsiders());
        assertEquals(Exposure.CROSS_ACCOUNT, verdict(r, Set.of("partner.example")).exposure());
        assertEquals(Exposure.PRIVATE, verdict(r, Set.of("partner.example", "analytics-prj")).exposure());
        // A subdomain of a trusted domain is not trusted.
        assertEquals(Exposure.CROSS_ACCOUNT, verdict(r, Set.of("example", "analytics-prj")).exposure());
    }

    @Test
    void fineGrainedBucketReadsBothAclsAndAProjectNamedByNumberIsTheOwner_WireMock() {
        gcs.buckets("cv").bucket("cv", "inherited", false, "").iam("cv").orgPolicy(false)
                .acl("cv", Map.of("project-owners-" + WireMockGcs.NUMBER, "OWNER",
                        "project-viewers-" + WireMockGcs.NUMBER, "READER"))
                .defaultAcl("cv", Map.of("allUsers", "READER"));
        Resource r = only(gcs.provider(0, false));
        Verdict v = verdict(r);
        assertEquals(Exposure.PUBLIC, v.exposure(), v.reasons()::toString);
        assertTrue(v.reasons().contains("default object ACL entry allUsers grants read to anyone (role READER)"),
                v.reasons()::toString);
        assertEquals(List.of(), v.outsiders(), "the owner project's number is the owner");
    }

    @Test
    void encryptionLoggingVersioningAndRetentionAreRead_WireMock() {
        String key = "projects/" + WireMockGcs.PROJECT + "/locations/eu/keyRings/r/cryptoKeys/k";
        gcs.buckets("cv").bucket("cv", "enforced", true, "\"encryption\":{\"defaultKmsKeyName\":\"" + key + "\"},"
                + "\"logging\":{\"logBucket\":\"usage-logs\",\"logObjectPrefix\":\"cv\"},"
                + "\"versioning\":{\"enabled\":true},"
                + "\"retentionPolicy\":{\"retentionPeriod\":\"2592000\",\"isLocked\":true}").iam("cv")
                .orgPolicy(false);
        Resource r = only(gcs.provider(0, false));
        assertEquals(EncryptionState.CUSTOMER_MANAGED, r.encryption().state());
        assertEquals(key, r.encryption().keyId());
        GcpBucket b = r.details(GcpBucket.class);
        assertEquals("usage-logs/cv", b.logging().target());
        assertTrue(b.versioning().enabled());
        assertEquals(30, b.versioning().retentionDays());
        assertEquals(Boolean.TRUE, b.versioning().retentionLocked());
    }

    @Test
    void a403OnOneCallCostsOneFactNamingItsPermission_WireMock() {
        gcs.buckets("cv").bucket("cv", "inherited", false, "").orgPolicy(false)
                .acl("cv", Map.of()).defaultAcl("cv", Map.of());
        gcs.server.stubFor(get(urlPathEqualTo("/storage/v1/b/cv/iam")).willReturn(error(403, "forbidden")));
        Resource r = only(gcs.provider(0, false));
        assertEquals(new Unknown(GcpFacts.IAM_POLICY, "buckets.getIamPolicy", "storage.buckets.getIamPolicy",
                "HTTP 403 forbidden"), r.whyUnknown(GcpFacts.IAM_POLICY).orElseThrow());
        assertTrue(r.knows(GcpFacts.ACL) && r.knows(GcpFacts.PUBLIC_ACCESS_PREVENTION));
        Verdict v = verdict(r);
        assertEquals(Exposure.UNKNOWN, v.exposure());
        assertTrue(v.reasons().stream().anyMatch(s -> s.contains("(needs storage.buckets.getIamPolicy)")),
                v.reasons()::toString);
    }

    @Test
    void throttlingAndUnavailabilityAreRetriedUntilSuccess_WireMock() {
        gcs.buckets("cv").bucket("cv", "inherited", true, "").orgPolicy(false);
        for (String path : List.of("/storage/v1/b/cv/iam",
                "/v2/projects/" + WireMockGcs.PROJECT + "/policies/storage.publicAccessPrevention:getEffectivePolicy")) {
            String scenario = "flaky " + path;
            gcs.server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(error(429, "rateLimitExceeded")).willSetStateTo("503"));
            gcs.server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("503")
                    .willReturn(error(503, "backendError")).willSetStateTo("ok"));
        }
        gcs.server.stubFor(get(urlPathEqualTo("/storage/v1/b/cv/iam")).inScenario("flaky /storage/v1/b/cv/iam")
                .whenScenarioStateIs("ok").willReturn(WireMockGcs.json(200, "{\"version\":3,\"bindings\":[" 
                        + binding("roles/storage.objectViewer", "allUsers") + "]}")));
        gcs.server.stubFor(get(urlPathEqualTo("/v2/projects/" + WireMockGcs.PROJECT
                        + "/policies/storage.publicAccessPrevention:getEffectivePolicy"))
                .inScenario("flaky /v2/projects/" + WireMockGcs.PROJECT
                        + "/policies/storage.publicAccessPrevention:getEffectivePolicy")
                .whenScenarioStateIs("ok").willReturn(WireMockGcs.json(200, "{\"spec\":{\"rules\":[{\"enforce\":false}]}}")));
        GcpProvider provider = gcs.provider(0, false);
        Resource r = only(provider);
        assertTrue(r.knows(GcpFacts.IAM_POLICY) && r.knows(GcpFacts.ORG_POLICY), r.unknowns()::toString);
        assertEquals(Exposure.PUBLIC, verdict(r).exposure());
        assertEquals(3L, provider.apiAttempts().get("buckets.getIamPolicy"));
        assertEquals(3L, provider.apiAttempts().get("policies.getEffectivePolicy"));
    }

    @Test
    void theBucketListingIsReadOverEveryPage_WireMock() {
        gcs.bucketPages(List.of(List.of("a", "b"), List.of("c"), List.of("d", "e")));
        Inventory inv = scan(gcs.provider(0, false), Set.of(GcpFacts.LOGGING));
        assertEquals(List.of("a", "b", "c", "d", "e"), inv.resources().stream().map(Resource::id).toList());
    }

    @Test
    void aProjectWhoseListingIsRefusedIsAScanErrorNotAnEmptyProject_WireMock() {
        gcs.server.stubFor(get(urlPathEqualTo("/storage/v1/b")).willReturn(error(403, "forbidden")));
        Inventory inv = scan(gcs.provider(0, false), GcpFacts.ALL);
        assertEquals(List.of(), inv.resources());
        assertEquals(List.of(new ScanError("gcp", "gcp:" + WireMockGcs.PROJECT, ScanError.Kind.ACCESS_DENIED,
                "could not list the buckets of project " + WireMockGcs.PROJECT + ": buckets.list failed with"
                        + " HTTP 403 forbidden (needs storage.buckets.list)")), inv.errors());
    }

    @Test
    void anAnonymousProbeHitTurnsAnUnreadableIamPolicyIntoPublic_WireMock() {
        gcs.buckets("cv").bucket("cv", "inherited", true, "").orgPolicy(false)
                .probe("cv", "storage.objects.get", "storage.objects.list");
        gcs.server.stubFor(get(urlPathEqualTo("/storage/v1/b/cv/iam")).willReturn(error(403, "forbidden")));
        Resource r = only(gcs.provider(0, true));
        Verdict v = verdict(r);
        assertEquals(Exposure.PUBLIC, v.exposure(), v.reasons()::toString);
        assertTrue(v.reasons().contains("an unauthenticated testIamPermissions shows allUsers holds"
                + " storage.objects.get, storage.objects.list"), v.reasons()::toString);
        assertTrue(v.tags().contains(GcpCloud.PROBED_PUBLIC));
    }

    @Test
    void anAnonymousProbeMissIsEvidenceNotProofOfPrivacy_WireMock() {
        gcs.buckets("cv").bucket("cv", "inherited", true, "").orgPolicy(error(403, "forbidden"))
                .iam("cv", binding("roles/storage.objectViewer", "allUsers")).probe("cv");
        Resource r = only(gcs.provider(0, true));
        assertEquals(List.of(), r.details(GcpBucket.class).anonymousPermissions());
        assertEquals(Exposure.UNKNOWN, verdict(r).exposure());
    }

    @Test
    void withoutTheOptionTheProbeIsNeverCalled_WireMock() {
        uniform("inherited", false, binding("roles/storage.objectViewer", "allUsers"));
        assertEquals(0, gcs.server.countRequestsMatching(getRequestedFor(urlPathMatching(".*/testPermissions"))
                .build()).getCount());
    }

    @Test
    void aPrivateBucketIsNotProbed_WireMock() {
        gcs.buckets("cv").bucket("cv", "enforced", true, "").iam("cv").orgPolicy(false).probe("cv");
        Resource r = only(gcs.provider(0, true));
        assertEquals(Exposure.PRIVATE, verdict(r).exposure());
        assertEquals(0, gcs.server.countRequestsMatching(getRequestedFor(urlPathMatching(".*/testPermissions"))
                .build()).getCount());
    }
}
