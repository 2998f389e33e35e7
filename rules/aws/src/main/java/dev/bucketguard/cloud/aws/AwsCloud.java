package dev.bucketguard.cloud.aws;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Compliance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** AWS S3, contributed to the engine through the {@link Cloud} SPI. */
public final class AwsCloud implements Cloud {
    public static final String ID = "aws";
    /** An S3 bucket. */
    public static final ResourceKind BUCKET = ResourceKind.of("BUCKET");
    /** The owner's AWS Organizations organisation ({@code o-...}). */
    public static final String ORGANIZATION = "organization";
    /** An unsigned request to the bucket was served ({@code --probe-anonymous}): public, proven from outside. */
    public static final ExposureTag PROBED_PUBLIC = new ExposureTag("PROBED_PUBLIC");
    /** Public through an access point. */
    public static final ExposureTag ACCESS_POINT = new ExposureTag("ACCESS_POINT");

    /** Each fact whose value lives in {@link S3Bucket}, with the component that holds it. */
    private static final Map<Fact, Function<S3Bucket, Object>> VALUES = Map.of(
            S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Bucket::accountBlockPublicAccess,
            S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Bucket::bucketBlockPublicAccess,
            S3Facts.OBJECT_OWNERSHIP, S3Bucket::objectOwnership,
            S3Facts.POLICY, S3Bucket::policy,
            S3Facts.POLICY_STATUS, S3Bucket::policyStatusPublic,
            S3Facts.LOGGING, S3Bucket::logging,
            S3Facts.VERSIONING, S3Bucket::versioning,
            S3Facts.WEBSITE, S3Bucket::website);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "AWS";
    }

    @Override
    public Set<ResourceKind> kinds() {
        return Set.of(BUCKET);
    }

    @Override
    public Set<Fact> facts() {
        return S3Facts.ALL;
    }

    @Override
    public Set<Fact> verdictFacts() {
        return S3Facts.VERDICT;
    }

    @Override
    public Set<Channel> channels() {
        return S3Channels.ALL;
    }

    @Override
    public Set<String> parentKinds() {
        return Set.of(ORGANIZATION);
    }

    @Override
    public Class<? extends Details> detailsType() {
        return S3Bucket.class;
    }

    @Override
    public Verdict verdict(Resource resource, TrustZone trust) {
        return new AwsExposure(resource, trust).verdict();
    }

    @Override
    public ReadAudit readAudit(Resource resource, AuditContext context) {
        return new AwsReadAudit(resource, context).answer();
    }

    @Override
    public List<String> problems(Resource resource) {
        List<String> out = new ArrayList<>();
        S3Bucket b = S3Bucket.of(resource);
        VALUES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (resource.knows(e.getKey()) && e.getValue().apply(b) == null) {
                out.add("fact " + e.getKey() + " is collected and known, but its value is missing");
            }
        });
        if (resource.knows(S3Facts.LOG_DESTINATION) && resource.knows(S3Facts.LOGGING) && b.logging() != null
                && b.logging().enabled() && b.logDestination() == null) {
            out.add("fact LOG_DESTINATION is collected and known and logging is on, but 'logDestination' is missing");
        }
        if (resource.knows(S3Facts.ENCRYPTION) && resource.encryption() == null) {
            out.add("fact ENCRYPTION is collected and known, but 'encryption' is missing");
        }
        return out;
    }

    @Override
    public List<Compliance> compliance() {
        return List.of(Compliance.load(AwsCloud.class, "compliance/cis-aws-foundations-3.0.0.yaml"),
                Compliance.load(AwsCloud.class, "compliance/cis-aws-foundations-1.5.0.yaml"));
    }
}
