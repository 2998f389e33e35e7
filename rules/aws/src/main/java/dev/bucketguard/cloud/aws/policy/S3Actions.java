package dev.bucketguard.cloud.aws.policy;

import dev.bucketguard.model.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The S3 actions bucketguard knows, what each one lets a caller do to the data, and whether it acts on the bucket or
 * on objects. Wildcards and NotAction are expanded against this table; an action that reaches no data (tags, CORS,
 * metrics) is listed with no permission so that NotAction complements stay honest.
 */
final class S3Actions {
    /** What an action is applied to, which decides the resource it must be granted on. */
    enum Level { BUCKET, OBJECT }

    /** One S3 action; {@code permission} is null when it reaches no data and no access control. */
    record Action(String name, Level level, Permission permission, boolean known) {
    }

    private static final Map<String, Action> TABLE = new LinkedHashMap<>();

    static {
        object(Permission.READ, "GetObject", "GetObjectVersion", "GetObjectTorrent", "GetObjectVersionTorrent",
                "GetObjectAttributes", "GetObjectVersionAttributes", "GetObjectTagging", "GetObjectVersionTagging",
                "GetObjectVersionForReplication");
        object(Permission.READ_ACP, "GetObjectAcl", "GetObjectVersionAcl");
        object(Permission.WRITE, "PutObject", "DeleteObject", "DeleteObjectVersion", "AbortMultipartUpload",
                "RestoreObject", "PutObjectTagging", "PutObjectVersionTagging", "DeleteObjectTagging",
                "DeleteObjectVersionTagging", "PutObjectRetention", "PutObjectLegalHold", "BypassGovernanceRetention",
                "ReplicateObject", "ReplicateDelete", "ReplicateTags", "ObjectOwnerOverrideToBucketOwner",
                "InitiateReplication");
        object(Permission.LIST, "ListMultipartUploadParts");
        object(Permission.WRITE_ACP, "PutObjectAcl", "PutObjectVersionAcl");
        object(null, "GetObjectRetention", "GetObjectLegalHold");
        bucket(Permission.LIST, "ListBucket", "ListBucketVersions", "ListBucketMultipartUploads",
                // These send object names elsewhere (events, inventory reports, access logs).
                "PutBucketNotification", "PutInventoryConfiguration", "PutBucketLogging");
        bucket(Permission.READ_ACP, "GetBucketAcl", "GetBucketPolicy", "GetBucketPolicyStatus",
                "GetBucketPublicAccessBlock", "GetBucketOwnershipControls");
        bucket(Permission.WRITE_ACP, "PutBucketAcl", "PutBucketPolicy", "DeleteBucketPolicy",
                "PutBucketPublicAccessBlock", "PutBucketOwnershipControls");
        // These destroy, copy away or lock up data even though they name no object.
        bucket(Permission.WRITE, "DeleteBucket", "PutLifecycleConfiguration", "PutBucketVersioning",
                "PutReplicationConfiguration", "PutEncryptionConfiguration", "PutBucketObjectLockConfiguration");
        bucket(null, "GetBucketLocation", "GetBucketTagging", "GetBucketVersioning", "GetBucketWebsite",
                "GetBucketCORS", "GetLifecycleConfiguration", "GetBucketLogging", "GetEncryptionConfiguration",
                "GetBucketNotification", "GetReplicationConfiguration", "GetAccelerateConfiguration",
                "GetBucketRequestPayment", "GetAnalyticsConfiguration", "GetMetricsConfiguration",
                "GetInventoryConfiguration", "GetIntelligentTieringConfiguration", "GetBucketObjectLockConfiguration",
                "PutBucketTagging", "PutBucketCORS", "PutBucketWebsite", "DeleteBucketWebsite",
                "PutBucketRequestPayment", "PutAccelerateConfiguration", "PutAnalyticsConfiguration",
                "PutMetricsConfiguration", "PutIntelligentTieringConfiguration", "CreateBucket",
                "ListAllMyBuckets", "GetAccessPoint", "ListAccessPoints");
    }

    private S3Actions() {
    }

    private static void object(Permission p, String... names) {
        for (String n : names) {
            TABLE.put(n.toLowerCase(Locale.ROOT), new Action(n, Level.OBJECT, p, true));
        }
    }

    private static void bucket(Permission p, String... names) {
        for (String n : names) {
            TABLE.put(n.toLowerCase(Locale.ROOT), new Action(n, Level.BUCKET, p, true));
        }
    }

    static List<Action> all() {
        return List.copyOf(TABLE.values());
    }

    /**
     * The S3 actions one Action entry names: a wildcard expands over the table, a literal S3 action outside the
     * table is judged by its verb (a new object read counts as a read), other services yield nothing.
     */
    static List<Action> expand(String pattern) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if ("*".equals(p)) {
            return all();
        }
        int colon = p.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        String service = p.substring(0, colon);
        String name = p.substring(colon + 1);
        if (!Glob.matches(service, "s3")) {
            return List.of();
        }
        if (!Glob.hasWildcard(name)) {
            Action known = TABLE.get(name);
            return List.of(known != null ? known : guess(pattern.substring(colon + 1)));
        }
        List<Action> out = new ArrayList<>();
        for (Map.Entry<String, Action> e : TABLE.entrySet()) {
            if (Glob.matches(name, e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** True when the Action pattern names this action ("s3:Get*" names GetObject). */
    static boolean names(String pattern, Action action) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if ("*".equals(p)) {
            return true;
        }
        int colon = p.indexOf(':');
        return colon >= 0 && Glob.matches(p.substring(0, colon), "s3")
                && Glob.matches(p.substring(colon + 1), action.name().toLowerCase(Locale.ROOT));
    }

    private static Action guess(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean object = n.contains("object");
        Level level = object ? Level.OBJECT : Level.BUCKET;
        Permission p;
        if (n.startsWith("list")) {
            p = Permission.LIST;
        } else if (n.startsWith("get")) {
            p = object ? Permission.READ : null;
        } else if (n.contains("acl") || n.contains("policy")) {
            p = Permission.WRITE_ACP;
        } else {
            p = Permission.WRITE;
        }
        return new Action(name, level, p, false);
    }
}
