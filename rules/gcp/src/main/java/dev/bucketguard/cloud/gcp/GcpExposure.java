package dev.bucketguard.exposure;

import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.PublicAccessPrevention;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.List;

/** SEMANTICS.md 5.3, per GCS bucket. */
final class GcsExposure extends Verdicts {

    GcsExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
    }

    @Override
    Assessment assess() {
        Boolean papEff = null;
        Boolean ubla = null;
        if (resource.knows(Fact.PUBLIC_ACCESS_PREVENTION)) {
            PublicAccessPrevention pap = resource.guardrails().gcsPublicAccessPrevention();
            Boolean org = resource.guardrails().gcsOrgPublicAccessPrevention();
            papEff = pap == PublicAccessPrevention.ENFORCED ? Boolean.TRUE : org;
            ubla = resource.guardrails().gcsUniformBucketLevelAccess();
        }
        for (Grant g : resource.grants()) {
            effects.add(effectOf(g, papEff, ubla));
        }
        // Step 1.
        if (Tri.isTrue(papEff)) {
            reasons.add("public access prevention is enforced"
                    + (resource.guardrails().gcsPublicAccessPrevention() == PublicAccessPrevention.ENFORCED
                    ? " on the bucket" : " by the organisation policy"));
        } else {
            // Step 2.
            List<Grant> publicGrants = effects.stream().filter(e -> e.mayApply()).map(GrantEffect::grant)
                    .filter(g -> g.grantee().isPublic()).toList();
            List<Grant> inForce = effects.stream().filter(GrantEffect::inForce).map(GrantEffect::grant)
                    .filter(g -> g.grantee().isPublic()).toList();
            if (!inForce.isEmpty() && papEff != null) {
                inForce.forEach(g -> reasons.add(describe(g)));
                reasons.add("public access prevention is not enforced on the bucket or by the organisation");
                tag(inForce);
                return done(Exposure.PUBLIC);
            }
            // Step 3.
            List<String> unknowns = new ArrayList<>();
            if (!resource.knows(Fact.IAM_POLICY)) {
                resource.whyUnknown(Fact.IAM_POLICY).map(Unknown::describe).ifPresent(unknowns::add);
            }
            if (!Tri.isTrue(ubla)) {
                for (Fact f : List.of(Fact.ACL, Fact.DEFAULT_OBJECT_ACL)) {
                    // Not collected is as unknown as denied: in fine-grained mode the ACL may grant allUsers.
                    if (!resource.knows(f)) {
                        resource.whyUnknown(f).map(Unknown::describe).ifPresent(unknowns::add);
                    }
                }
            }
            if (!publicGrants.isEmpty() && papEff == null) {
                publicGrants.forEach(g -> reasons.add(describe(g)));
                unknowns.add(resource.knows(Fact.PUBLIC_ACCESS_PREVENTION)
                        ? "public access prevention is inherited and the organisation policy could not be read"
                        : resource.whyUnknown(Fact.PUBLIC_ACCESS_PREVENTION).map(Unknown::describe).orElse(""));
            }
            if (!unknowns.isEmpty()) {
                reasons.addAll(unknowns);
                return done(Exposure.UNKNOWN);
            }
        }
        // Step 4.
        // Public access prevention stops allUsers, not other projects' members, so the facts that could name
        // those must be read even when step 1 skipped steps 2 and 3.
        List<Fact> holders = new ArrayList<>(List.of(Fact.IAM_POLICY));
        if (!Tri.isTrue(ubla)) {
            holders.add(Fact.ACL);
            holders.add(Fact.DEFAULT_OBJECT_ACL);
        }
        Exposure cross = crossAccountStep(holders);
        if (cross != null) {
            return done(cross);
        }
        // Step 5.
        reasons.add("no IAM binding or ACL reaches anyone outside the owner project and the trusted set");
        if (!Tri.isTrue(ubla) && !Tri.isTrue(papEff)) {
            tags.add(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC);
            reasons.add("uniform bucket-level access is off and public access prevention is not enforced:"
                    + " single objects may still be public");
        }
        return done(Exposure.PRIVATE);
    }

    private GrantEffect effectOf(Grant g, Boolean papEff, Boolean ubla) {
        boolean acl = g.via() == Channel.ACL || g.via() == Channel.DEFAULT_OBJECT_ACL
                || g.via() == Channel.OBJECT_ACL;
        if (acl && Tri.isTrue(ubla)) {
            return new GrantEffect(g, GrantEffect.Effect.NEUTRALISED, "uniform bucket-level access disables ACLs");
        }
        if (g.grantee().isPublic()) {
            if (Tri.isTrue(papEff)) {
                return new GrantEffect(g, GrantEffect.Effect.NEUTRALISED, "public access prevention is enforced");
            }
            if (papEff == null) {
                return new GrantEffect(g, GrantEffect.Effect.UNDECIDED,
                        "whether public access prevention applies could not be read");
            }
        }
        if (acl && ubla == null) {
            return new GrantEffect(g, GrantEffect.Effect.UNDECIDED,
                    "whether uniform bucket-level access disables ACLs could not be read");
        }
        return new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null);
    }

    private void tag(List<Grant> inForce) {
        if (inForce.stream().allMatch(g -> g.grantee().kind() == GranteeKind.ANY_AUTHENTICATED)) {
            tags.add(ExposureTag.AUTH_USERS_ONLY);
        }
        if (inForce.stream().anyMatch(Grant::conditional)) {
            tags.add(ExposureTag.CONDITIONAL);
        }
        if (inForce.stream().anyMatch(g -> g.allows(Permission.LIST))) {
            tags.add(ExposureTag.LISTABLE);
        }
    }
}
