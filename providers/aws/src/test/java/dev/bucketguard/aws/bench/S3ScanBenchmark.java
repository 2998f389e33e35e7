package dev.bucketguard.aws.bench;

import dev.bucketguard.aws.AwsOptions;
import dev.bucketguard.aws.AwsProvider;
import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Scans N buckets with mixed settings on a moto server and compares the wall time with a bare client making the
 * same number of S3 GET calls at the same concurrency against the same server (the floor no scanner can beat).
 * Run by bench/s3-scan.sh; not part of the test suite.
 *
 * <p>Arguments: endpoint, bucket count, concurrency. Credentials come from the environment (default chain).
 */
public final class S3ScanBenchmark {
    private S3ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--latency")) {
            latency(URI.create(args[1]), Long.parseLong(args[2]), args[3].split(","));
            return;
        }
        URI endpoint = URI.create(args[0]);
        int buckets = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        try (var http = Apache5HttpClient.builder().maxConnections(Math.max(50, concurrency * 2)).build();
             S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(http).build()) {
            long t0 = System.nanoTime();
            provision(s3, buckets, concurrency);
            System.out.printf("provisioned %d buckets in %.1f s%n", buckets, (System.nanoTime() - t0) / 1e9);

            FactSelection facts = FactSelection.only(AwsCloud.ID, java.util.Set.of(S3Facts.ACL, S3Facts.POLICY,
                    S3Facts.POLICY_STATUS, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT,
                    S3Facts.OBJECT_OWNERSHIP, S3Facts.ENCRYPTION, S3Facts.ENCRYPTION_KEY, S3Facts.WEBSITE,
                    S3Facts.LOGGING, S3Facts.VERSIONING));
            // Warm the JVM (class loading, JIT) on a few buckets, as the bare client below is warm too.
            new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), endpoint, 0, concurrency))
                    .collect(facts, m -> { });
            AwsProvider provider = new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), endpoint, 0,
                    concurrency));
            long s0 = System.nanoTime();
            Inventory inv = provider.collect(facts, m -> { });
            double scan = (System.nanoTime() - s0) / 1e9;
            Map<String, Long> calls = provider.apiCalls();
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            long s3Calls = calls.entrySet().stream().filter(e -> !e.getKey().contains(":"))
                    .mapToLong(Map.Entry::getValue).sum();
            if (inv.resources().size() != buckets) {
                throw new IllegalStateException("scanned " + inv.resources().size() + " of " + buckets);
            }
            long unknown = inv.resources().stream().mapToLong(r -> r.unknowns().size()).sum();

            // The floor: the same S3 GETs per bucket (so the server does the same work, errors included), no
            // model, same concurrency, same server, a warm client.
            long b0 = System.nanoTime();
            bareGets(s3, buckets, concurrency);
            double bare = (System.nanoTime() - b0) / 1e9;

            System.out.printf("buckets            %d (concurrency %d)%n", buckets, concurrency);
            System.out.printf("scan wall time     %.2f s%n", scan);
            System.out.printf("buckets per second %.1f%n", buckets / scan);
            System.out.printf("API calls          %d total, %.2f per bucket (%s)%n", total, (double) total / buckets,
                    calls);
            System.out.printf("unknown facts      %d%n", unknown);
            System.out.printf("bare client        %.2f s for the same %d S3 GETs%n", bare, s3Calls);
            System.out.printf("scan / bare        %.2fx (goal <= 1.1x)%n", scan / bare);
            System.out.printf("peak heap          %.1f MiB%n", peakHeap() / 1048576.0);
        }
    }

    /**
     * Scans through a proxy that adds {@code millis} to every request (closer to a real cloud, where the round trip
     * and the requests in flight decide the time, not the emulator), at each bucket count: the fixed 16 requests in
     * flight of before, against AIMD up to 64.
     */
    private static void latency(URI endpoint, long millis, String[] counts) throws Exception {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        FactSelection facts = FactSelection.only(AwsCloud.ID, java.util.Set.of(S3Facts.ACL, S3Facts.POLICY,
                S3Facts.POLICY_STATUS, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT,
                S3Facts.OBJECT_OWNERSHIP, S3Facts.ENCRYPTION, S3Facts.ENCRYPTION_KEY, S3Facts.WEBSITE,
                S3Facts.LOGGING, S3Facts.VERSIONING));
        int provisioned = 0;
        try (var http = Apache5HttpClient.builder().maxConnections(64).build();
             S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(http).build();
             dev.bucketguard.aws.FaultProxy proxy = new dev.bucketguard.aws.FaultProxy(endpoint).delay(millis)) {
            System.out.printf("added latency     %d ms per request (a proxy in front of moto)%n", millis);
            for (String count : counts) {
                int buckets = Integer.parseInt(count.trim());
                provision(s3, provisioned, buckets, 16);
                if (provisioned == 0) {
                    // Warm the JVM (class loading, JIT) and moto once, untimed, so the first timed run is not slower.
                    new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), proxy.endpoint(), 0, 16))
                            .collect(facts, m -> { });
                }
                provisioned = buckets;
                for (boolean adaptive : new boolean[] {false, true}) {
                    int concurrency = adaptive ? AwsOptions.DEFAULT_CONCURRENCY : 16;
                    AwsProvider provider = new AwsProvider(new AwsOptions(null, "us-east-1", List.of(),
                            proxy.endpoint(), 0, concurrency)).adaptive(adaptive);
                    long s0 = System.nanoTime();
                    Inventory inv = provider.collect(facts, m -> { });
                    double wall = (System.nanoTime() - s0) / 1e9;
                    if (inv.resources().size() != buckets) {
                        throw new IllegalStateException("scanned " + inv.resources().size() + " of " + buckets);
                    }
                    long total = provider.apiCalls().values().stream().mapToLong(Long::longValue).sum();
                    System.out.printf("%5d buckets  %-22s %7.2f s  %.2f calls per bucket  %d unknown facts%n",
                            buckets, adaptive ? "AIMD up to 64" : "fixed 16 (before)", wall,
                            (double) total / buckets, inv.resources().stream().mapToLong(r -> r.unknowns().size())
                                    .sum());
                }
            }
        }
    }

    private static void provision(S3Client s3, int buckets, int concurrency) throws Exception {
        provision(s3, 0, buckets, concurrency);
    }

    private static void provision(S3Client s3, int from, int buckets, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        for (int i = from; i < buckets; i++) {
            String name = String.format("bench-%05d", i);
            int n = i;
            done.add(pool.submit(() -> {
                s3.createBucket(r -> r.bucket(name).acl(n % 10 == 0 ? BucketCannedACL.PUBLIC_READ
                        : BucketCannedACL.PRIVATE));
                if (n % 5 == 0) {
                    s3.putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(java.util.List.of(
                software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule.builder()
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)).build()))));
                }
                if (n % 7 == 0) {
                    s3.putBucketVersioning(r -> r.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
                }
                if (n % 11 == 0) {
                    s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c
                            .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                            .restrictPublicBuckets(true)));
                }
                if (n % 13 == 0) {
                    s3.putBucketPolicy(r -> r.bucket(name).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                            + "\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                            + "\"Resource\":\"arn:aws:s3:::" + name + "/*\"}]}"));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void bareGets(S3Client s3, int buckets, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            String b = String.format("bench-%05d", i);
            done.add(pool.submit(() -> {
                List<Runnable> calls = List.of(
                        () -> s3.getBucketLocation(r -> r.bucket(b)),
                        () -> s3.getBucketAcl(r -> r.bucket(b)),
                        () -> s3.getBucketPolicy(r -> r.bucket(b)),
                        () -> s3.getBucketPolicyStatus(r -> r.bucket(b)),
                        () -> s3.getPublicAccessBlock(r -> r.bucket(b)),
                        () -> s3.getBucketOwnershipControls(r -> r.bucket(b)),
                        () -> s3.getBucketEncryption(r -> r.bucket(b)),
                        () -> s3.getBucketWebsite(r -> r.bucket(b)),
                        () -> s3.getBucketLogging(r -> r.bucket(b)),
                        () -> s3.getBucketVersioning(r -> r.bucket(b)));
                for (Runnable call : calls) {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        // NoSuch... answers are part of the work, as in the scan.
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
