package dev.bucketguard.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Versioning;
import dev.bucketguard.model.Website;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the plan's S3 resources onto {@link S3Bucket}: {@code aws_s3_bucket} (with the v3 inline arguments {@code acl},
 * {@code grant}, {@code policy}, {@code website}, {@code logging}, {@code versioning},
 * {@code server_side_encryption_configuration}) and its v4+ companions, attached by value or by configuration reference.
 */
final class AwsPlan {
    static final String ID = "aws";
    static final String BUCKET = "aws_s3_bucket";
    static final String POLICY = "aws_s3_bucket_policy";
    static final String ACL = "aws_s3_bucket_acl";
    static final String PUBLIC_ACCESS_BLOCK = "aws_s3_bucket_public_access_block";
    static final String ACCOUNT_PUBLIC_ACCESS_BLOCK = "aws_s3_account_public_access_block";
    static final String OWNERSHIP = "aws_s3_bucket_ownership_controls";
    static final String ENCRYPTION = "aws_s3_bucket_server_side_encryption_configuration";
    static final String WEBSITE = "aws_s3_bucket_website_configuration";
    static final String LOGGING = "aws_s3_bucket_logging";
    static final String VERSIONING = "aws_s3_bucket_versioning";
    static final String ACCESS_POINT = "aws_s3_access_point";
    static final String ACCESS_POINT_POLICY = "aws_s3control_access_point_policy";
    static final String OBJECT = "aws_s3_object";
    /** The companions attached through their {@code bucket} argument. */
    static final List<String> COMPANIONS = List.of(POLICY, ACL, PUBLIC_ACCESS_BLOCK, OWNERSHIP, ENCRYPTION, WEBSITE,
            LOGGING, VERSIONING, ACCESS_POINT, OBJECT);
    /** Every type this mapping reads. */
    static final Set<String> TYPES = Set.of(BUCKET, POLICY, ACL, PUBLIC_ACCESS_BLOCK, ACCOUNT_PUBLIC_ACCESS_BLOCK,
            OWNERSHIP, ENCRYPTION, WEBSITE, LOGGING, VERSIONING, ACCESS_POINT, ACCESS_POINT_POLICY, OBJECT,
            "aws_kms_key", "aws_iam_policy_document", "aws_caller_identity");

    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Plan plan;
    private final String account;
    private final boolean accountGiven;
    private final BlockPublicAccess settingsAccountBpa;
    private final PolicyEvaluator evaluator;
    private final List<ScanError> errors;
    private final Map<String, Provenance> provenance;
    private final String region;
    /** Companions whose bucket is not known: each bucket of the plan may be theirs. */
    private final List<PlanResource> orphans = new ArrayList<>();
    /** The fact each companion type sets. */
    private static final Map<String, Fact> SETS = Map.of(POLICY, S3Facts.POLICY, ACL, S3Facts.ACL,
            PUBLIC_ACCESS_BLOCK, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, OWNERSHIP, S3Facts.OBJECT_OWNERSHIP,
            ENCRYPTION, S3Facts.ENCRYPTION, WEBSITE, S3Facts.WEBSITE, LOGGING, S3Facts.LOGGING, VERSIONING,
            S3Facts.VERSIONING, ACCESS_POINT, S3Facts.ACCESS_POINTS, OBJECT, S3Facts.OBJECT_ACLS);
    /** The plan's aws_iam_policy_document data sources by module and block, made when first needed. */
    private Map<String, List<PlanResource>> documents;

    /**
     * @param account            the account the plan deploys to
     * @param accountGiven       false when no option, data source or snapshot named it
     * @param settingsAccountBpa account-level Block Public Access from {@code --account-settings}; null when not given
     */
    AwsPlan(Plan plan, String account, boolean accountGiven, BlockPublicAccess settingsAccountBpa,
            List<ScanError> errors, Map<String, Provenance> provenance) {
        this.plan = plan;
        this.account = account;
        this.accountGiven = accountGiven;
        this.settingsAccountBpa = settingsAccountBpa;
        this.evaluator = new PolicyEvaluator(account);
        this.errors = errors;
        this.provenance = provenance;
        this.region = plan.providerConstant("aws", "region").orElse(null);
    }

    /** The account of a {@code data.aws_caller_identity} read while planning, if any. */
    static Optional<String> callerAccount(Plan plan) {
        return plan.priorData("aws_caller_identity").stream().map(v -> v.path("account_id"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank()).findFirst();
    }

    /** One bucket: its block (null when it exists outside the plan) and the companions that name it. */
    private static final class BucketPlan {
        final PlanResource bucket;
        final String name;
        final Map<String, PlanResource> companions = new LinkedHashMap<>();
        final List<PlanResource> objects = new ArrayList<>();
        final List<PlanResource> accessPoints = new ArrayList<>();

        BucketPlan(PlanResource bucket, String name) {
            this.bucket = bucket;
            this.name = name;
        }

        /** The first companion that names a bucket outside the plan: a policy, an access point or an object. */
        PlanResource first() {
            return !companions.isEmpty() ? companions.values().iterator().next()
                    : !accessPoints.isEmpty() ? accessPoints.get(0) : objects.get(0);
        }
    }

    List<Resource> resources(List<PlanResource> live) {
        List<PlanResource> buckets = live.stream().filter(r -> !r.data() && BUCKET.equals(r.type())).toList();
        for (PlanResource b : buckets) {
            if (b.configured("replication_configuration")) {
                // As its own resource type (aws_s3_bucket_replication_configuration) it is listed too.
                errors.add(new ScanError(ID, b.address(), ScanError.Kind.CLOUD_DATA, b.address()
                        + ": replication_configuration may copy the data to another account, and bucketguard does"
                        + " not read it; it is not scanned (the bucket's other settings are)"));
            }
        }
        Links links = new Links(plan, buckets, b -> b.string("bucket"));
        orphans.clear();
        Map<PlanResource, BucketPlan> byBlock = new LinkedHashMap<>();
        buckets.forEach(b -> byBlock.put(b, new BucketPlan(b, b.string("bucket"))));
        List<PlanResource> companions = live.stream().filter(c -> !c.data() && COMPANIONS.contains(c.type()))
                .toList();
        List<BucketPlan> all = links.attach(companions, byBlock, n -> new BucketPlan(null, n), c -> "bucket",
                v -> v, this::attach, ID, "bucket", errors, orphans);
        PlanResource accountBpa = live.stream().filter(r -> ACCOUNT_PUBLIC_ACCESS_BLOCK.equals(r.type())).findFirst()
                .orElse(null);
        Map<PlanResource, PlanResource> apPolicies = accessPointPolicies(live);
        List<Resource> out = new ArrayList<>();
        for (BucketPlan b : all) {
            Plan.mapped(out, errors, ID, (b.bucket != null ? b.bucket : b.first()).address(),
                    () -> new BucketMapping(b, accountBpa, apPolicies, live).resource());
        }
        return out;
    }

    /** A companion of a bucket: its objects, its access points, and one of each other type (the first judged). */
    private void attach(BucketPlan b, PlanResource c) {
        switch (c.type()) {
            case OBJECT -> b.objects.add(c);
            case ACCESS_POINT -> b.accessPoints.add(c);
            default -> {
                PlanResource previous = b.companions.putIfAbsent(c.type(), c);
                if (previous != null) {
                    errors.add(new ScanError(ID, c.address(), ScanError.Kind.CLOUD_DATA, c.address() + " and "
                            + previous.address() + " both set " + c.type() + " on the same bucket; the first is"
                            + " judged"));
                }
            }
        }
    }

    /**
     * Each access point's {@code aws_s3control_access_point_policy}, attached by its known ARN or through the
     * configuration (instance to instance); a policy whose access point is not in the plan is listed as not scanned.
     */
    private Map<PlanResource, PlanResource> accessPointPolicies(List<PlanResource> live) {
        List<PlanResource> points = live.stream().filter(r -> !r.data() && ACCESS_POINT.equals(r.type())).toList();
        Links links = new Links(plan, points, ap -> ap.string("arn"));
        Map<PlanResource, PlanResource> out = new LinkedHashMap<>();
        for (PlanResource p : live) {
            if (p.data() || !ACCESS_POINT_POLICY.equals(p.type())) {
                continue;
            }
            Optional<PlanResource> ap = links.target(p, "access_point_arn", p.string("access_point_arn"));
            if (ap.isPresent()) {
                out.putIfAbsent(ap.get(), p);
            } else {
                errors.add(new ScanError(ID, p.address(), ScanError.Kind.CLOUD_DATA, p.address() + ": its access point"
                        + " is not in this plan, so the bucket it opens is not known; it is not scanned"));
            }
        }
        return out;
    }

    /** The facts of one bucket. */
    private final class BucketMapping {
        private final BucketPlan b;
        private final PlanResource accountBpa;
        private final Map<PlanResource, PlanResource> apPolicies;
        private final List<PlanResource> live;
        private final boolean created;
        private final String id;
        private final Resource.Builder out;
        private final Provenance trail;
        private S3Bucket details = S3Bucket.UNREAD;
        private final List<Grant> grants = new ArrayList<>();

        BucketMapping(BucketPlan b, PlanResource accountBpa, Map<PlanResource, PlanResource> apPolicies,
                      List<PlanResource> live) {
            this.b = b;
            this.accountBpa = accountBpa;
            this.apPolicies = apPolicies;
            this.live = live;
            this.created = b.bucket != null && b.bucket.created();
            this.id = b.name != null ? b.name : b.bucket.address();
            this.out = Resource.builder(ID, account, id).kind(AwsCloud.BUCKET).region(region);
            this.trail = new Provenance(b.bucket != null ? b.bucket : b.first());
            provenance.put(ID + ":" + account + ":" + id, trail);
        }

        private String bucketAddress() {
            return b.bucket != null ? b.bucket.address() : BUCKET + " '" + b.name + "'";
        }

        Resource resource() {
            out.collected(S3Facts.ACL, S3Facts.POLICY, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                    S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Facts.OBJECT_OWNERSHIP, S3Facts.ENCRYPTION,
                    S3Facts.WEBSITE, S3Facts.LOGGING, S3Facts.VERSIONING, S3Facts.ACCESS_POINTS,
                    S3Facts.OBJECT_ACLS);
            acl();
            policy();
            ownership();
            bucketBpa();
            accountBpa();
            encryption();
            website();
            logging();
            versioning();
            accessPoints();
            objects();
            Links.undecided(out, orphans, SETS, bucketAddress(), "bucket");
            if (!accountGiven) {
                trail.noteWhenMentioned("(outside the owner account", "the account this plan deploys to is not known (give --account-id, or add a"
                        + " data.aws_caller_identity): every account a policy names counts as another account unless"
                        + " trusted");
            }
            return out.grants(grants).details(details).build();
        }

        private boolean publicIntent() {
            return grants.stream().anyMatch(g -> g.grantee().isPublic());
        }

        // --- ACL -------------------------------------------------------------------------------------------------

        private void acl() {
            PlanResource c = b.companions.get(ACL);
            if (c != null) {
                trail.from(S3Facts.ACL, c);
                JsonNode acp = c.block("access_control_policy");
                if (c.configured("access_control_policy")) {
                    if (c.unknown("access_control_policy") && acp.isMissingNode()) {
                        out.unknown(Unset.afterApply(S3Facts.ACL, c, "access_control_policy"));
                        return;
                    }
                    boolean undecided = false;
                    for (JsonNode u : c.afterUnknown().path("access_control_policy").path(0).path("grant")) {
                        JsonNode who = u.path("grantee").path(0);
                        // display_name is filled in by S3 on every grant; it says nothing about who is granted.
                        undecided |= PlanResource.anyTrue(u.path("permission")) || PlanResource.anyTrue(u.path(
                                "grantee")) && !who.isMissingNode() && (PlanResource.anyTrue(who.path("id"))
                                || PlanResource.anyTrue(who.path("uri")) || PlanResource.anyTrue(who.path("type"))
                                || PlanResource.anyTrue(who.path("email_address")));
                    }
                    if (undecided) {
                        // A grantee or permission decided at apply: who is granted what is not known.
                        out.unknown(Unset.afterApply(S3Facts.ACL, c, "access_control_policy"));
                        return;
                    }
                    for (JsonNode g : acp.path("grant")) {
                        JsonNode who = g.path("grantee").path(0);
                        grant(who.path("type").asText(), who.path("uri").asText(null), who.path("id").asText(null),
                                who.path("email_address").asText(null), g.path("permission").asText(), "bucket ACL ("
                                        + c.address() + ")");
                    }
                    return;
                }
                if (c.unknown("acl")) {
                    out.unknown(Unset.afterApply(S3Facts.ACL, c, "acl"));
                    return;
                }
                canned(c.string("acl"), c.address());
                return;
            }
            PlanResource bucket = b.bucket;
            if (bucket == null) {
                out.unknown(Unset.outsidePlan(S3Facts.ACL, "the ACL of bucket '" + b.name + "'"));
                return;
            }
            if (bucket.configured("grant")) {
                trail.from(S3Facts.ACL, bucket);
                if (bucket.unknown("grant") && bucket.after().path("grant").isMissingNode()) {
                    out.unknown(Unset.afterApply(S3Facts.ACL, bucket, "grant"));
                    return;
                }
                for (JsonNode g : bucket.after().path("grant")) {
                    for (JsonNode p : g.path("permissions")) {
                        grant(g.path("type").asText(), g.path("uri").asText(null), g.path("id").asText(null), null,
                                p.asText(), "bucket ACL (" + bucket.address() + ")");
                    }
                }
                return;
            }
            if (bucket.configured("acl")) {
                trail.from(S3Facts.ACL, bucket);
                if (bucket.unknown("acl")) {
                    out.unknown(Unset.afterApply(S3Facts.ACL, bucket, "acl"));
                    return;
                }
                canned(bucket.string("acl"), bucket.address());
                return;
            }
            if (!created) {
                // An existing bucket whose ACL this plan does not set keeps the ACL it has, which the plan cannot show.
                String known = bucket.string("acl");
                if (known != null) {
                    canned(known, bucket.address());
                } else {
                    out.unknown(Unset.outsidePlan(S3Facts.ACL, "the ACL of existing bucket " + bucket.address()));
                }
                return;
            }
            canned("private", bucket.address());
        }

        private void canned(String acl, String address) {
            String source = "bucket ACL (" + address + ")";
            grants.add(new Grant(Grantee.owner(), EnumSet.of(Permission.LIST, Permission.WRITE, Permission.READ_ACP,
                    Permission.WRITE_ACP), S3Channels.ACL, source, "ACL grant FULL_CONTROL to the bucket owner",
                    List.of(), null));
            String value = acl == null ? "private" : acl;
            switch (value) {
                case "private", "bucket-owner-read", "bucket-owner-full-control" -> { }
                case "public-read" -> cannedGrant(Grantee.anonymous(), source, value, Permission.LIST);
                case "public-read-write" -> cannedGrant(Grantee.anonymous(), source, value, Permission.LIST,
                        Permission.WRITE);
                case "authenticated-read" -> cannedGrant(Grantee.anyAuthenticated(), source, value, Permission.LIST);
                case "log-delivery-write" -> cannedGrant(new Grantee(GranteeKind.SERVICE, "logging.s3.amazonaws.com",
                        LOG_DELIVERY), source, value, Permission.WRITE, Permission.READ_ACP);
                case "aws-exec-read" -> cannedGrant(new Grantee(GranteeKind.SERVICE, "ec2.amazonaws.com", null),
                        source, value, Permission.LIST);
                // A canned ACL S3 does not document: assume the widest, anyone signed in may do everything.
                default -> cannedGrant(new Grantee(GranteeKind.ANY_AUTHENTICATED, null, value), source, value,
                        Permission.values());
            }
        }

        private void cannedGrant(Grantee who, String source, String acl, Permission... perms) {
            grants.add(new Grant(who, EnumSet.copyOf(List.of(perms)), S3Channels.ACL, source,
                    "canned ACL '" + acl + "' grants " + who.describe(), List.of(), null));
        }

        private void grant(String type, String uri, String canonicalId, String email, String permission,
                           String source) {
            Set<Permission> perms = switch (permission == null ? "" : permission) {
                case "READ" -> EnumSet.of(Permission.LIST);
                case "WRITE" -> EnumSet.of(Permission.WRITE);
                case "READ_ACP" -> EnumSet.of(Permission.READ_ACP);
                case "WRITE_ACP" -> EnumSet.of(Permission.WRITE_ACP);
                case "FULL_CONTROL" -> EnumSet.of(Permission.LIST, Permission.WRITE, Permission.READ_ACP,
                        Permission.WRITE_ACP);
                default -> EnumSet.allOf(Permission.class);
            };
            Grantee who;
            if ("Group".equalsIgnoreCase(type)) {
                who = switch (uri == null ? "" : uri) {
                    case ALL_USERS -> Grantee.anonymous();
                    case AUTHENTICATED_USERS -> Grantee.anyAuthenticated();
                    case LOG_DELIVERY -> new Grantee(GranteeKind.SERVICE, "logging.s3.amazonaws.com", uri);
                    default -> new Grantee(GranteeKind.ANY_AUTHENTICATED, null, uri);
                };
            } else if (email != null && !email.isBlank()) {
                who = new Grantee(GranteeKind.ACCOUNT, email, email);
            } else if (canonicalId != null && !canonicalId.isBlank()) {
                // A canonical user id cannot be told from the owner's without the cloud: another account, the
                // conservative reading.
                who = new Grantee(GranteeKind.ACCOUNT, canonicalId, canonicalId);
            } else {
                who = new Grantee(GranteeKind.ANY_AUTHENTICATED, null, "unidentified grantee");
            }
            grants.add(new Grant(who, perms, S3Channels.ACL, source, "ACL grant " + permission + " to "
                    + who.describe(), List.of(), null));
        }

        // --- policy ----------------------------------------------------------------------------------------------

        private void policy() {
            PlanResource c = b.companions.get(POLICY);
            PlanResource holder = c;
            // A policy the plan shows is judged even where the configuration does not say who set it.
            if (holder == null && b.bucket != null && (b.bucket.configured("policy")
                    || (created && b.bucket.string("policy") != null && !b.bucket.string("policy").isBlank()))) {
                holder = b.bucket;
            }
            if (holder == null) {
                if (b.bucket == null || !created) {
                    String known = b.bucket == null ? null : b.bucket.string("policy");
                    if (b.bucket != null && known != null) {
                        evaluate(known, b.bucket);
                    } else {
                        out.unknown(Unset.outsidePlan(S3Facts.POLICY, "the policy of "
                                + (b.bucket == null ? "bucket '" + b.name + "'" : "existing bucket "
                                + b.bucket.address())));
                    }
                    return;
                }
                details = details.withPolicy(BucketPolicy.NONE);
                return;
            }
            trail.from(S3Facts.POLICY, holder);
            if (!holder.unknown("policy")) {
                evaluate(holder.string("policy"), holder);
                return;
            }
            partlyKnown(holder);
        }

        private void evaluate(String json, PlanResource holder) {
            if (json == null || json.isBlank()) {
                details = details.withPolicy(BucketPolicy.NONE);
                return;
            }
            try {
                PolicyAnalysis a = evaluator.evaluate(json, S3Channels.POLICY, null, b.name);
                grants.addAll(a.grants());
                details = details.withPolicy(new BucketPolicy(true, a.undecided(), a.tlsEnforced(), a.publicToS3(),
                        a.tlsGaps()));
            } catch (MalformedPolicyException e) {
                out.unknown(S3Facts.POLICY, null, null, holder.address() + ".policy is malformed: " + e.getMessage());
            }
        }

        /**
         * A policy known only after apply: if it comes from a {@code data.aws_iam_policy_document} whose statements
         * the plan partly shows, the known statements are judged; a public one decides. Otherwise POLICY is unknown.
         */
        private void partlyKnown(PlanResource holder) {
            for (String ref : holder.references("policy")) {
                if (!ref.startsWith("data.aws_iam_policy_document.")) {
                    continue;
                }
                String block = ref.replaceFirst("^(data\\.aws_iam_policy_document\\.[^.\\[]+).*", "$1");
                Optional<PlanResource> doc = documents().getOrDefault(holder.module() + "|" + block, List.of())
                        .stream().filter(r -> r.index().isMissingNode() || r.index().equals(holder.index()))
                        .findFirst();
                if (doc.isEmpty()) {
                    continue;
                }
                String known = knownStatements(doc.get());
                if (known != null) {
                    try {
                        PolicyAnalysis a = evaluator.evaluate(known, S3Channels.POLICY, null, b.name);
                        List<Grant> open = a.grants().stream().filter(g -> g.grantee().isPublic()).toList();
                        if (!open.isEmpty() && a.undecided().isEmpty()) {
                            grants.addAll(a.grants());
                            details = details.withPolicy(new BucketPolicy(true, List.of(), a.tlsEnforced(),
                                    a.publicToS3(), a.tlsGaps()));
                            trail.note("the policy " + holder.address() + " is known only in part before apply ("
                                    + doc.get().address() + "); its known statements already make the bucket public");
                            return;
                        }
                    } catch (MalformedPolicyException e) {
                        // Fall through to unknown: the known part is not a policy on its own.
                    }
                }
                out.unknown(S3Facts.POLICY, null, null, holder.address() + ".policy is known only after apply ("
                        + doc.get().address() + " is read at apply); its known statements make nothing public");
                return;
            }
            out.unknown(Unset.afterApply(S3Facts.POLICY, holder, "policy"));
        }

        /** The policy documents read at apply, by module and block: looked up per bucket, so indexed once. */
        private Map<String, List<PlanResource>> documents() {
            if (documents == null) {
                documents = new java.util.HashMap<>();
                for (PlanResource r : live) {
                    if (r.data() && "aws_iam_policy_document".equals(r.type())) {
                        documents.computeIfAbsent(r.module() + "|" + r.configAddress(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            return documents;
        }

        /** The statements of a policy document data source that are known before apply, as a policy; null if none. */
        private String knownStatements(PlanResource doc) {
            ArrayNode statements = JSON.createArrayNode();
            JsonNode unknownStatements = doc.afterUnknown().path("statement");
            int i = 0;
            for (JsonNode s : doc.after().path("statement")) {
                JsonNode u = unknownStatements.path(i++);
                String effect = s.path("effect").asText("Allow");
                boolean allow = !"Deny".equals(effect);
                // A Deny the plan does not fully show may or may not cut anything; only Allows are judged in part.
                if (!allow || PlanResource.anyTrue(u.path("principals")) || PlanResource.anyTrue(u.path("actions"))
                        || PlanResource.anyTrue(u.path("condition")) || PlanResource.anyTrue(u.path("effect"))
                        || s.path("not_principals").size() > 0 || s.path("not_actions").size() > 0) {
                    continue;
                }
                ObjectNode st = statements.addObject();
                st.put("Effect", "Allow");
                ArrayNode actions = st.putArray("Action");
                s.path("actions").forEach(actions::add);
                // The resources of this statement are known only after apply; it is attached to this bucket, so it is
                // taken to cover the bucket.
                ArrayNode resources = st.putArray("Resource");
                if (PlanResource.anyTrue(u.path("resources")) || s.path("resources").isEmpty()) {
                    resources.add("*");
                } else {
                    s.path("resources").forEach(resources::add);
                }
                ObjectNode principal = st.putObject("Principal");
                for (JsonNode p : s.path("principals")) {
                    String type = p.path("type").asText();
                    if ("*".equals(type)) {
                        st.put("Principal", "*");
                        break;
                    }
                    ArrayNode ids = principal.withArray(type);
                    p.path("identifiers").forEach(ids::add);
                }
                if (s.path("condition").size() > 0) {
                    ObjectNode cond = st.putObject("Condition");
                    for (JsonNode c : s.path("condition")) {
                        ArrayNode values = cond.with(c.path("test").asText()).withArray(c.path("variable").asText());
                        c.path("values").forEach(values::add);
                    }
                }
            }
            if (statements.isEmpty()) {
                return null;
            }
            ObjectNode policy = JSON.createObjectNode();
            policy.put("Version", "2012-10-17");
            policy.set("Statement", statements);
            return policy.toString();
        }

        // --- guardrails ------------------------------------------------------------------------------------------

        private boolean aclSetByPlan() {
            return b.companions.containsKey(ACL)
                    || (b.bucket != null && (b.bucket.configured("acl") || b.bucket.configured("grant")));
        }

        private void ownership() {
            PlanResource c = b.companions.get(OWNERSHIP);
            if (c != null) {
                trail.from(S3Facts.OBJECT_OWNERSHIP, c);
                if (c.unknown("rule")) {
                    out.unknown(Unset.afterApply(S3Facts.OBJECT_OWNERSHIP, c, "rule"));
                    return;
                }
                details = details.withObjectOwnership(switch (c.block("rule").path("object_ownership").asText("")) {
                    case "BucketOwnerEnforced" -> ObjectOwnership.BUCKET_OWNER_ENFORCED;
                    case "BucketOwnerPreferred" -> ObjectOwnership.BUCKET_OWNER_PREFERRED;
                    case "ObjectWriter" -> ObjectOwnership.OBJECT_WRITER;
                    default -> ObjectOwnership.NOT_CONFIGURED;
                });
                return;
            }
            if (created && !aclSetByPlan()) {
                // S3's default for new buckets since April 2023.
                details = details.withObjectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED);
                return;
            }
            details = details.withObjectOwnership(ObjectOwnership.NOT_CONFIGURED);
            if (created) {
                if (grants.stream().anyMatch(g -> S3Channels.ACL.equals(g.via()) && g.grantee().isPublic())) {
                    trail.note(newBucketDefaults());
                }
            } else {
                trail.note("Object Ownership of " + bucketAddress() + " is not in this plan: taken as not"
                        + " BucketOwnerEnforced, so ACLs count as in force");
            }
        }

        private String newBucketDefaults() {
            return "the plan makes new bucket " + bucketAddress() + " public without an "
                    + PUBLIC_ACCESS_BLOCK + " or " + OWNERSHIP + " that allows it: S3's new-bucket defaults (Block"
                    + " Public Access on, ACLs disabled) would refuse this at apply unless they are switched off, and"
                    + " the plan's intent is what is judged";
        }

        private void bucketBpa() {
            PlanResource c = b.companions.get(PUBLIC_ACCESS_BLOCK);
            if (c != null) {
                trail.from(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, c);
                BlockPublicAccess bpa = bpaOf(c, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET);
                if (bpa != null) {
                    details = details.withBucketBlockPublicAccess(bpa);
                }
                return;
            }
            if (created && !publicIntent()) {
                // S3's default for new buckets since April 2023: all four settings on.
                details = details.withBucketBlockPublicAccess(BlockPublicAccess.ALL);
                return;
            }
            details = details.withBucketBlockPublicAccess(BlockPublicAccess.NONE);
            if (created) {
                trail.note(newBucketDefaults());
            } else {
                for (BlockPublicAccess.Setting s : BlockPublicAccess.Setting.values()) {
                    trail.noteWhenMentioned(s.label() + " is off at", s.label() + ": the bucket-level"
                            + " setting of " + bucketAddress() + " is not in this plan; taken as off");
                }
            }
        }

        private BlockPublicAccess bpaOf(PlanResource c, Fact fact) {
            String[] names = {"block_public_acls", "ignore_public_acls", "block_public_policy",
                "restrict_public_buckets"};
            boolean[] v = new boolean[4];
            for (int i = 0; i < 4; i++) {
                if (c.unknown(names[i])) {
                    out.unknown(Unset.afterApply(fact, c, names[i]));
                    return null;
                }
                // Unset arguments default to false in the provider.
                v[i] = Boolean.TRUE.equals(c.bool(names[i]));
            }
            return new BlockPublicAccess(v[0], v[1], v[2], v[3]);
        }

        private void accountBpa() {
            if (accountBpa != null) {
                trail.from(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, accountBpa);
                BlockPublicAccess bpa = bpaOf(accountBpa, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT);
                if (bpa != null) {
                    details = details.withAccountBlockPublicAccess(bpa);
                }
                return;
            }
            if (settingsAccountBpa != null) {
                details = details.withAccountBlockPublicAccess(settingsAccountBpa);
                trail.note("account-level Block Public Access is taken from --account-settings");
                return;
            }
            details = details.withAccountBlockPublicAccess(BlockPublicAccess.NONE);
            for (BlockPublicAccess.Setting s : BlockPublicAccess.Setting.values()) {
                trail.noteWhenMentioned(s.label() + " is off at", s.label() + ": not in this plan; the account setting was not"
                        + " given (--account-settings), so it is taken as off at account level");
            }
        }

        // --- the other facts -------------------------------------------------------------------------------------

        private void encryption() {
            PlanResource c = b.companions.get(ENCRYPTION);
            JsonNode rule;
            PlanResource holder;
            if (c != null) {
                holder = c;
                rule = c.block("rule");
                if (c.unknown("rule") && rule.isMissingNode()) {
                    out.unknown(Unset.afterApply(S3Facts.ENCRYPTION, c, "rule"));
                    return;
                }
            } else if (b.bucket != null && b.bucket.configured("server_side_encryption_configuration")) {
                holder = b.bucket;
                rule = b.bucket.block("server_side_encryption_configuration").path("rule").path(0);
            } else if (created) {
                // Since 2023-01-05 every new bucket has SSE-S3 by default.
                out.encryption(Encryption.providerManaged("AES256"));
                return;
            } else {
                out.unknown(Unset.outsidePlan(S3Facts.ENCRYPTION, "the default encryption of " + bucketAddress()));
                return;
            }
            trail.from(S3Facts.ENCRYPTION, holder);
            JsonNode byDefault = rule.path("apply_server_side_encryption_by_default").path(0);
            String algorithm = byDefault.path("sse_algorithm").asText(null);
            JsonNode key = byDefault.path("kms_master_key_id");
            boolean keyInPlan = holder.references("rule").stream().anyMatch(r -> r.startsWith("aws_kms_key."))
                    || holder.references("server_side_encryption_configuration").stream()
                    .anyMatch(r -> r.startsWith("aws_kms_key."));
            if (algorithm == null) {
                out.unknown(S3Facts.ENCRYPTION, null, null, holder.address() + ": sse_algorithm is known only after"
                        + " apply");
                return;
            }
            String keyId = key.isTextual() && !key.asText().isBlank() ? key.asText() : null;
            if ("AES256".equals(algorithm)) {
                out.encryption(Encryption.providerManaged(algorithm));
            } else if (keyInPlan) {
                out.encryption(Encryption.customerManaged(algorithm, keyId));
            } else if (keyId == null || keyId.endsWith("alias/aws/s3")) {
                out.encryption(new Encryption(EncryptionState.PROVIDER_MANAGED, true, algorithm, keyId, false,
                        false));
            } else {
                out.encryption(new Encryption(EncryptionState.UNKNOWN, true, algorithm, keyId, false, false));
                out.unknown(S3Facts.ENCRYPTION_KEY, null, null, "key " + keyId + " is not in this plan, so who"
                        + " manages it is not known");
            }
        }

        private void website() {
            PlanResource c = b.companions.get(WEBSITE);
            if (c != null) {
                trail.from(S3Facts.WEBSITE, c);
                details = details.withWebsite(new Website(true, null));
            } else if (b.bucket != null && b.bucket.configured("website")) {
                trail.from(S3Facts.WEBSITE, b.bucket);
                details = details.withWebsite(b.bucket.after().path("website").isEmpty() && !b.bucket
                        .unknown("website") ? Website.OFF : new Website(true, null));
            } else if (created) {
                details = details.withWebsite(Website.OFF);
            } else {
                out.unknown(Unset.outsidePlan(S3Facts.WEBSITE, "the website of " + bucketAddress()));
            }
        }

        private void logging() {
            PlanResource c = b.companions.get(LOGGING);
            if (c != null) {
                trail.from(S3Facts.LOGGING, c);
                String target = c.string("target_bucket");
                details = details.withLogging(new Logging(true, (target == null ? "(known after apply)" : target)
                        + "/" + c.after().path("target_prefix").asText("")));
            } else if (b.bucket != null && b.bucket.configured("logging")) {
                trail.from(S3Facts.LOGGING, b.bucket);
                JsonNode l = b.bucket.block("logging");
                details = details.withLogging(l.isMissingNode() ? Logging.OFF
                        : new Logging(true, l.path("target_bucket").asText("") + "/"
                        + l.path("target_prefix").asText("")));
            } else if (created) {
                details = details.withLogging(Logging.OFF);
            } else {
                out.unknown(Unset.outsidePlan(S3Facts.LOGGING, "the access logging of " + bucketAddress()));
            }
        }

        private void versioning() {
            PlanResource c = b.companions.get(VERSIONING);
            JsonNode v;
            if (c != null) {
                trail.from(S3Facts.VERSIONING, c);
                if (c.unknown("versioning_configuration") && c.block("versioning_configuration").path("status")
                        .isMissingNode()) {
                    out.unknown(Unset.afterApply(S3Facts.VERSIONING, c, "versioning_configuration"));
                    return;
                }
                v = c.block("versioning_configuration");
                String mfa = v.path("mfa_delete").asText(null);
                details = details.withVersioning(new Versioning(v.path("status").asText(null),
                        mfa == null ? null : "Enabled".equals(mfa), null, null));
            } else if (b.bucket != null && b.bucket.configured("versioning")) {
                trail.from(S3Facts.VERSIONING, b.bucket);
                v = b.bucket.block("versioning");
                boolean on = v.path("enabled").asBoolean(false);
                details = details.withVersioning(on ? new Versioning("Enabled",
                        v.path("mfa_delete").asBoolean(false), null, null) : Versioning.NEVER_ENABLED);
            } else if (created) {
                details = details.withVersioning(Versioning.NEVER_ENABLED);
            } else {
                out.unknown(Unset.outsidePlan(S3Facts.VERSIONING, "the versioning of " + bucketAddress()));
            }
        }

        private void accessPoints() {
            List<AccessPoint> points = new ArrayList<>();
            for (PlanResource ap : b.accessPoints) {
                trail.from(S3Facts.ACCESS_POINTS, ap);
                String name = ap.string("name") != null ? ap.string("name") : ap.address();
                String owner = ap.string("account_id") != null ? ap.string("account_id") : account;
                boolean vpc = ap.after().path("vpc_configuration").size() > 0 || ap.configured("vpc_configuration");
                JsonNode bpaBlock = ap.block("public_access_block_configuration");
                // Access points block all public access unless their configuration says otherwise.
                BlockPublicAccess bpa = bpaBlock.isMissingNode() ? BlockPublicAccess.ALL : new BlockPublicAccess(
                        bpaBlock.path("block_public_acls").asBoolean(true),
                        bpaBlock.path("ignore_public_acls").asBoolean(true),
                        bpaBlock.path("block_public_policy").asBoolean(true),
                        bpaBlock.path("restrict_public_buckets").asBoolean(true));
                PlanResource policyHolder = apPolicies.containsKey(ap) ? apPolicies.get(ap)
                        : ap.configured("policy") ? ap : null;
                boolean read = true;
                if (policyHolder != null) {
                    trail.from(S3Facts.ACCESS_POINTS, policyHolder);
                    if (policyHolder.unknown("policy")) {
                        read = false;
                    } else {
                        String json = policyHolder.string("policy");
                        if (json != null && !json.isBlank()) {
                            try {
                                grants.addAll(evaluator.evaluate(json, S3Channels.ACCESS_POINT_POLICY, name, b.name)
                                        .grants());
                            } catch (MalformedPolicyException e) {
                                read = false;
                            }
                        }
                    }
                }
                points.add(new AccessPoint(name, owner, vpc ? "VPC" : "Internet", bpa, read));
            }
            details = details.withAccessPoints(points);
            if (!created) {
                // An existing bucket may have access points and objects that this plan does not declare.
                if (points.isEmpty()) {
                    out.unknown(Unset.outsidePlan(S3Facts.ACCESS_POINTS, "the access points of " + existing()));
                }
                out.unknown(Unset.outsidePlan(S3Facts.OBJECT_ACLS, "the ACLs of the objects already in "
                        + existing()));
            }
        }

        private String existing() {
            return b.bucket == null ? "bucket '" + b.name + "'" : "existing bucket " + b.bucket.address();
        }

        private void objects() {
            for (PlanResource o : b.objects) {
                if (!o.configured("acl")) {
                    continue;
                }
                trail.from(S3Facts.OBJECT_ACLS, o);
                String key = o.string("key") != null ? o.string("key") : o.address();
                if (o.unknown("acl")) {
                    out.unknown(Unset.afterApply(S3Facts.OBJECT_ACLS, o, "acl"));
                    continue;
                }
                String acl = o.string("acl");
                Grantee who = "public-read".equals(acl) || "public-read-write".equals(acl) ? Grantee.anonymous()
                        : "authenticated-read".equals(acl) ? Grantee.anyAuthenticated() : null;
                if (who != null) {
                    grants.add(new Grant(who, EnumSet.of(Permission.READ), S3Channels.OBJECT_ACL,
                            "ACL of object '" + key + "' (" + o.address() + ")", "canned ACL '" + acl + "' grants "
                            + who.describe(), List.of(), key));
                }
            }
        }
    }
}
