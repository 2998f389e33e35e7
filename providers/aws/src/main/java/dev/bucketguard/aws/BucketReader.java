package dev.bucketguard.aws;

import dev.bucketguard.cloud.aws.AccessPoint;
import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.BucketPolicy;
import dev.bucketguard.cloud.aws.ObjectOwnership;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.cloud.aws.policy.MalformedPolicyException;
import dev.bucketguard.cloud.aws.policy.PolicyAnalysis;
import dev.bucketguard.cloud.aws.policy.PolicyEvaluator;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.model.Website;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Reads the requested facts of one bucket into a {@link Resource} with {@link S3Bucket} details. A fact that was read
 * gets an explicit value, "not configured" included ({@link BlockPublicAccess#NONE}, {@link BucketPolicy#NONE},
 * {@link ObjectOwnership#NOT_CONFIGURED}, {@link Logging#OFF}, {@link Versioning#NEVER_ENABLED}, {@link Website#OFF},
 * no access points). Every call that fails turns the facts it would have given into {@link Unknown}s naming the call,
 * the permission and the AWS error code, and leaves their values null; nothing that could not be read is ever taken
 * as absent.
 */
final class BucketReader {
    static final String POLICY_STATUS_NOT_IMPLEMENTED =
            "the endpoint returned no IsPublic (not implemented by this endpoint)";
    /** How many object keys the object-ACL sample draws from: the first pages of the listing. */
    static final int SAMPLE_KEY_WINDOW = 5000;

    /** What one account shares between its buckets. Thread-safe. */
    static final class Account {
        final String id;
        final AwsClients clients;
        final String globalRegion;
        final PolicyEvaluator evaluator;
        final int objectSample;
        /** The account's organisation, a parent of every bucket it owns; null when not trusted as the owner's. */
        String organization;
        /** The anonymous probe; null without {@code --probe-anonymous}. */
        S3AnonymousProbe probe;
        /** The scan's zone of trust, so that the probe judges a bucket as the report will. */
        TrustZone trust = TrustZone.OWNER_ONLY;
        /** Account-level Block Public Access, or null with {@link #accountBpaUnknown} set. */
        BlockPublicAccess accountBpa;
        Unknown accountBpaUnknown;
        /** The read audit's account-wide reads (trails, log destinations); set when they are asked for. */
        AuditReader audit;
        final Map<String, KeyManager> keys = new ConcurrentHashMap<>();
        /**
         * The account's access points per S3 Control region, listed once for all its buckets (one ListAccessPoints
         * per account and region instead of one per bucket); a listing that failed keeps its error, so that every
         * bucket of that region reports it.
         */
        private final Map<String, AccessPointListing> accessPoints = new ConcurrentHashMap<>();

        Account(String id, AwsClients clients, String globalRegion, int objectSample) {
            this.id = id;
            this.clients = clients;
            this.globalRegion = globalRegion;
            this.evaluator = new PolicyEvaluator(id);
            this.objectSample = objectSample;
        }

        /** The access points of one bucket, from the account-wide listing of its region; throws what it threw. */
        List<software.amazon.awssdk.services.s3control.model.AccessPoint> accessPointsOf(S3ControlClient control,
                                                                                          String region,
                                                                                          String bucket) {
            AccessPointListing listing = accessPoints.computeIfAbsent(region, r -> {
                try {
                    var all = new ArrayList<software.amazon.awssdk.services.s3control.model.AccessPoint>();
                    control.listAccessPointsPaginator(q -> q.accountId(id))
                            .forEach(page -> all.addAll(page.accessPointList()));
                    return new AccessPointListing(all, null);
                } catch (RuntimeException e) {
                    return new AccessPointListing(List.of(), e);
                }
            });
            if (listing.error() != null) {
                throw listing.error();
            }
            return listing.points().stream().filter(ap -> bucket.equals(ap.bucket())).toList();
        }
    }

    /** One region's access points of an account, or the error that kept them from being listed. */
    private record AccessPointListing(List<software.amazon.awssdk.services.s3control.model.AccessPoint> points,
                                      RuntimeException error) {
    }

    /** Who manages a KMS key, or the error code that kept DescribeKey from saying. */
    record KeyManager(String manager, String error) {
    }

    /** A bucket's resource, and the errors worth reporting beside it. */
    record Result(Resource resource, List<ScanError> errors) {
    }

    private static final AwsCloud CLOUD = new AwsCloud();

    private final Account account;
    private final Set<Fact> facts;
    private final String bucket;
    private final String region;
    private final S3Client s3;
    private final Resource.Builder out;
    private final List<ScanError> errors = new ArrayList<>();
    /** The S3 details read so far; each component is set only by the reading of its fact. */
    private S3Bucket details = S3Bucket.UNREAD;

    BucketReader(Account account, Set<Fact> facts, String bucket, String region) {
        this.account = account;
        this.facts = facts;
        this.bucket = bucket;
        this.region = region;
        this.s3 = account.clients.s3(region == null ? account.globalRegion : region);
        this.out = Resource.builder(AwsProvider.ID, account.id, bucket).kind(AwsCloud.BUCKET).region(region);
        if (account.organization != null) {
            out.parent(AwsCloud.ORGANIZATION, account.organization);
        }
    }

    private String ref() {
        return AwsProvider.ID + ":" + account.id + ":" + bucket;
    }

    Result read() {
        step(S3Facts.ACL, "GetBucketAcl", "s3:GetBucketAcl", this::readAcl);
        readPolicyAndStatus();
        step(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
                this::readBucketBpa);
        if (facts.contains(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT)) {
            out.collected(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT);
            if (account.accountBpaUnknown != null) {
                out.unknown(account.accountBpaUnknown);
            } else {
                details = details.withAccountBlockPublicAccess(account.accountBpa);
            }
        }
        step(S3Facts.OBJECT_OWNERSHIP, "GetBucketOwnershipControls", "s3:GetBucketOwnershipControls",
                this::readOwnership);
        if (facts.contains(S3Facts.ENCRYPTION) || facts.contains(S3Facts.ENCRYPTION_KEY)) {
            readEncryption();
        }
        step(S3Facts.WEBSITE, "GetBucketWebsite", "s3:GetBucketWebsite", this::readWebsite);
        step(S3Facts.LOGGING, "GetBucketLogging", "s3:GetBucketLogging", this::readLogging);
        step(S3Facts.LOG_DESTINATION, AuditReader.LIFECYCLE_CALL, AuditReader.LIFECYCLE_PERMISSION,
                this::readLogDestination);
        step(S3Facts.TRAILS, "DescribeTrails", "cloudtrail:DescribeTrails",
                () -> details = details.withTrails(account.audit.trails(region)));
        step(S3Facts.VERSIONING, "GetBucketVersioning", "s3:GetBucketVersioning", this::readVersioning);
        step(S3Facts.ACCESS_POINTS, "ListAccessPoints", "s3:ListAccessPoints", this::readAccessPoints);
        if (facts.contains(S3Facts.OBJECT_ACLS) && account.objectSample > 0) {
            step(S3Facts.OBJECT_ACLS, "ListObjectsV2", "s3:ListBucket", this::readObjectAcls);
        }
        if (account.probe != null) {
            probe();
        }
        if (!Collections.disjoint(facts, DETAIL_FACTS) || account.probe != null) {
            out.details(details);
        }
        return new Result(out.build(), errors);
    }

    /**
     * Probes the bucket when what was read judges it PUBLIC or UNKNOWN in the scan's zone of trust (never one the
     * report calls PRIVATE or CROSS_ACCOUNT).
     */
    private void probe() {
        Exposure exposure = CLOUD.verdict(out.details(details).build(), account.trust).exposure();
        if (exposure != Exposure.PUBLIC && exposure != Exposure.UNKNOWN) {
            return;
        }
        out.collected(S3Facts.ANONYMOUS_PROBE);
        details = details.withAnonymousProbes(account.probe.probe(s3, bucket,
                region == null ? account.globalRegion : region));
    }

    /** Runs one fact's reading; any failure, expected or not, makes that fact unknown and nothing else. */
    private void step(Fact fact, String call, String permission, Runnable reading) {
        if (!facts.contains(fact)) {
            return;
        }
        out.collected(fact);
        try {
            reading.run();
        } catch (RuntimeException e) {
            unknown(fact, call, permission, e);
        }
    }

    /** Records a failed call; a failure that is not the cloud's (a bug here) names no permission and is reported. */
    private void unknown(Fact fact, String call, String permission, RuntimeException e) {
        if (e instanceof AwsServiceException a && a.statusCode() == 501) {
            // An endpoint that does not implement the call (LocalStack's GetBucketPolicyStatus): no permission would
            // help, so none is named.
            out.unknown(fact, call, null, ErrorCodes.of(e) + " (HTTP 501: not implemented by this endpoint)");
            return;
        }
        boolean sdk = e instanceof software.amazon.awssdk.core.exception.SdkException;
        out.unknown(fact, call, sdk ? permission : null, ErrorCodes.of(e));
        if (!sdk) {
            errors.add(new ScanError(AwsProvider.ID, ref(), ScanError.Kind.INTERNAL, "reading " + fact + " of "
                    + ref() + " failed: " + ErrorCodes.of(e)));
        }
    }

    private void readAcl() {
        GetBucketAclResponse acl = s3.getBucketAcl(r -> r.bucket(bucket));
        String owner = acl.owner() == null ? null : acl.owner().id();
        out.grants(AclGrants.bucket(acl.grants(), owner));
    }

    private void readPolicyAndStatus() {
        if (facts.contains(S3Facts.POLICY)) {
            out.collected(S3Facts.POLICY);
            try {
                String json = s3.getBucketPolicy(r -> r.bucket(bucket)).policy();
                PolicyAnalysis analysis = account.evaluator.evaluate(json, S3Channels.POLICY, null);
                out.grants(analysis.grants());
                details = details.withPolicy(new BucketPolicy(true, analysis.undecided(), analysis.tlsEnforced(),
                        analysis.publicToS3(), analysis.tlsGaps()));
            } catch (MalformedPolicyException e) {
                out.unknown(S3Facts.POLICY, "GetBucketPolicy", null, "malformed policy: " + e.getMessage());
                errors.add(new ScanError(AwsProvider.ID, ref(), ScanError.Kind.CLOUD_DATA,
                        "the bucket policy of " + ref() + " cannot be read as an IAM policy: " + e.getMessage()
                                + "; the bucket's exposure is UNKNOWN until it is fixed"));
            } catch (RuntimeException e) {
                if (ErrorCodes.is(e, "NoSuchBucketPolicy")) {
                    details = details.withPolicy(BucketPolicy.NONE);
                } else {
                    unknown(S3Facts.POLICY, "GetBucketPolicy", "s3:GetBucketPolicy", e);
                }
            }
        }
        if (facts.contains(S3Facts.POLICY_STATUS)) {
            out.collected(S3Facts.POLICY_STATUS);
            try {
                GetBucketPolicyStatusResponse status = s3.getBucketPolicyStatus(r -> r.bucket(bucket));
                if (status.policyStatus() == null || status.policyStatus().isPublic() == null) {
                    // moto answers ?policyStatus with a listing the SDK reads as an empty status: never take it as
                    // "not public".
                    out.unknown(S3Facts.POLICY_STATUS, "GetBucketPolicyStatus", "s3:GetBucketPolicyStatus",
                            POLICY_STATUS_NOT_IMPLEMENTED);
                } else {
                    details = details.withPolicyStatusPublic(status.policyStatus().isPublic());
                }
            } catch (RuntimeException e) {
                if (ErrorCodes.is(e, "NoSuchBucketPolicy")) {
                    details = details.withPolicyStatusPublic(false);
                } else {
                    unknown(S3Facts.POLICY_STATUS, "GetBucketPolicyStatus", "s3:GetBucketPolicyStatus", e);
                }
            }
        }
    }

    private void readBucketBpa() {
        try {
            PublicAccessBlockConfiguration c = s3.getPublicAccessBlock(r -> r.bucket(bucket))
                    .publicAccessBlockConfiguration();
            details = details.withBucketBlockPublicAccess(c == null ? BlockPublicAccess.NONE : new BlockPublicAccess(
                    isTrue(c.blockPublicAcls()), isTrue(c.ignorePublicAcls()), isTrue(c.blockPublicPolicy()),
                    isTrue(c.restrictPublicBuckets())));
        } catch (RuntimeException e) {
            if (!ErrorCodes.is(e, "NoSuchPublicAccessBlockConfiguration")) {
                throw e;
            }
            details = details.withBucketBlockPublicAccess(BlockPublicAccess.NONE);
        }
    }

    private void readOwnership() {
        details = details.withObjectOwnership(ownershipOf(s3, bucket));
    }

    /** Object Ownership; NOT_CONFIGURED when the bucket has no setting (ACLs in force). */
    static ObjectOwnership ownershipOf(S3Client s3, String bucket) {
        try {
            var rules = s3.getBucketOwnershipControls(r -> r.bucket(bucket)).ownershipControls().rules();
            if (rules.isEmpty()) {
                return ObjectOwnership.NOT_CONFIGURED;
            }
            return switch (rules.get(0).objectOwnershipAsString()) {
                case "BucketOwnerEnforced" -> ObjectOwnership.BUCKET_OWNER_ENFORCED;
                case "BucketOwnerPreferred" -> ObjectOwnership.BUCKET_OWNER_PREFERRED;
                case "ObjectWriter" -> ObjectOwnership.OBJECT_WRITER;
                // A value this version does not know: ACLs may well be in force.
                default -> ObjectOwnership.NOT_CONFIGURED;
            };
        } catch (RuntimeException e) {
            if (ErrorCodes.is(e, "OwnershipControlsNotFoundError")) {
                return ObjectOwnership.NOT_CONFIGURED;
            }
            throw e;
        }
    }

    private void readEncryption() {
        boolean wantKey = facts.contains(S3Facts.ENCRYPTION_KEY);
        out.collected(facts.contains(S3Facts.ENCRYPTION) ? S3Facts.ENCRYPTION : S3Facts.ENCRYPTION_KEY);
        if (wantKey) {
            out.collected(S3Facts.ENCRYPTION_KEY);
        }
        GetBucketEncryptionResponse response;
        try {
            response = s3.getBucketEncryption(r -> r.bucket(bucket));
        } catch (RuntimeException e) {
            if (ErrorCodes.is(e, "ServerSideEncryptionConfigurationNotFoundError")) {
                out.encryption(legacyDefault());
                return;
            }
            String code = ErrorCodes.of(e);
            for (Fact f : List.of(S3Facts.ENCRYPTION, S3Facts.ENCRYPTION_KEY)) {
                if (facts.contains(f)) {
                    out.unknown(f, "GetBucketEncryption", "s3:GetEncryptionConfiguration", code);
                }
            }
            return;
        }
        ServerSideEncryptionByDefault rule = null;
        if (response.serverSideEncryptionConfiguration() != null) {
            for (ServerSideEncryptionRule r : response.serverSideEncryptionConfiguration().rules()) {
                if (r.applyServerSideEncryptionByDefault() != null) {
                    rule = r.applyServerSideEncryptionByDefault();
                    break;
                }
            }
        }
        if (rule == null) {
            // A rule holding only BucketKeyEnabled is no default rule either.
            out.encryption(legacyDefault());
            return;
        }
        String algorithm = rule.sseAlgorithmAsString();
        String key = rule.kmsMasterKeyID() == null || rule.kmsMasterKeyID().isBlank() ? null : rule.kmsMasterKeyID();
        if ("AES256".equals(algorithm)) {
            out.encryption(Encryption.providerManaged(algorithm));
        } else if ("aws:kms".equals(algorithm) || "aws:kms:dsse".equals(algorithm)) {
            if (key == null || key.endsWith("alias/aws/s3")) {
                out.encryption(new Encryption(EncryptionState.PROVIDER_MANAGED, true, algorithm, key, false, false));
            } else if (!wantKey) {
                out.encryption(new Encryption(EncryptionState.UNKNOWN, true, algorithm, key, false, false));
            } else {
                KeyManager manager = account.keys.computeIfAbsent(key, this::describeKey);
                if ("CUSTOMER".equals(manager.manager())) {
                    out.encryption(Encryption.customerManaged(algorithm, key));
                } else if ("AWS".equals(manager.manager())) {
                    out.encryption(new Encryption(EncryptionState.PROVIDER_MANAGED, true, algorithm, key, false, false));
                } else {
                    out.encryption(new Encryption(EncryptionState.UNKNOWN, true, algorithm, key, false, false));
                    out.unknown(S3Facts.ENCRYPTION_KEY, "DescribeKey", "kms:DescribeKey",
                            manager.error() == null ? "unknown KeyManager " + manager.manager() : manager.error());
                }
            }
        } else {
            out.encryption(new Encryption(EncryptionState.UNKNOWN, null, algorithm, key, false, false));
            if (facts.contains(S3Facts.ENCRYPTION)) {
                out.unknown(S3Facts.ENCRYPTION, "GetBucketEncryption", null, "unknown SSEAlgorithm " + algorithm);
            }
        }
    }

    private static Encryption legacyDefault() {
        return new Encryption(EncryptionState.PROVIDER_MANAGED, true, null, null, true, false);
    }

    private KeyManager describeKey(String key) {
        String keyRegion = key.startsWith("arn:") && key.split(":").length > 3 ? key.split(":")[3] : null;
        if (keyRegion == null || keyRegion.isBlank()) {
            keyRegion = region == null ? account.globalRegion : region;
        }
        try {
            KeyManagerType type = account.clients.kms(keyRegion).describeKey(r -> r.keyId(key)).keyMetadata()
                    .keyManager();
            return new KeyManager(type == null ? null : type.toString(), type == null ? "no KeyManager" : null);
        } catch (RuntimeException e) {
            return new KeyManager(null, ErrorCodes.of(e));
        }
    }

    private void readWebsite() {
        try {
            s3.getBucketWebsite(r -> r.bucket(bucket));
            details = details.withWebsite(new Website(true, websiteEndpoint(bucket,
                    region == null ? account.globalRegion : region)));
        } catch (RuntimeException e) {
            if (!ErrorCodes.is(e, "NoSuchWebsiteConfiguration")) {
                throw e;
            }
            details = details.withWebsite(Website.OFF);
        }
    }

    /** Older regions use {@code s3-website-<region>}, newer ones {@code s3-website.<region>}. */
    static String websiteEndpoint(String bucket, String region) {
        Set<String> dash = Set.of("us-east-1", "us-west-1", "us-west-2", "ap-southeast-1", "ap-southeast-2",
                "ap-northeast-1", "eu-west-1", "sa-east-1", "us-gov-west-1");
        return "http://" + bucket + ".s3-website" + (dash.contains(region) ? "-" : ".") + region + ".amazonaws.com";
    }

    private void readLogging() {
        GetBucketLoggingResponse logging = s3.getBucketLogging(r -> r.bucket(bucket));
        if (logging.loggingEnabled() == null || logging.loggingEnabled().targetBucket() == null) {
            details = details.withLogging(Logging.OFF);
        } else {
            String prefix = logging.loggingEnabled().targetPrefix();
            details = details.withLogging(new Logging(true, logging.loggingEnabled().targetBucket() + "/"
                    + (prefix == null ? "" : prefix)));
        }
    }

    /** The server access log target's lifecycle; needs GetBucketLogging's answer first. */
    private void readLogDestination() {
        if (!facts.contains(S3Facts.LOGGING) || details.logging() == null) {
            out.unknown(S3Facts.LOG_DESTINATION, "GetBucketLogging", "s3:GetBucketLogging",
                    "the logging target could not be read, so neither could its lifecycle");
            return;
        }
        if (!details.logging().enabled()) {
            return;
        }
        String target = details.logging().target();
        int slash = target.indexOf('/');
        details = details.withLogDestination(account.audit.destination(target.substring(0, slash),
                target.substring(slash + 1)));
    }

    private void readVersioning() {
        GetBucketVersioningResponse v = s3.getBucketVersioning(r -> r.bucket(bucket));
        String status = v.status() == null ? null : v.statusAsString();
        Boolean mfa = v.mfaDelete() == null ? null : "Enabled".equals(v.mfaDeleteAsString());
        details = details.withVersioning(status == null && mfa == null ? Versioning.NEVER_ENABLED
                : new Versioning(status, mfa, null, null));
    }

    private void readAccessPoints() {
        S3ControlClient control = account.clients.s3Control(region == null ? account.globalRegion : region);
        var listed = new ArrayList<>(account.accessPointsOf(control,
                region == null ? account.globalRegion : region, bucket));
        listed.sort((a, b) -> a.name().compareTo(b.name()));
        List<AccessPoint> points = new ArrayList<>();
        for (var ap : listed) {
            BlockPublicAccess bpa = null;
            String origin = ap.networkOriginAsString();
            try {
                var got = control.getAccessPoint(r -> r.accountId(account.id).name(ap.name()));
                var c = got.publicAccessBlockConfiguration();
                bpa = c == null ? BlockPublicAccess.NONE : new BlockPublicAccess(isTrue(c.blockPublicAcls()),
                        isTrue(c.ignorePublicAcls()), isTrue(c.blockPublicPolicy()), isTrue(c.restrictPublicBuckets()));
                if (got.networkOriginAsString() != null) {
                    origin = got.networkOriginAsString();
                }
            } catch (RuntimeException e) {
                out.unknown(S3Facts.ACCESS_POINTS, "GetAccessPoint", "s3:GetAccessPoint", ErrorCodes.of(e));
            }
            boolean policyRead = true;
            try {
                String json = control.getAccessPointPolicy(r -> r.accountId(account.id).name(ap.name())).policy();
                out.grants(account.evaluator.evaluate(json, S3Channels.ACCESS_POINT_POLICY, ap.name()).grants());
            } catch (MalformedPolicyException e) {
                policyRead = false;
                out.unknown(S3Facts.ACCESS_POINTS, "GetAccessPointPolicy", null, "malformed policy: " + e.getMessage());
                errors.add(new ScanError(AwsProvider.ID, ref(), ScanError.Kind.CLOUD_DATA, "the policy of access point '"
                        + ap.name() + "' of " + ref() + " is malformed: " + e.getMessage()));
            } catch (RuntimeException e) {
                if (!ErrorCodes.is(e, "NoSuchAccessPointPolicy")) {
                    policyRead = false;
                    unknown(S3Facts.ACCESS_POINTS, "GetAccessPointPolicy", "s3:GetAccessPointPolicy", e);
                }
            }
            // Listed even when its own settings could not be read: its grants and its unread policy still count.
            points.add(new AccessPoint(ap.name(), account.id, origin, bpa, policyRead));
        }
        details = details.withAccessPoints(points);
    }

    /**
     * Samples object ACLs: lists up to {@link #SAMPLE_KEY_WINDOW} keys (the first pages, in key order) and reads the
     * ACLs of N keys evenly spaced across them, so that a sample is not just the first few keys of one prefix.
     */
    private void readObjectAcls() {
        ObjectOwnership own = details.objectOwnership();
        if (own == null) {
            try {
                own = ownershipOf(s3, bucket);
            } catch (RuntimeException e) {
                // Unknown ownership: ACLs may be in force, so sample them.
                own = ObjectOwnership.NOT_CONFIGURED;
            }
        }
        if (!own.aclsEnabled()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(1000).continuationToken(t));
            for (S3Object o : page.contents()) {
                keys.add(o.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null && keys.size() < SAMPLE_KEY_WINDOW);
        for (String key : spread(keys, account.objectSample)) {
            try {
                GetObjectAclResponse acl = s3.getObjectAcl(r -> r.bucket(bucket).key(key));
                String owner = acl.owner() == null ? null : acl.owner().id();
                for (Grant g : AclGrants.object(acl.grants(), owner, key)) {
                    if (g.grantee().isPublic()) {
                        out.grant(g);
                    }
                }
            } catch (RuntimeException e) {
                out.unknown(S3Facts.OBJECT_ACLS, "GetObjectAcl", "s3:GetObjectAcl", ErrorCodes.of(e));
                return;
            }
        }
    }

    /** Up to n items evenly spaced over the list, the first one included. */
    static List<String> spread(List<String> items, int n) {
        if (items.size() <= n) {
            return List.copyOf(items);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(items.get((int) ((long) i * items.size() / n)));
        }
        return out;
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /** The facts whose values live in {@link S3Bucket}: the details are written when any of them is collected. */
    static final Set<Fact> DETAIL_FACTS = Set.of(S3Facts.POLICY, S3Facts.POLICY_STATUS,
            S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Facts.OBJECT_OWNERSHIP,
            S3Facts.WEBSITE, S3Facts.LOGGING, S3Facts.VERSIONING, S3Facts.ACCESS_POINTS, S3Facts.LOG_DESTINATION,
            S3Facts.TRAILS);
}
