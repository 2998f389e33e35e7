package dev.bucketguard.gcp.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Acl;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.gcp.GcpOptions;
import dev.bucketguard.gcp.GcpProvider;
import dev.bucketguard.gcp.WireMockGcs;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scans N buckets on fake-gcs-server, with WireMock in front serving iamConfiguration, bucket IAM, the default object
 * ACL and the organisation policy (everything else proxied to the emulator), and compares the wall time with a bare
 * google-cloud-storage client making the same calls at the same concurrency through the same stub (the floor no
 * scanner can beat). Run by bench/gcs-scan.sh; not part of the test suite.
 *
 * <p>Arguments: emulator endpoint, bucket count, concurrency. Even-numbered buckets use fine-grained ACLs (two more
 * calls each), odd ones uniform access; every tenth bucket has a public ACL entry and an allUsers binding.
 */
public final class GcsScanBenchmark {
    private static final String PROJECT = WireMockGcs.PROJECT;

    private GcsScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI emulator = URI.create(args[0]);
        int buckets = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Storage plain = StorageOptions.newBuilder().setHost(emulator.toString()).setProjectId(PROJECT)
                .setCredentials(NoCredentials.getInstance()).build().getService();
        long t0 = System.nanoTime();
        provision(plain, buckets, concurrency);
        System.out.printf("provisioned %d buckets in %.1f s%n", buckets, (System.nanoTime() - t0) / 1e9);

        try (WireMockGcs front = new WireMockGcs().inFrontOf(emulator)) {
            front.server.stubFor(get(urlPathMatching("/storage/v1/b/bench-\\d*[02468]")).willReturn(WireMockGcs.json(
                    200, bucket("inherited", false))));
            front.server.stubFor(get(urlPathMatching("/storage/v1/b/bench-\\d*[13579]")).willReturn(WireMockGcs.json(
                    200, bucket("enforced", true))));
            front.server.stubFor(get(urlPathMatching("/storage/v1/b/bench-\\d*0/iam")).willReturn(WireMockGcs.json(
                    200, "{\"version\":3,\"bindings\":[" + WireMockGcs.binding("roles/storage.objectViewer",
                            "allUsers") + "]}")));
            front.server.stubFor(get(urlPathMatching("/storage/v1/b/bench-\\d*[1-9]/iam")).willReturn(
                    WireMockGcs.json(200, "{\"version\":3,\"bindings\":[" + WireMockGcs.binding(
                            "roles/storage.legacyBucketOwner", "projectOwner:" + PROJECT) + "]}")));
            front.server.stubFor(get(urlPathMatching("/storage/v1/b/bench-\\d+/defaultObjectAcl")).willReturn(
                    WireMockGcs.json(200, "{\"items\":[]}")));
            front.orgPolicy(false);
            URI endpoint = front.endpoint();

            FactSelection facts = FactSelection.only(GcpCloud.ID, java.util.Set.of(GcpFacts.ACL,
                    GcpFacts.DEFAULT_OBJECT_ACL, GcpFacts.IAM_POLICY, GcpFacts.PUBLIC_ACCESS_PREVENTION,
                    GcpFacts.ORG_POLICY, GcpFacts.ENCRYPTION, GcpFacts.LOGGING, GcpFacts.VERSIONING));
            GcpOptions options = new GcpOptions(List.of(PROJECT), endpoint, 0, false, concurrency);
            // Warm the JVM (class loading, JIT) with a full scan, as the bare client below is warm too.
            new GcpProvider(options, Map.of()).collect(facts, m -> { });
            bare(endpoint, buckets, concurrency);

            GcpProvider provider = new GcpProvider(options, Map.of());
            long s0 = System.nanoTime();
            Inventory inv = provider.collect(facts, m -> { });
            double scan = (System.nanoTime() - s0) / 1e9;
            long bucketCount = inv.resources().stream().filter(r -> r.id().startsWith("bench-")).count();
            if (bucketCount != buckets) {
                throw new IllegalStateException("scanned " + bucketCount + " of " + buckets);
            }
            Map<String, Long> calls = provider.apiAttempts();
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            long unknown = inv.resources().stream().mapToLong(r -> r.unknowns().stream()
                    .filter(u -> !u.error().startsWith("not read: uniform")).count()).sum();
            long publicOnes = inv.resources().stream().filter(r -> new GcpCloud()
                    .verdict(r, dev.bucketguard.exposure.TrustZone.OWNER_ONLY).exposure()
                    == dev.bucketguard.exposure.Exposure.PUBLIC).count();

            long b0 = System.nanoTime();
            long bareCalls = bare(endpoint, buckets, concurrency);
            double bareTime = (System.nanoTime() - b0) / 1e9;

            System.out.printf("buckets            %d (concurrency %d; %d listed in all)%n", buckets, concurrency,
                    inv.resources().size());
            System.out.printf("scan wall time     %.2f s%n", scan);
            System.out.printf("buckets per second %.1f%n", inv.resources().size() / scan);
            System.out.printf("API calls          %d total, %.2f per bucket (%s)%n", total,
                    (double) total / inv.resources().size(), calls);
            System.out.printf("public buckets     %d; unknown facts %d%n", publicOnes, unknown);
            System.out.printf("bare client        %.2f s for the same %d calls%n", bareTime, bareCalls);
            System.out.printf("scan / bare        %.2fx (goal <= 1.2x)%n", scan / bareTime);
        }
    }

    private static String bucket(String pap, boolean ubla) {
        return "{\"kind\":\"storage#bucket\",\"name\":\"bench\",\"projectNumber\":\"" + WireMockGcs.NUMBER + "\","
                + "\"iamConfiguration\":{\"uniformBucketLevelAccess\":{\"enabled\":" + ubla + "},"
                + "\"publicAccessPrevention\":\"" + pap + "\"},\"versioning\":{\"enabled\":" + ubla + "}}";
    }

    private static void provision(Storage s, int buckets, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            String name = String.format("bench-%05d", i);
            int n = i;
            done.add(pool.submit(() -> {
                s.create(BucketInfo.of(name));
                if (n % 10 == 0) {
                    s.createAcl(name, Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * The floor: the calls the scan makes (list, then per bucket the metadata, the IAM policy v3 and, for
     * fine-grained buckets, both ACLs; the organisation policy once), with a plain client, no model, the same
     * concurrency and the same stub.
     */
    private static long bare(URI endpoint, int buckets, int concurrency) throws Exception {
        Storage s = StorageOptions.newBuilder().setHost(endpoint.toString()).setProjectId(PROJECT)
                .setCredentials(NoCredentials.getInstance()).build().getService();
        List<String> names = new ArrayList<>();
        s.list(Storage.BucketListOption.pageSize(1000), Storage.BucketListOption.fields(Storage.BucketField.NAME))
                .iterateAll().forEach(b -> names.add(b.getName()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        http.send(HttpRequest.newBuilder(URI.create(endpoint + "/v2/projects/" + PROJECT
                + "/policies/storage.publicAccessPrevention:getEffectivePolicy")).build(),
                HttpResponse.BodyHandlers.ofString());
        long calls = 2;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Integer>> done = new ArrayList<>();
        for (String name : names) {
            done.add(pool.submit(() -> {
                var b = s.get(name, Storage.BucketGetOption.fields(Storage.BucketField.IAMCONFIGURATION,
                        Storage.BucketField.ENCRYPTION, Storage.BucketField.RETENTION_POLICY,
                        Storage.BucketField.LOGGING, Storage.BucketField.VERSIONING, Storage.BucketField.PROJECT,
                        Storage.BucketField.NAME));
                s.getIamPolicy(name, Storage.BucketSourceOption.requestedPolicyVersion(3));
                if (b.getIamConfiguration() != null
                        && !Boolean.TRUE.equals(b.getIamConfiguration().isUniformBucketLevelAccessEnabled())) {
                    s.listAcls(name);
                    s.listDefaultAcls(name);
                    return 4;
                }
                return 2;
            }));
        }
        for (Future<Integer> f : done) {
            calls += f.get();
        }
        pool.shutdown();
        return calls;
    }
}
