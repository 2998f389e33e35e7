package dev.bucketguard.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpChannels;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.cloud.gcp.GcsRoles;
import dev.bucketguard.cloud.gcp.PublicAccessPrevention;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps google storage onto {@link GcpBucket}: {@code google_storage_bucket}, its IAM ({@code _iam_member},
 * {@code _iam_binding}, {@code _iam_policy}) and its ACLs ({@code google_storage_bucket_acl},
 * {@code google_storage_default_object_acl}, {@code google_storage_bucket_access_control},
 * {@code google_storage_default_object_access_control}, {@code google_storage_object_acl}).
 */
final class GcpPlan {
    static final String ID = "gcp";
    static final String BUCKET = "google_storage_bucket";
    static final String IAM_MEMBER = "google_storage_bucket_iam_member";
    static final String IAM_BINDING = "google_storage_bucket_iam_binding";
    static final String IAM_POLICY = "google_storage_bucket_iam_policy";
    static final String BUCKET_ACL = "google_storage_bucket_acl";
    static final String DEFAULT_OBJECT_ACL = "google_storage_default_object_acl";
    static final String ACCESS_CONTROL = "google_storage_bucket_access_control";
    static final String DEFAULT_ACCESS_CONTROL = "google_storage_default_object_access_control";
    static final String OBJECT_ACL = "google_storage_object_acl";
    private static final List<String> COMPANIONS = List.of(IAM_MEMBER, IAM_BINDING, IAM_POLICY, BUCKET_ACL,
            DEFAULT_OBJECT_ACL, ACCESS_CONTROL, DEFAULT_ACCESS_CONTROL, OBJECT_ACL);
    static final Set<String> TYPES = Set.of(BUCKET, IAM_MEMBER, IAM_BINDING, IAM_POLICY, BUCKET_ACL,
            DEFAULT_OBJECT_ACL, ACCESS_CONTROL, DEFAULT_ACCESS_CONTROL, OBJECT_ACL, "google_iam_policy");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Companions whose bucket is not known: each bucket of the plan may be theirs. */
    private final List<PlanResource> orphans = new ArrayList<>();
    private static final Map<String, Fact> SETS = Map.of(IAM_MEMBER, GcpFacts.IAM_POLICY, IAM_BINDING,
            GcpFacts.IAM_POLICY, IAM_POLICY, GcpFacts.IAM_POLICY, BUCKET_ACL, GcpFacts.ACL, ACCESS_CONTROL, GcpFacts.ACL,
            DEFAULT_OBJECT_ACL, GcpFacts.DEFAULT_OBJECT_ACL, DEFAULT_ACCESS_CONTROL, GcpFacts.DEFAULT_OBJECT_ACL,
            OBJECT_ACL, GcpFacts.OBJECT_ACLS);
    private final String defaultProject;
    private final Map<String, Boolean> orgPolicyByProject;
    private final Plan plan;
    private final List<ScanError> errors;
    private final Map<String, Provenance> provenance;

    /** @param orgPolicyByProject whether the organisation enforces public access prevention, per project, from settings */
    GcpPlan(Plan plan, Map<String, Boolean> orgPolicyByProject, List<ScanError> errors,
            Map<String, Provenance> provenance) {
        this.plan = plan;
        this.defaultProject = plan.providerConstant("google", "project").orElse("unknown-project");
        this.orgPolicyByProject = orgPolicyByProject;
        this.errors = errors;
        this.provenance = provenance;
    }

    private static final class BucketPlan {
        final PlanResource bucket;
        final String name;
        final Map<String, List<PlanResource>> companions = new LinkedHashMap<>();

        BucketPlan(PlanResource bucket, String name) {
            this.bucket = bucket;
            this.name = name;
        }

        /** The bucket's block; for a bucket outside the plan, the first companion that names it. */
        PlanResource main() {
            return bucket != null ? bucket : companions.values().iterator().next().get(0);
        }

        List<PlanResource> of(String type) {
            return companions.getOrDefault(type, List.of());
        }
    }

    List<Resource> resources(List<PlanResource> live) {
        List<PlanResource> buckets = live.stream().filter(r -> !r.data() && BUCKET.equals(r.type())).toList();
        Links links = new Links(plan, buckets, b -> b.string("name"));
        orphans.clear();
        Map<PlanResource, BucketPlan> byBlock = new LinkedHashMap<>();
        buckets.forEach(b -> byBlock.put(b, new BucketPlan(b, b.string("name"))));
        List<PlanResource> companions = live.stream().filter(c -> !c.data() && COMPANIONS.contains(c.type()))
                .toList();
        List<BucketPlan> all = links.attach(companions, byBlock, n -> new BucketPlan(null, n), c -> "bucket",
                v -> v.replaceFirst("^b/", ""), (b, c) -> b.companions.computeIfAbsent(c.type(),
                        k -> new ArrayList<>()).add(c), ID, "bucket", errors, orphans);
        List<Resource> out = new ArrayList<>();
        for (BucketPlan b : all) {
            Plan.mapped(out, errors, ID, b.main().address(), () -> map(b));
        }
        return out;
    }

    private Resource map(BucketPlan b) {
        PlanResource bucket = b.bucket;
        String project = bucket != null && bucket.string("project") != null ? bucket.string("project")
                : defaultProject;
        String id = b.name != null ? b.name : bucket.address();
        PlanResource main = b.main();
        Provenance trail = new Provenance(main);
        provenance.put(ID + ":" + project + ":" + id, trail);
        Resource.Builder out = Resource.builder(ID, project, id).kind(GcpCloud.BUCKET)
                .region(bucket == null ? null : bucket.string("location"));
        out.collected(GcpFacts.ACL, GcpFacts.DEFAULT_OBJECT_ACL, GcpFacts.IAM_POLICY,
                GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpFacts.ORG_POLICY, GcpFacts.OBJECT_ACLS, GcpFacts.LOGGING,
                GcpFacts.VERSIONING, GcpFacts.ENCRYPTION);
        Links.undecided(out, orphans, SETS, "bucket '" + id + "'", "bucket");
        boolean created = bucket != null && bucket.created();
        List<Grant> grants = new ArrayList<>();

        iam(b, trail, out, grants, created);
        acls(b, trail, out, grants, created);

        PublicAccessPrevention pap = null;
        Boolean uniform = null;
        Logging logging = null;
        Versioning versioning = null;
        if (bucket == null) {
            for (Fact f : List.of(GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpFacts.LOGGING, GcpFacts.VERSIONING,
                    GcpFacts.ENCRYPTION)) {
                out.unknown(Unset.outsidePlan(f, "bucket '" + id + "'"));
            }
        } else {
            trail.from(GcpFacts.PUBLIC_ACCESS_PREVENTION, bucket);
            if (bucket.configured("public_access_prevention") && bucket.unknown("public_access_prevention")) {
                out.unknown(Unset.afterApply(GcpFacts.PUBLIC_ACCESS_PREVENTION, bucket, "public_access_prevention"));
            } else {
                // Nobody set it: the provider creates the bucket with "inherited" (the organisation policy decides).
                pap = "enforced".equals(bucket.string("public_access_prevention")) ? PublicAccessPrevention.ENFORCED
                        : PublicAccessPrevention.INHERITED;
                if (bucket.configured("uniform_bucket_level_access") && bucket.unknown("uniform_bucket_level_access")) {
                    // Whether ACLs count is decided at apply: the iamConfiguration is not known as a whole.
                    out.unknown(Unset.afterApply(GcpFacts.PUBLIC_ACCESS_PREVENTION, bucket,
                            "uniform_bucket_level_access"));
                    pap = null;
                } else {
                    // Unset, the provider creates the bucket with uniform bucket-level access off.
                    uniform = Boolean.TRUE.equals(bucket.bool("uniform_bucket_level_access"));
                }
            }
            JsonNode l = bucket.block("logging");
            logging = l.isMissingNode() ? Logging.OFF : new Logging(true, l.path("log_bucket").asText(""));
            JsonNode v = bucket.block("versioning");
            JsonNode retention = bucket.block("retention_policy");
            Integer days = retention.isMissingNode() ? null
                    : (int) (retention.path("retention_period").asLong(0) / 86_400L);
            Boolean locked = retention.isMissingNode() ? null : retention.path("is_locked").asBoolean(false);
            versioning = new Versioning(v.path("enabled").asBoolean(false) ? "Enabled" : null, null, days, locked);
            String key = bucket.block("encryption").path("default_kms_key_name").asText(null);
            if (key != null && !key.isBlank()) {
                trail.from(GcpFacts.ENCRYPTION, bucket);
                out.encryption(Encryption.customerManaged("CMEK", key));
            } else if (bucket.configured("encryption") && bucket.unknown("encryption")) {
                // The key comes from a google_kms_crypto_key of this plan: customer-managed, its name known at apply.
                trail.from(GcpFacts.ENCRYPTION, bucket);
                out.encryption(Encryption.customerManaged("CMEK", null));
            } else {
                out.encryption(Encryption.providerManaged("Google-managed"));
            }
        }
        Boolean org = orgPolicyByProject.get(project);
        if (org == null) {
            org = false;
            trail.noteWhenMentioned("by the organisation", "the organisation policy"
                    + " storage.publicAccessPrevention is not in this plan and was not given (--account-settings):"
                    + " taken as not enforced");
        } else {
            trail.note("the organisation policy storage.publicAccessPrevention is taken from --account-settings");
        }
        out.grants(grants);
        out.details(new GcpBucket(pap, uniform, org, logging, versioning, null, null));
        return out.build();
    }

    private void iam(BucketPlan b, Provenance trail, Resource.Builder out, List<Grant> grants, boolean created) {
        List<PlanResource> policies = b.of(IAM_POLICY);
        boolean any = false;
        for (PlanResource p : policies) {
            any = true;
            trail.from(GcpFacts.IAM_POLICY, p);
            if (p.unknown("policy_data")) {
                out.unknown(Unset.afterApply(GcpFacts.IAM_POLICY, p, "policy_data"));
                return;
            }
            String data = p.string("policy_data");
            if (data == null) {
                out.unknown(GcpFacts.IAM_POLICY, null, null, p.address() + ".policy_data is not in the plan");
                return;
            }
            try {
                for (JsonNode binding : JSON.readTree(data).path("bindings")) {
                    binding(binding.path("role").asText(), binding.path("members"), binding.path("condition"),
                            grants, p);
                }
            } catch (JsonProcessingException e) {
                out.unknown(GcpFacts.IAM_POLICY, null, null, p.address() + ".policy_data is not JSON");
                return;
            }
        }
        for (PlanResource m : b.of(IAM_MEMBER)) {
            any = true;
            trail.from(GcpFacts.IAM_POLICY, m);
            if (m.unknown("member") || m.unknown("role")) {
                out.unknown(Unset.afterApply(GcpFacts.IAM_POLICY, m, m.unknown("member") ? "member" : "role"));
                continue;
            }
            binding(m.string("role"), JSON.createArrayNode().add(m.string("member")), m.block("condition"), grants,
                    m);
        }
        for (PlanResource m : b.of(IAM_BINDING)) {
            any = true;
            trail.from(GcpFacts.IAM_POLICY, m);
            if (m.unknown("members") || m.unknown("role")) {
                out.unknown(Unset.afterApply(GcpFacts.IAM_POLICY, m, m.unknown("members") ? "members" : "role"));
                continue;
            }
            binding(m.string("role"), m.after().path("members"), m.block("condition"), grants, m);
        }
        if (policies.isEmpty() && !created) {
            // Members and bindings add to a policy that exists outside the plan, which may hold more.
            out.unknown(Unset.outsidePlan(GcpFacts.IAM_POLICY, "the rest of the IAM policy of bucket '" + b.name
                    + "'"));
        } else if (!any) {
            trail.from(GcpFacts.IAM_POLICY, b.bucket);
        }
    }

    private static void binding(String role, JsonNode members, JsonNode condition, List<Grant> grants,
                                PlanResource from) {
        Set<Permission> perms = GcsRoles.permissions(role);
        String detail = GcsRoles.unknownRoleNote(role);
        List<String> conditions = condition.isMissingNode() || condition.path("expression").isMissingNode()
                ? List.of() : List.of(condition.path("title").asText("") + ": "
                + condition.path("expression").asText());
        for (JsonNode m : members) {
            String member = m.asText();
            if (member.startsWith("deleted:")) {
                continue;
            }
            grants.add(new Grant(grantee(member), perms, GcpChannels.IAM_BINDING, "IAM binding " + role + " ("
                    + from.address() + ")", detail == null ? "member " + member : detail + "; member " + member,
                    conditions, null));
        }
    }

    private static Grantee grantee(String member) {
        return switch (member) {
            case "allUsers" -> new Grantee(GranteeKind.ANONYMOUS, null, member);
            case "allAuthenticatedUsers" -> new Grantee(GranteeKind.ANY_AUTHENTICATED, null, member);
            default -> new Grantee(GranteeKind.ACCOUNT, member, member);
        };
    }

    private void acls(BucketPlan b, Provenance trail, Resource.Builder out, List<Grant> grants, boolean created) {
        acl(b, trail, out, grants, created, GcpFacts.ACL, GcpChannels.ACL, BUCKET_ACL, ACCESS_CONTROL, true);
        acl(b, trail, out, grants, created, GcpFacts.DEFAULT_OBJECT_ACL, GcpChannels.DEFAULT_OBJECT_ACL,
                DEFAULT_OBJECT_ACL, DEFAULT_ACCESS_CONTROL, false);
        if (!created) {
            out.unknown(Unset.outsidePlan(GcpFacts.OBJECT_ACLS, "the ACLs of the objects already in bucket '" + b.name
                    + "'"));
        }
        for (PlanResource o : b.of(OBJECT_ACL)) {
            trail.from(GcpFacts.OBJECT_ACLS, o);
            String object = o.string("object") != null ? o.string("object") : o.address();
            entries(o, GcpChannels.OBJECT_ACL, false, object, grants);
        }
    }

    private void acl(BucketPlan b, Provenance trail, Resource.Builder out, List<Grant> grants, boolean created,
                     Fact fact, Channel via, String aclType, String entryType, boolean bucketAcl) {
        List<PlanResource> whole = b.of(aclType);
        List<PlanResource> entries = b.of(entryType);
        for (PlanResource a : whole) {
            trail.from(fact, a);
            if (a.unknown("role_entity") && !a.configured("predefined_acl")) {
                out.unknown(Unset.afterApply(fact, a, "role_entity"));
                return;
            }
            String predefined = a.string("predefined_acl");
            if (predefined != null) {
                predefined(predefined, via, bucketAcl, a, grants);
            }
            entries(a, via, bucketAcl, null, grants);
        }
        for (PlanResource e : entries) {
            trail.from(fact, e);
            if (e.unknown("entity") || e.unknown("role")) {
                out.unknown(Unset.afterApply(fact, e, e.unknown("entity") ? "entity" : "role"));
                continue;
            }
            grants.add(aclGrant(e.string("entity"), e.string("role"), via, bucketAcl, e, null));
        }
        if (whole.isEmpty() && !created && b.bucket == null) {
            out.unknown(Unset.outsidePlan(fact, (bucketAcl ? "the ACL" : "the default object ACL") + " of bucket '"
                    + b.name + "'"));
        } else if (whole.isEmpty() && !created && b.bucket != null) {
            out.unknown(Unset.outsidePlan(fact, (bucketAcl ? "the ACL" : "the default object ACL") + " of existing"
                    + " bucket " + b.bucket.address()));
        }
        // A new bucket without ACL resources gets the project-private default ACLs: no grant to anyone outside.
    }

    private static void entries(PlanResource a, Channel via, boolean bucketAcl, String object, List<Grant> grants) {
        for (JsonNode re : a.after().path("role_entity")) {
            // role_entity entries are "ROLE:entity".
            String text = re.asText();
            int colon = text.indexOf(':');
            if (colon > 0) {
                grants.add(aclGrant(text.substring(colon + 1), text.substring(0, colon), via, bucketAcl, a, object));
            }
        }
    }

    private static void predefined(String acl, Channel via, boolean bucketAcl, PlanResource a, List<Grant> grants) {
        switch (acl) {
            case "publicRead" -> grants.add(aclGrant("allUsers", "READER", via, bucketAcl, a, null));
            case "publicReadWrite" -> grants.add(aclGrant("allUsers", "WRITER", via, bucketAcl, a, null));
            case "authenticatedRead" -> grants.add(aclGrant("allAuthenticatedUsers", "READER", via, bucketAcl, a,
                    null));
            default -> { }
        }
    }

    private static Grant aclGrant(String entity, String role, Channel via, boolean bucketAcl, PlanResource from,
                                  String object) {
        String r = role == null ? "READER" : role.toUpperCase(java.util.Locale.ROOT);
        Set<Permission> perms = GcsRoles.aclPermissions(r, bucketAcl);
        String kind = object != null ? "object ACL entry " : bucketAcl ? "bucket ACL entry "
                : "default object ACL entry ";
        return new Grant(grantee(entity), perms, via, kind + entity + " (" + from.address() + ")", "role " + r,
                List.of(), object);
    }
}
