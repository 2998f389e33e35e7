package dev.bucketguard.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The guard's rule, the endpoint check, the sample's spread and the names of API methods. */
class SmallPartsTest {

    @Test
    void theGuardLetsThroughGetsAndTestIamPermissionsOnly() {
        String base = "http://127.0.0.1:1/storage/v1/b/cv";
        assertTrue(GuardedTransport.allowed("GET", base + "/iam?optionsRequestedPolicyVersion=3"));
        assertTrue(GuardedTransport.allowed("POST", base + "/iam/testPermissions"));
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "HEAD")) {
            assertFalse(GuardedTransport.allowed(method, base), method);
        }
        assertFalse(GuardedTransport.allowed("PUT", base + "/iam"), "setIamPolicy");
        assertFalse(GuardedTransport.allowed("POST", "http://127.0.0.1:1/upload/storage/v1/b/cv/o"));
    }

    @Test
    void resourceManagersGetIamPolicyIsThePostTheGuardLetsThroughAndNoOtherCustomMethod() {
        String rm = "https://cloudresourcemanager.googleapis.com";
        for (String name : List.of("projects/applicants-prod", "folders/4711", "organizations/987654321")) {
            assertTrue(GuardedTransport.allowed("POST", rm + "/v3/" + name + ":getIamPolicy"), name);
            assertFalse(GuardedTransport.allowed("POST", rm + "/v3/" + name + ":setIamPolicy"), name);
            assertFalse(GuardedTransport.allowed("PUT", rm + "/v3/" + name + ":getIamPolicy"), name);
        }
        assertFalse(GuardedTransport.allowed("POST", rm + "/v1/projects/p:getAncestry"));
        assertFalse(GuardedTransport.allowed("POST", rm + "/v3/projects/p%3AsetIamPolicy:getIamPolicy"));
        assertFalse(GuardedTransport.allowed("POST", rm + "/v3/projects/p/x:getIamPolicy"));
        assertFalse(GuardedTransport.allowed("POST", "https://logging.googleapis.com/v2/projects/p/sinks"));
        assertFalse(GuardedTransport.allowed("DELETE", "https://logging.googleapis.com/v2/projects/p/sinks/_Default"));
    }

    @Test
    void sinkFiltersAreJudgedOnlyWhereTheOutcomeIsCertain() {
        assertEquals(SinkFilter.Decision.ROUTES, SinkFilter.of(WireMockGcs.DEFAULT_FILTER), "_Default's own filter");
        assertEquals(SinkFilter.Decision.EXCLUDES, SinkFilter.of(WireMockGcs.REQUIRED_FILTER), "_Required's");
        assertEquals(SinkFilter.Decision.ROUTES, SinkFilter.of(""));
        assertEquals(SinkFilter.Decision.ROUTES, SinkFilter.of("logName:\"cloudaudit.googleapis.com\""));
        assertEquals(SinkFilter.Decision.ROUTES, SinkFilter.of("logName = \"projects/p/logs/"
                + "cloudaudit.googleapis.com%2Fdata_access\" protoPayload.serviceName=\"storage.googleapis.com\""),
                "an implicit AND, and spaces around the operator");
        assertEquals(SinkFilter.Decision.EXCLUDES, SinkFilter.of("resource.type=\"gce_instance\""));
        assertEquals(SinkFilter.Decision.EXCLUDES, SinkFilter.of("-LOG_ID(\"cloudaudit.googleapis.com/data_access\")"));
        assertEquals(SinkFilter.Decision.EXCLUDES, SinkFilter.of("resource.type!=\"gcs_bucket\""));
        assertEquals(SinkFilter.Decision.ROUTES, SinkFilter.of("resource.type=\"k8s_container\" OR"
                + " resource.type=\"gcs_bucket\""));
        assertEquals(SinkFilter.Decision.UNCLEAR, SinkFilter.of("severity>=WARNING"));
        assertEquals(SinkFilter.Decision.UNCLEAR, SinkFilter.of("resource.type=\"gcs_bucket\" AND"
                + " resource.labels.bucket_name=\"cv\""), "only some buckets");
        assertEquals(SinkFilter.Decision.UNCLEAR, SinkFilter.of("NOT (resource.type=\"gcs_bucket\")"));
        assertEquals(SinkFilter.Decision.UNCLEAR, SinkFilter.of("sample(insertId, 0.1)"));
    }

    @Test
    void requestsAreNamedByTheirApiMethod() {
        String b = "http://h/storage/v1/b";
        assertEquals("buckets.list", Operations.of("GET", b + "?project=p"));
        assertEquals("buckets.get", Operations.of("GET", b + "/cv?fields=name"));
        assertEquals("buckets.getIamPolicy", Operations.of("GET", b + "/cv/iam"));
        assertEquals("buckets.setIamPolicy", Operations.of("PUT", b + "/cv/iam"));
        assertEquals("buckets.testIamPermissions", Operations.of("GET", b + "/cv/iam/testPermissions"));
        assertEquals("bucketAccessControls.list", Operations.of("GET", b + "/cv/acl"));
        assertEquals("defaultObjectAccessControls.list", Operations.of("GET", b + "/cv/defaultObjectAcl"));
        assertEquals("objects.list", Operations.of("GET", b + "/cv/o"));
        assertEquals("objectAccessControls.list", Operations.of("GET", b + "/cv/o/a%2Fb.pdf/acl"));
        assertEquals("policies.getEffectivePolicy", Operations.of("GET",
                "http://h/v2/projects/p/policies/storage.publicAccessPrevention:getEffectivePolicy"));
        assertEquals("buckets.delete", Operations.of("DELETE", b + "/cv"));
        assertEquals("projects.getIamPolicy", Operations.of("POST", "http://h/v3/projects/p:getIamPolicy"));
        assertEquals("folders.getIamPolicy", Operations.of("POST", "http://h/v3/folders/1:getIamPolicy"));
        assertEquals("projects.get", Operations.of("GET", "http://h/v3/projects/p"));
        assertEquals("projects.sinks.list", Operations.of("GET", "http://h/v2/projects/p/sinks?pageSize=200"));
        assertEquals("projects.sinks.post", Operations.of("POST", "http://h/v2/projects/p/sinks"));
        assertEquals("projects.locations.buckets.list", Operations.of("GET",
                "http://h/v2/projects/p/locations/-/buckets"));
    }

    @Test
    void theEndpointIsTheOptionThenTheEmulatorVariableAndPlainHttpOnlyOnLoopback() {
        assertEquals(URI.create("http://127.0.0.1:4443"), Endpoint.resolve(URI.create("http://127.0.0.1:4443/"),
                Map.of("STORAGE_EMULATOR_HOST", "localhost:1")));
        assertEquals(URI.create("http://localhost:9023"), Endpoint.resolve(null,
                Map.of("STORAGE_EMULATOR_HOST", "localhost:9023")));
        assertEquals(URI.create("http://[::1]:9023"), Endpoint.resolve(null,
                Map.of("STORAGE_EMULATOR_HOST", "http://[::1]:9023")));
        assertNull(Endpoint.resolve(null, Map.of()));
        assertEquals(URI.create("https://stub.example.com"), Endpoint.check(URI.create("https://stub.example.com")));
        for (String bad : List.of("http://storage.example.com", "http://10.0.0.5:4443", "ftp://127.0.0.1",
                "http://127.0.0.1.nip.io:80")) {
            assertThrows(IllegalArgumentException.class, () -> Endpoint.check(URI.create(bad)), bad);
        }
    }

    @Test
    void theObjectSampleIsSpreadAcrossTheNamesNotTheFirstOnes() {
        List<String> names = IntStream.range(0, 100).mapToObj(i -> String.format("o%03d", i)).toList();
        assertEquals(List.of("o000", "o025", "o050", "o075"), BucketReader.spread(names, 4));
        assertEquals(names.subList(0, 3), BucketReader.spread(names.subList(0, 3), 10));
    }
}
