package dev.bucketguard.cloud.gcp;

import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Compliance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Google Cloud Storage, contributed to the engine through the {@link Cloud} SPI. */
public final class GcpCloud implements Cloud {
    public static final String ID = "gcp";
    /** A Cloud Storage bucket. */
    public static final ResourceKind BUCKET = ResourceKind.of("BUCKET");
    /** An unauthenticated testIamPermissions showed that allUsers holds permissions on the bucket. */
    public static final ExposureTag PROBED_PUBLIC = new ExposureTag("PROBED_PUBLIC");
    /** The project's Google Cloud organisation. */
    public static final String ORGANIZATION = "organization";

    private static final Map<Fact, Function<GcpBucket, Object>> VALUES = Map.of(
            GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpBucket::publicAccessPrevention,
            GcpFacts.ORG_POLICY, GcpBucket::orgEnforcesPublicAccessPrevention,
            GcpFacts.LOGGING, GcpBucket::logging,
            GcpFacts.VERSIONING, GcpBucket::versioning,
            GcpFacts.ANONYMOUS_PROBE, GcpBucket::anonymousPermissions,
            GcpFacts.DATA_ACCESS_AUDIT, GcpBucket::dataAccessAudit,
            GcpFacts.LOG_ROUTING, GcpBucket::logRouting);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Google Cloud";
    }

    @Override
    public Set<ResourceKind> kinds() {
        return Set.of(BUCKET);
    }

    @Override
    public Set<Fact> facts() {
        return GcpFacts.ALL;
    }

    @Override
    public Set<Fact> verdictFacts() {
        return GcpFacts.VERDICT;
    }

    @Override
    public Set<Channel> channels() {
        return GcpChannels.ALL;
    }

    @Override
    public Set<String> parentKinds() {
        return Set.of(ORGANIZATION);
    }

    @Override
    public Class<? extends Details> detailsType() {
        return GcpBucket.class;
    }

    @Override
    public Verdict verdict(Resource resource, TrustZone trust) {
        return new GcpExposure(resource, trust).verdict();
    }

    @Override
    public ReadAudit readAudit(Resource resource, AuditContext context) {
        return new GcpReadAudit(resource, context).answer();
    }

    @Override
    public List<String> problems(Resource resource) {
        List<String> out = new ArrayList<>();
        GcpBucket b = resource.details() == null ? GcpBucket.UNREAD : resource.details(GcpBucket.class);
        VALUES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (resource.knows(e.getKey()) && e.getValue().apply(b) == null) {
                out.add("fact " + e.getKey() + " is collected and known, but its value is missing");
            }
        });
        if (resource.knows(GcpFacts.PUBLIC_ACCESS_PREVENTION) && b.uniformBucketLevelAccess() == null) {
            out.add("fact PUBLIC_ACCESS_PREVENTION is collected and known, but 'uniformBucketLevelAccess' is missing");
        }
        return out;
    }

    @Override
    public List<Compliance> compliance() {
        return List.of(Compliance.load(GcpCloud.class, "compliance/cis-gcp-foundation-3.0.0.yaml"));
    }
}
