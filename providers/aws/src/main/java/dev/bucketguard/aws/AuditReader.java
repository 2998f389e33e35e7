package dev.bucketguard.aws;

import dev.bucketguard.cloud.aws.AdvancedEventSelector;
import dev.bucketguard.cloud.aws.EventSelector;
import dev.bucketguard.cloud.aws.Expiration;
import dev.bucketguard.cloud.aws.Lifecycle;
import dev.bucketguard.cloud.aws.LogDestination;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.cloud.aws.Trail;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;

/**
 * What the read audit needs of one account, read once and shared by its buckets: the CloudTrail trails of each region
 * (DescribeTrails with shadow trails, then GetTrailStatus and GetEventSelectors once per trail, in its home region),
 * and the lifecycle of each log destination bucket (GetBucketLifecycleConfiguration once per bucket). A destination
 * that is not one of the account's buckets is outside the scan: its lifecycle is not read and its retention stays
 * unknown. Thread-safe.
 */
final class AuditReader {
    static final String LIFECYCLE_CALL = "GetBucketLifecycleConfiguration";
    static final String LIFECYCLE_PERMISSION = "s3:GetLifecycleConfiguration";

    private final String accountId;
    private final AwsClients clients;
    private final String globalRegion;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Cached<List<Trail>>> trailsByRegion = new ConcurrentHashMap<>();
    private final Map<String, Trail> trailsByArn = new ConcurrentHashMap<>();
    private final Map<String, Cached<Lifecycle>> lifecycles = new ConcurrentHashMap<>();

    /** A value, or the error that kept it from being read: cached either way, so a refusal costs one call. */
    private record Cached<T>(T value, RuntimeException error) {
        static <T> Cached<T> of(Supplier<T> read) {
            try {
                return new Cached<>(read.get(), null);
            } catch (RuntimeException e) {
                return new Cached<>(null, e);
            }
        }

        T get() {
            if (error != null) {
                throw error;
            }
            return value;
        }
    }

    AuditReader(String accountId, AwsClients clients, String globalRegion, List<Bucket> buckets) {
        this.accountId = accountId;
        this.clients = clients;
        this.globalRegion = globalRegion;
        buckets.forEach(b -> this.buckets.put(b.name(), b));
    }

    /** A bucket that receives logs under a prefix, with its lifecycle; throws what the lifecycle read threw. */
    LogDestination destination(String bucket, String prefix) {
        if (!buckets.containsKey(bucket)) {
            return new LogDestination(bucket, prefix, null, "bucket " + bucket + " is not one of account " + accountId
                    + "'s buckets, so its lifecycle was not read");
        }
        return new LogDestination(bucket, prefix, lifecycles.computeIfAbsent(bucket,
                b -> Cached.of(() -> readLifecycle(b))).get(), null);
    }

    private Lifecycle readLifecycle(String bucket) {
        String region = AwsProvider.regionOf(clients.s3(globalRegion), buckets.get(bucket));
        try {
            List<Expiration> out = new ArrayList<>();
            for (LifecycleRule r : clients.s3(region == null ? globalRegion : region)
                    .getBucketLifecycleConfiguration(q -> q.bucket(bucket)).rules()) {
                if (!"Enabled".equals(r.statusAsString()) || r.expiration() == null
                        || (r.expiration().days() == null && r.expiration().date() == null)) {
                    continue;
                }
                out.add(new Expiration(r.id(), prefixOf(r), narrowed(r.filter()), r.expiration().days(),
                        r.expiration().days() != null ? null : r.expiration().date().toString().substring(0, 10)));
            }
            return new Lifecycle(out);
        } catch (RuntimeException e) {
            if (ErrorCodes.is(e, "NoSuchLifecycleConfiguration")) {
                return Lifecycle.NONE;
            }
            throw e;
        }
    }

    @SuppressWarnings("deprecation")
    private static String prefixOf(LifecycleRule r) {
        LifecycleRuleFilter f = r.filter();
        if (f == null) {
            return r.prefix();
        }
        if (f.prefix() != null) {
            return f.prefix();
        }
        return f.and() != null ? f.and().prefix() : "";
    }

    private static boolean narrowed(LifecycleRuleFilter f) {
        return f != null && (f.tag() != null || f.objectSizeGreaterThan() != null || f.objectSizeLessThan() != null
                || (f.and() != null && (!f.and().tags().isEmpty() || f.and().objectSizeGreaterThan() != null
                        || f.and().objectSizeLessThan() != null)));
    }

    /** The trails that apply to a region; throws what DescribeTrails threw. */
    List<Trail> trails(String region) {
        String r = region == null ? globalRegion : region;
        return trailsByRegion.computeIfAbsent(r, x -> Cached.of(() -> {
            List<Trail> out = new ArrayList<>();
            for (var t : clients.cloudTrail(x).describeTrails(q -> q.includeShadowTrails(true)).trailList()) {
                out.add(trailsByArn.computeIfAbsent(t.trailARN() == null ? t.name() : t.trailARN(), arn -> trail(t)));
            }
            out.sort(Comparator.comparing(Trail::name).thenComparing(t -> String.valueOf(t.arn())));
            return List.copyOf(out);
        })).get();
    }

    private Trail trail(software.amazon.awssdk.services.cloudtrail.model.Trail t) {
        String home = t.homeRegion() == null ? globalRegion : t.homeRegion();
        String id = t.trailARN() == null ? t.name() : t.trailARN();
        CloudTrailClient client = clients.cloudTrail(home);
        List<Unknown> unread = new ArrayList<>();
        Boolean logging = null;
        try {
            logging = client.getTrailStatus(q -> q.name(id)).isLogging();
        } catch (SdkException e) {
            unread.add(failed("GetTrailStatus", "cloudtrail:GetTrailStatus", e));
        }
        List<EventSelector> basic = null;
        List<AdvancedEventSelector> advanced = null;
        try {
            GetEventSelectorsResponse s = client.getEventSelectors(q -> q.trailName(id));
            basic = s.eventSelectors().stream().map(e -> new EventSelector(e.readWriteTypeAsString(),
                    e.dataResources().stream().map(d -> new EventSelector.DataResource(d.type(), d.values()))
                            .toList())).toList();
            advanced = s.advancedEventSelectors().stream().map(a -> new AdvancedEventSelector(a.name(),
                    a.fieldSelectors().stream().map(AuditReader::field).toList())).toList();
        } catch (SdkException e) {
            unread.add(failed("GetEventSelectors", "cloudtrail:GetEventSelectors", e));
        }
        LogDestination destination = null;
        if (t.s3BucketName() != null) {
            String keys = (t.s3KeyPrefix() == null || t.s3KeyPrefix().isEmpty() ? "" : t.s3KeyPrefix() + "/")
                    + "AWSLogs/";
            try {
                destination = destination(t.s3BucketName(), keys);
            } catch (SdkException e) {
                unread.add(failed(LIFECYCLE_CALL, LIFECYCLE_PERMISSION, e));
            }
        }
        return new Trail(t.name(), t.trailARN(), home, Boolean.TRUE.equals(t.isMultiRegionTrail()), logging, basic,
                advanced, destination, unread);
    }

    private static AdvancedEventSelector.FieldSelector field(AdvancedFieldSelector f) {
        return new AdvancedEventSelector.FieldSelector(f.field(), f.equalsValue(), f.startsWith(), f.endsWith(),
                f.notEquals(), f.notStartsWith(), f.notEndsWith());
    }

    private static Unknown failed(String call, String permission, RuntimeException e) {
        return new Unknown(S3Facts.TRAILS, call, permission, ErrorCodes.of(e));
    }
}
