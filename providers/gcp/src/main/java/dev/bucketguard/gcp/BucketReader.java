package dev.bucketguard.gcp;

import com.google.api.gax.paging.Page;
import com.google.cloud.Binding;
import com.google.cloud.Condition;
import com.google.cloud.Policy;
import com.google.cloud.storage.Acl;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import dev.bucketguard.cloud.gcp.DataAccessAudit;
import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpChannels;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.cloud.gcp.GcsRoles;
import dev.bucketguard.cloud.gcp.LogRouting;
import dev.bucketguard.cloud.gcp.PublicAccessPrevention;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one bucket: only the facts asked for, each call on its own, so that one refused call costs one fact (an
 * {@link dev.bucketguard.model.Unknown} naming the call and the permission) and never the bucket.
 */
final class BucketReader {
    /** What allUsers is asked about by the anonymous probe. */
    static final List<String> PROBED = List.of("storage.buckets.get", "storage.buckets.getIamPolicy",
            "storage.buckets.setIamPolicy", "storage.buckets.update", "storage.objects.create",
            "storage.objects.delete", "storage.objects.get", "storage.objects.list");
    private static final Set<Fact> METADATA = Set.of(GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpFacts.ENCRYPTION,
            GcpFacts.LOGGING, GcpFacts.VERSIONING);

    /** The project the bucket is read for, shared by its buckets. */
    static final class Project {
        final String id;
        final Storage storage;
        final GcpClients clients;
        final int objectSample;
        final boolean probe;
        /** The organisation policy: true/false, or null with {@link #orgPolicyError} when unreadable. */
        volatile Boolean orgEnforces;
        volatile String orgPolicyError;
        /** The Data Access audit configuration, or null with {@link #auditError} when unreadable. */
        volatile DataAccessAudit audit;
        volatile String auditError;
        /** Where the sinks send Data Access logs, or null with {@link #routingError} when unreadable. */
        volatile LogRouting routing;
        volatile String routingError;
        /** How long storage buckets keep logs, read once per bucket and prefix. */
        final Lifecycle lifecycle;

        Project(String id, GcpClients clients, int objectSample, boolean probe) {
            this.id = id;
            this.clients = clients;
            this.storage = clients.storage(id);
            this.objectSample = objectSample;
            this.probe = probe;
            this.lifecycle = new Lifecycle(storage);
        }

        /** Reads what every bucket of the project shares: only the facts asked for, once. */
        void readShared(Set<Fact> facts) {
            if (facts.contains(GcpFacts.ORG_POLICY)) {
                try {
                    orgEnforces = clients.orgPolicy().enforced(id);
                } catch (java.io.IOException | RuntimeException e) {
                    orgPolicyError = ErrorCodes.of(e);
                }
            }
            if (facts.contains(GcpFacts.DATA_ACCESS_AUDIT)) {
                try {
                    audit = clients.auditLogs().dataAccess(id);
                } catch (java.io.IOException | RuntimeException e) {
                    auditError = ErrorCodes.of(e);
                }
            }
            if (facts.contains(GcpFacts.LOG_ROUTING)) {
                try {
                    routing = clients.auditLogs().routing(id, bucket -> lifecycle.retention(bucket,
                            AuditLogReader.DATA_ACCESS_PREFIX));
                } catch (java.io.IOException | RuntimeException e) {
                    routingError = ErrorCodes.of(e);
                }
            }
        }
    }

    private final Project project;
    private final Set<Fact> facts;
    private final String name;
    private final Resource.Builder out;
    private PublicAccessPrevention pap;
    private Boolean ubla;
    private Logging logging;
    private Versioning versioning;
    private Retention usageLogRetention;
    private String projectNumber;
    private List<String> anonymous;

    BucketReader(Project project, Set<Fact> facts, String name) {
        this.project = project;
        this.facts = facts;
        this.name = name;
        this.out = Resource.builder(GcpCloud.ID, project.id, name).kind(GcpCloud.BUCKET);
    }

    Resource read() {
        if (METADATA.stream().anyMatch(facts::contains)) {
            readMetadata();
        }
        shared(GcpFacts.ORG_POLICY, project.orgEnforces, OrgPolicyReader.CALL, OrgPolicyReader.PERMISSION,
                project.orgPolicyError);
        shared(GcpFacts.DATA_ACCESS_AUDIT, project.audit, AuditLogReader.IAM_CALL, AuditLogReader.IAM_PERMISSION,
                project.auditError);
        shared(GcpFacts.LOG_ROUTING, project.routing, AuditLogReader.SINKS_CALL, AuditLogReader.SINKS_PERMISSION,
                project.routingError);
        if (facts.contains(GcpFacts.IAM_POLICY)) {
            readIam();
        }
        boolean aclsOff = Boolean.TRUE.equals(ubla);
        if (facts.contains(GcpFacts.ACL)) {
            readAcl(GcpFacts.ACL, "bucketAccessControls.list", aclsOff);
        }
        if (facts.contains(GcpFacts.DEFAULT_OBJECT_ACL)) {
            readAcl(GcpFacts.DEFAULT_OBJECT_ACL, "defaultObjectAccessControls.list", aclsOff);
        }
        if (facts.contains(GcpFacts.OBJECT_ACLS) && project.objectSample > 0) {
            readObjectAcls(aclsOff);
        }
        if (project.probe && facts.contains(GcpFacts.ANONYMOUS_PROBE)) {
            probe();
        }
        return out.details(details()).build();
    }

    /** A fact the project's buckets share: known when the project read it, else unknown with its error. */
    private void shared(Fact fact, Object value, String call, String permission, String error) {
        if (!facts.contains(fact)) {
            return;
        }
        if (value != null) {
            out.collected(fact);
        } else {
            out.unknown(fact, call, permission, error == null ? "not read" : error);
        }
    }

    private GcpBucket details() {
        return new GcpBucket(pap, pap == null ? null : ubla, project.orgEnforces, logging, versioning, projectNumber,
                anonymous, usageLogRetention, project.audit, project.routing);
    }

    private void readMetadata() {
        Bucket b;
        try {
            b = project.storage.get(name, Storage.BucketGetOption.fields(Storage.BucketField.IAMCONFIGURATION,
                    Storage.BucketField.ENCRYPTION, Storage.BucketField.RETENTION_POLICY,
                    Storage.BucketField.LOGGING, Storage.BucketField.VERSIONING, Storage.BucketField.PROJECT,
                    Storage.BucketField.NAME));
            if (b == null) {
                metadataUnknown("HTTP 404 notFound");
                return;
            }
        } catch (RuntimeException e) {
            metadataUnknown(ErrorCodes.of(e));
            return;
        }
        projectNumber = b.getProject() == null ? null : b.getProject().toString();
        if (facts.contains(GcpFacts.PUBLIC_ACCESS_PREVENTION)) {
            BucketInfo.IamConfiguration iam = b.getIamConfiguration();
            if (iam == null || iam.isUniformBucketLevelAccessEnabled() == null) {
                // Google always answers with iamConfiguration; an emulator does not. A missing setting is not "off".
                out.unknown(GcpFacts.PUBLIC_ACCESS_PREVENTION, "buckets.get", "storage.buckets.get",
                        "an answer without iamConfiguration");
            } else if (iam.getPublicAccessPrevention() == BucketInfo.PublicAccessPrevention.UNKNOWN) {
                out.unknown(GcpFacts.PUBLIC_ACCESS_PREVENTION, "buckets.get", "storage.buckets.get",
                        "unrecognised publicAccessPrevention value");
            } else {
                BucketInfo.PublicAccessPrevention p = iam.getPublicAccessPrevention();
                pap = p == BucketInfo.PublicAccessPrevention.ENFORCED ? PublicAccessPrevention.ENFORCED
                        : p == BucketInfo.PublicAccessPrevention.INHERITED ? PublicAccessPrevention.INHERITED
                        : PublicAccessPrevention.UNSPECIFIED;
                ubla = iam.isUniformBucketLevelAccessEnabled();
                out.collected(GcpFacts.PUBLIC_ACCESS_PREVENTION);
            }
        }
        if (facts.contains(GcpFacts.ENCRYPTION)) {
            String key = b.getDefaultKmsKeyName();
            out.collected(GcpFacts.ENCRYPTION).encryption(key == null || key.isBlank()
                    ? Encryption.providerManaged("Google-managed") : Encryption.customerManaged("Cloud KMS", key));
        }
        if (facts.contains(GcpFacts.LOGGING)) {
            BucketInfo.Logging l = b.getLogging();
            logging = l == null || l.getLogBucket() == null || l.getLogBucket().isBlank() ? Logging.OFF
                    : new Logging(true, l.getLogBucket()
                    + (l.getLogObjectPrefix() == null || l.getLogObjectPrefix().isBlank() ? ""
                    : "/" + l.getLogObjectPrefix()));
            if (logging.enabled()) {
                // Without a prefix, usage log objects are named after the bucket they log.
                usageLogRetention = project.lifecycle.retention(l.getLogBucket(),
                        l.getLogObjectPrefix() == null || l.getLogObjectPrefix().isBlank() ? name
                                : l.getLogObjectPrefix());
            }
            out.collected(GcpFacts.LOGGING);
        }
        if (facts.contains(GcpFacts.VERSIONING)) {
            java.time.Duration period = b.getRetentionPeriodDuration();
            Integer days = period == null ? null : (int) Math.min(Integer.MAX_VALUE, period.toDays());
            Boolean locked = period == null ? null : Boolean.TRUE.equals(b.retentionPolicyIsLocked());
            versioning = new Versioning(Boolean.TRUE.equals(b.versioningEnabled()) ? "Enabled" : null, null, days,
                    locked);
            out.collected(GcpFacts.VERSIONING);
        }
    }

    private void metadataUnknown(String error) {
        for (Fact f : List.of(GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpFacts.ENCRYPTION, GcpFacts.LOGGING,
                GcpFacts.VERSIONING)) {
            if (facts.contains(f)) {
                out.unknown(f, "buckets.get", "storage.buckets.get", error);
            }
        }
    }

    private void readIam() {
        Policy policy;
        try {
            policy = project.storage.getIamPolicy(name, Storage.BucketSourceOption.requestedPolicyVersion(3));
        } catch (RuntimeException e) {
            out.unknown(GcpFacts.IAM_POLICY, "buckets.getIamPolicy", "storage.buckets.getIamPolicy",
                    ErrorCodes.of(e));
            return;
        }
        List<Grant> grants = new ArrayList<>();
        for (Binding binding : policy.getBindingsList()) {
            String role = binding.getRole();
            Set<Permission> permissions = GcsRoles.permissions(role);
            String detail = GcsRoles.unknownRoleNote(role);
            List<String> conditions = condition(binding.getCondition());
            for (String member : binding.getMembers()) {
                if (member.startsWith("deleted:")) {
                    continue;
                }
                grants.add(new Grant(grantee(member), permissions, GcpChannels.IAM_BINDING,
                        "IAM binding " + role, detail == null ? "member " + member : detail + "; member " + member,
                        conditions, null));
            }
        }
        out.collected(GcpFacts.IAM_POLICY).grants(grants);
    }

    private static List<String> condition(Condition c) {
        if (c == null || c.getExpression() == null) {
            return List.of();
        }
        String title = c.getTitle() == null || c.getTitle().isBlank() ? "" : c.getTitle() + ": ";
        return List.of(title + c.getExpression());
    }

    private void readAcl(Fact fact, String call, boolean aclsOff) {
        if (aclsOff) {
            out.unknown(fact, call, "storage.buckets.getIamPolicy",
                    "not read: uniform bucket-level access is on, so ACLs do not apply");
            return;
        }
        List<Acl> acls;
        try {
            acls = fact.equals(GcpFacts.ACL) ? project.storage.listAcls(name) : project.storage.listDefaultAcls(name);
        } catch (RuntimeException e) {
            out.unknown(fact, call, "storage.buckets.getIamPolicy", ErrorCodes.of(e));
            return;
        }
        boolean bucketAcl = fact.equals(GcpFacts.ACL);
        Channel via = bucketAcl ? GcpChannels.ACL : GcpChannels.DEFAULT_OBJECT_ACL;
        List<Grant> grants = new ArrayList<>();
        for (Acl acl : acls) {
            String entity = acl.getEntity().toString();
            grants.add(new Grant(grantee(entity), aclPermissions(acl.getRole(), bucketAcl), via,
                    (bucketAcl ? "bucket ACL entry " : "default object ACL entry ") + entity,
                    "role " + acl.getRole(), List.of(), null));
        }
        out.collected(fact).grants(grants);
    }

    private void readObjectAcls(boolean aclsOff) {
        if (aclsOff) {
            out.unknown(GcpFacts.OBJECT_ACLS, "objectAccessControls.list", "storage.objects.getIamPolicy",
                    "not read: uniform bucket-level access is on, so ACLs do not apply");
            return;
        }
        List<String> names = new ArrayList<>();
        try {
            Page<Blob> page = project.storage.list(name, Storage.BlobListOption.pageSize(1000),
                    Storage.BlobListOption.fields(Storage.BlobField.NAME));
            for (Blob b : page.getValues()) {
                names.add(b.getName());
            }
        } catch (RuntimeException e) {
            out.unknown(GcpFacts.OBJECT_ACLS, "objects.list", "storage.objects.list", ErrorCodes.of(e));
            return;
        }
        List<Grant> grants = new ArrayList<>();
        for (String object : spread(names, project.objectSample)) {
            List<Acl> acls;
            try {
                acls = project.storage.listAcls(BlobId.of(name, object));
            } catch (RuntimeException e) {
                out.unknown(GcpFacts.OBJECT_ACLS, "objectAccessControls.list", "storage.objects.getIamPolicy",
                        ErrorCodes.of(e) + " (object '" + object + "')");
                return;
            }
            for (Acl acl : acls) {
                String entity = acl.getEntity().toString();
                Grantee who = grantee(entity);
                // Only public entries: the sample looks for public links, not for every reader of every object.
                if (who.isPublic()) {
                    grants.add(new Grant(who, aclPermissions(acl.getRole(), false), GcpChannels.OBJECT_ACL,
                            "object ACL entry " + entity, "role " + acl.getRole(), List.of(), object));
                }
            }
        }
        out.collected(GcpFacts.OBJECT_ACLS).grants(grants);
    }

    /** Up to {@code n} names spread evenly across the sorted listing: not just the first ones. */
    static List<String> spread(List<String> names, int n) {
        if (names.size() <= n) {
            return names;
        }
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(names.get((int) ((long) i * names.size() / n)));
        }
        return picked;
    }

    private void probe() {
        Resource sofar = out.details(details()).build();
        Exposure exposure = new GcpCloud().verdict(sofar, TrustZone.OWNER_ONLY).exposure();
        if (exposure != Exposure.PUBLIC && exposure != Exposure.UNKNOWN) {
            return;
        }
        try {
            List<Boolean> held = project.clients.anonymous().testIamPermissions(name, PROBED);
            List<String> holds = new ArrayList<>();
            for (int i = 0; i < PROBED.size() && i < held.size(); i++) {
                if (Boolean.TRUE.equals(held.get(i))) {
                    holds.add(PROBED.get(i));
                }
            }
            anonymous = holds;
            out.collected(GcpFacts.ANONYMOUS_PROBE);
        } catch (RuntimeException e) {
            out.unknown(GcpFacts.ANONYMOUS_PROBE, "buckets.testIamPermissions", "none (an unauthenticated call)",
                    ErrorCodes.of(e));
        }
    }

    static Grantee grantee(String member) {
        return switch (member) {
            case "allUsers" -> new Grantee(dev.bucketguard.model.GranteeKind.ANONYMOUS, null, member);
            case "allAuthenticatedUsers" ->
                    new Grantee(dev.bucketguard.model.GranteeKind.ANY_AUTHENTICATED, null, member);
            default -> new Grantee(dev.bucketguard.model.GranteeKind.ACCOUNT, member, member);
        };
    }

    private static Set<Permission> aclPermissions(Acl.Role role, boolean bucket) {
        return GcsRoles.aclPermissions(role.name(), bucket);
    }
}
