package dev.bucketguard.cloud.aws;

import dev.bucketguard.cloud.aws.BlockPublicAccess.Setting;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.Tri;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The exposure verdict of an S3 bucket ({@code docs/exposure.md}).
 *
 * <p>Deviations, each towards "more exposed": public grants on sampled objects (object ACLs in force and not
 * ignored) make the bucket PUBLIC with the tag OBJECT_PUBLIC, and so does a public access-point policy on an
 * internet-origin access point that no RestrictPublicBuckets covers (tag ACCESS_POINT), since either one lets anyone
 * read data. Where GetBucketPolicyStatus was read, its IsPublic decides whether the policy is public
 * ({@link PolicyVerdict}), except that when bucketguard's evaluator proves a statement public and the status says
 * "not public", the verdict takes the more exposed answer (an emulator's crude status, or a gap in either analysis,
 * must never hide a public bucket); the rule {@code aws.s3.policy-status-disagrees} reports every disagreement.
 */
final class AwsExposure extends VerdictBuilder {
    /** The reason given when the evaluator proved the policy public against the status. */
    private static final String STATUS_OVERRULED = "GetBucketPolicyStatus reports that the policy is not public, but"
            + " bucketguard's evaluator finds the statements above public: the verdict takes the more exposed answer"
            + " (see aws.s3.policy-status-disagrees)";
    /** The reason given when only GetBucketPolicyStatus says the policy is public. */
    private static final String STATUS_PUBLIC = "GetBucketPolicyStatus reports that the bucket policy is public";

    private final S3Bucket bucket;
    private final BlockPublicAccessLevels levels;
    private Boolean ipa;
    private Boolean rpb;
    private Boolean aclsOn;
    private Boolean policyPublic;
    private Boolean policyS3Public;
    private List<String> publicToS3 = List.of();
    private boolean policyPublicFromStatus;
    private boolean statusOverruled;
    private List<String> policyUndecided = List.of();

    AwsExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
        this.bucket = S3Bucket.of(resource);
        this.levels = BlockPublicAccessLevels.of(resource);
    }

    @Override
    public Verdict verdict() {
        readGuardrails();
        readPolicyVerdict();
        List<Fact> holders = new ArrayList<>(List.of(S3Facts.POLICY));
        if (!Tri.isFalse(aclsOn)) {
            holders.add(S3Facts.ACL);
        }
        if (resource.collected().contains(S3Facts.ACCESS_POINTS)) {
            holders.add(S3Facts.ACCESS_POINTS);
        }
        grantFacts(holders);
        Map<String, AccessPoint> accessPoints = bucket.accessPoints().stream()
                .collect(Collectors.toMap(AccessPoint::name, Function.identity(), (a, b) -> a));
        for (Grant g : resource.grants()) {
            effects.add(effectOf(g, S3Channels.ACCESS_POINT_POLICY.equals(g.via()) && g.scope() != null
                    ? accessPoints.get(g.scope()) : null));
        }
        for (AccessPoint ap : bucket.accessPoints()) {
            if (foreign(ap)) {
                otherOutsiders.add(ap.ownerAccount());
            }
        }
        if (resource.knows(S3Facts.WEBSITE) && bucket.website() != null && bucket.website().enabled()) {
            tags.add(ExposureTag.WEBSITE);
        }

        // An unsigned request that was served is proof from outside, whatever the settings read (or not read) say.
        List<AnonymousProbe> proofs = probes().stream().filter(AnonymousProbe::succeeded).toList();
        if (!proofs.isEmpty()) {
            effects.stream().filter(GrantEffect::mayApply).map(GrantEffect::grant)
                    .filter(g -> g.grantee().isPublic()).forEach(g -> reasons.add(describe(g)));
            proofs.forEach(p -> reasons.add(p.describe(resource.id()) + ": proven anonymous from where the scan ran"));
            tags.add(AwsCloud.PROBED_PUBLIC);
            if (proofs.stream().anyMatch(p -> p.request().startsWith("list"))) {
                tags.add(ExposureTag.LISTABLE);
            }
            return done(Exposure.PUBLIC);
        }

        // Step 1: IgnorePublicAcls and RestrictPublicBuckets both on: not public, whatever the policy and ACL say.
        if (Tri.isTrue(ipa) && Tri.isTrue(rpb)) {
            reasons.add("IgnorePublicAcls and RestrictPublicBuckets are on ("
                    + levels.state(Setting.IGNORE_PUBLIC_ACLS) + "; " + levels.state(Setting.RESTRICT_PUBLIC_BUCKETS)
                    + "): public ACLs and public policies are ignored");
        } else {
            // Steps 2 and 3.
            Boolean policyTerm = Tri.and(policyPublic, Tri.not(rpb));
            Boolean aclTerm = Tri.and(Tri.and(aclsOn, aclGrantsPublic()), Tri.not(ipa));
            Boolean otherTerm = Tri.or(publicGrantsThrough(S3Channels.OBJECT_ACL, S3Channels.ACCESS_POINT_POLICY),
                    unreadInternetAccessPointPolicy());
            Boolean isPublic = Tri.or(Tri.or(policyTerm, aclTerm), otherTerm);
            if (Tri.isTrue(isPublic)) {
                explainPublic(policyTerm, aclTerm);
                return withRefusals(Exposure.PUBLIC);
            }
            if (isPublic == null) {
                explainUndecided(policyTerm, aclTerm, otherTerm);
                return withRefusals(Exposure.UNKNOWN);
            }
        }

        // Step 4: cross-account.
        Exposure cross = crossAccountStep();
        boolean foreignAccessPoint = false;
        boolean unreadAccessPointPolicy = false;
        for (AccessPoint ap : bucket.accessPoints()) {
            if (foreign(ap)) {
                reasons.add("access point '" + ap.name() + "' belongs to account " + ap.ownerAccount()
                        + " (outside the owner account and the trusted set)");
                foreignAccessPoint = true;
            }
            if (!ap.policyRead()) {
                unreadAccessPointPolicy = true;
            }
        }
        if (cross == Exposure.CROSS_ACCOUNT || foreignAccessPoint) {
            return done(Exposure.CROSS_ACCOUNT);
        }
        if (cross == null && unreadAccessPointPolicy) {
            bucket.accessPoints().stream().filter(ap -> !ap.policyRead()).forEach(ap -> reasons.add(
                    "the policy of access point '" + ap.name() + "' could not be read (needs"
                            + " s3:GetAccessPointPolicy): it may grant other accounts"));
            return withRefusals(Exposure.UNKNOWN);
        }
        if (cross == Exposure.UNKNOWN) {
            return withRefusals(Exposure.UNKNOWN);
        }

        // Step 5: private.
        reasons.add("no policy statement, ACL grant or access point reaches anyone outside the owner account"
                + (trust.accounts().isEmpty() && trust.organizations().isEmpty() ? "" : " and the trusted set"));
        if (!Tri.isFalse(aclsOn) && !Tri.isTrue(ipa)) {
            tags.add(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC);
            reasons.add("ACLs are in force and IgnorePublicAcls is not on: single objects may still be public");
        }
        return done(Exposure.PRIVATE);
    }

    /** The probes sent to the bucket, when it was probed. */
    private List<AnonymousProbe> probes() {
        return resource.knows(S3Facts.ANONYMOUS_PROBE) ? bucket.anonymousProbes() : List.of();
    }

    /** Closes a PUBLIC or UNKNOWN verdict with the refused probes as evidence: never as proof of privacy. */
    private Verdict withRefusals(Exposure exposure) {
        probes().stream().filter(p -> !p.succeeded()).forEach(p -> reasons.add(p.describe(resource.id())
                + ": evidence only, a refusal does not prove the bucket private"));
        return done(exposure);
    }

    private boolean foreign(AccessPoint ap) {
        return ap.ownerAccount() != null && !trust.trustsAccount(resource.owner(), ap.ownerAccount());
    }

    private void readGuardrails() {
        ipa = levels.effective(Setting.IGNORE_PUBLIC_ACLS);
        rpb = levels.effective(Setting.RESTRICT_PUBLIC_BUCKETS);
        if (resource.knows(S3Facts.OBJECT_OWNERSHIP) && bucket.objectOwnership() != null) {
            aclsOn = bucket.objectOwnership().aclsEnabled();
        }
    }

    private void readPolicyVerdict() {
        PolicyVerdict p = PolicyVerdict.of(resource);
        policyPublic = p.isPublic();
        policyS3Public = p.s3Public();
        publicToS3 = p.publicToS3();
        policyPublicFromStatus = p.fromStatus();
        statusOverruled = p.statusOverruled();
        policyUndecided = p.undecided();
    }

    private Boolean aclGrantsPublic() {
        if (!resource.knows(S3Facts.ACL)) {
            return null;
        }
        return resource.grants().stream().anyMatch(g -> S3Channels.ACL.equals(g.via()) && g.grantee().isPublic());
    }

    private Boolean publicGrantsThrough(Channel... channels) {
        Boolean any = false;
        for (GrantEffect e : effects) {
            if (List.of(channels).contains(e.grant().via()) && e.grant().grantee().isPublic()) {
                any = Tri.or(any,
                        e.inForce() ? Boolean.TRUE : e.effect() == GrantEffect.Effect.UNDECIDED ? null : false);
            }
        }
        return any;
    }

    /**
     * Null when an internet-origin access point's policy could not be read and no RestrictPublicBuckets covers it: it
     * may be public. False otherwise.
     */
    private Boolean unreadInternetAccessPointPolicy() {
        for (AccessPoint ap : bucket.accessPoints()) {
            if (!ap.policyRead() && !ap.vpcOnly()
                    && !Tri.isTrue(Tri.or(Setting.RESTRICT_PUBLIC_BUCKETS.in(ap.blockPublicAccess()), rpb))) {
                return null;
            }
        }
        return false;
    }

    private GrantEffect effectOf(Grant g, AccessPoint ap) {
        GranteeKind kind = g.grantee().kind();
        if (kind == GranteeKind.OWNER || kind == GranteeKind.SERVICE) {
            return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
        }
        Channel via = g.via();
        if (S3Channels.ACL.equals(via) || S3Channels.OBJECT_ACL.equals(via)) {
            return aclEffect(g);
        }
        if (S3Channels.POLICY.equals(via)) {
            return policyEffect(g);
        }
        if (S3Channels.ACCESS_POINT_POLICY.equals(via)) {
            return accessPointEffect(g, ap);
        }
        return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
    }

    private GrantEffect aclEffect(Grant g) {
        if (Tri.isFalse(aclsOn)) {
            return neutralised(g, "ACLs are disabled (Object Ownership is BucketOwnerEnforced)");
        }
        if (g.grantee().isPublic()) {
            if (Tri.isTrue(ipa)) {
                return neutralised(g, levels.state(Setting.IGNORE_PUBLIC_ACLS));
            }
            if (ipa == null) {
                return undecided(g, "Block Public Access (IgnorePublicAcls) could not be read");
            }
        }
        if (aclsOn == null) {
            return undecided(g, "Object Ownership could not be read, so whether ACLs are in force is unknown");
        }
        return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
    }

    private GrantEffect policyEffect(Grant g) {
        boolean publicGrant = g.grantee().isPublic();
        if (Tri.isFalse(policyS3Public)) {
            return publicGrant
                    ? neutralised(g, "GetBucketPolicyStatus reports that the policy is not public")
                    : new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
        }
        String rpbText = levels.state(Setting.RESTRICT_PUBLIC_BUCKETS);
        if (Tri.isTrue(policyS3Public) || publicGrant) {
            // RestrictPublicBuckets cuts a public policy's grants, named accounts included, down to owner and services.
            if (Tri.isTrue(rpb)) {
                return neutralised(g, rpbText + " and S3 calls the policy public: only the owner and AWS services"
                        + " keep access");
            }
            if (rpb == null) {
                return undecided(g, "Block Public Access (RestrictPublicBuckets) could not be read");
            }
            if (publicGrant && policyPublic == null) {
                return undecided(g, "whether the policy is public could not be decided: "
                        + String.join("; ", policyUndecided));
            }
            return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
        }
        // A named-account grant in a policy whose publicness is unknown: RestrictPublicBuckets may or may not cut it.
        if (!Tri.isFalse(rpb)) {
            return undecided(g, "RestrictPublicBuckets cuts this grant only if the policy is public, which could not"
                    + " be decided");
        }
        return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
    }

    private GrantEffect accessPointEffect(Grant g, AccessPoint ap) {
        if (!g.grantee().isPublic()) {
            return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
        }
        if (ap != null && ap.vpcOnly()) {
            return neutralised(g, "access point '" + ap.name() + "' accepts requests only from a VPC");
        }
        Boolean apRpb = ap == null ? null : Setting.RESTRICT_PUBLIC_BUCKETS.in(ap.blockPublicAccess());
        Boolean effective = Tri.or(apRpb, rpb);
        if (Tri.isTrue(effective)) {
            return neutralised(g, "RestrictPublicBuckets is on for the access point, bucket or account");
        }
        if (effective == null) {
            return undecided(g, "Block Public Access of the access point, bucket or account could not be read");
        }
        return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
    }

    private static GrantEffect neutralised(Grant g, String why) {
        return new GrantEffect(g, GrantEffect.Effect.NEUTRALISED, why);
    }

    private static GrantEffect undecided(Grant g, String why) {
        return new GrantEffect(g, GrantEffect.Effect.UNDECIDED, why);
    }

    private void explainPublic(Boolean policyTerm, Boolean aclTerm) {
        List<Grant> publicInForce = effects.stream().filter(GrantEffect::inForce).map(GrantEffect::grant)
                .filter(g -> g.grantee().isPublic()).toList();
        for (Grant g : publicInForce) {
            String why = describe(g);
            if (S3Channels.POLICY.equals(g.via())) {
                why += g.conditions().isEmpty() ? "; no condition restricts it" : "";
            }
            reasons.add(why);
        }
        if (Tri.isTrue(policyTerm)) {
            if (policyPublicFromStatus && publicInForce.stream().noneMatch(g -> S3Channels.POLICY.equals(g.via()))) {
                reasons.add(STATUS_PUBLIC);
            }
            if (statusOverruled) {
                reasons.add(STATUS_OVERRULED);
            }
            reasons.add(levels.state(Setting.RESTRICT_PUBLIC_BUCKETS));
        }
        if (Tri.isTrue(aclTerm)) {
            reasons.add(levels.state(Setting.IGNORE_PUBLIC_ACLS)
                    + "; ACLs are in force (Object Ownership is not BucketOwnerEnforced)");
        }
        if (!publicInForce.isEmpty() && publicInForce.stream()
                .allMatch(g -> g.grantee().kind() == GranteeKind.ANY_AUTHENTICATED)) {
            tags.add(ExposureTag.AUTH_USERS_ONLY);
        }
        if (publicInForce.stream().anyMatch(g -> g.allows(Permission.LIST))) {
            tags.add(ExposureTag.LISTABLE);
        }
        if (publicInForce.stream().anyMatch(g -> S3Channels.OBJECT_ACL.equals(g.via()))) {
            tags.add(ExposureTag.OBJECT_PUBLIC);
        }
        if (publicInForce.stream().anyMatch(g -> S3Channels.ACCESS_POINT_POLICY.equals(g.via()))) {
            tags.add(AwsCloud.ACCESS_POINT);
        }
    }

    private void explainUndecided(Boolean policyTerm, Boolean aclTerm, Boolean otherTerm) {
        if (policyTerm == null) {
            if (policyPublic == null) {
                reasons.add("whether the bucket policy is public could not be decided: "
                        + String.join("; ", policyUndecided));
            }
            if (rpb == null) {
                reasons.add(levels.state(Setting.RESTRICT_PUBLIC_BUCKETS));
                unknownReason(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET);
                unknownReason(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT);
            }
        }
        if (aclTerm == null) {
            if (!resource.knows(S3Facts.ACL)) {
                unknownReason(S3Facts.ACL);
            }
            if (aclsOn == null) {
                unknownReason(S3Facts.OBJECT_OWNERSHIP);
            }
            if (ipa == null) {
                reasons.add(levels.state(Setting.IGNORE_PUBLIC_ACLS));
                unknownReason(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET);
                unknownReason(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT);
            }
        }
        if (otherTerm == null) {
            bucket.accessPoints().stream().filter(ap -> !ap.policyRead() && !ap.vpcOnly()).forEach(ap ->
                    reasons.add("the policy of internet access point '" + ap.name() + "' could not be read (needs"
                            + " s3:GetAccessPointPolicy), and no RestrictPublicBuckets covers it"));
            for (GrantEffect e : effects) {
                if (e.effect() == GrantEffect.Effect.UNDECIDED && e.grant().grantee().isPublic()) {
                    reasons.add(describe(e.grant()) + ", but whether it is in force is unknown: " + e.why());
                }
            }
        }
    }

    private void unknownReason(Fact f) {
        resource.whyUnknown(f).map(Unknown::describe).filter(r -> !reasons.contains(r)).ifPresent(reasons::add);
    }
}
