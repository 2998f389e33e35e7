package dev.bucketguard.cloud.gcp;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.Tri;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.List;

/**
 * The exposure verdict of a Cloud Storage bucket ({@code docs/exposure.md}, "Google Cloud Storage"): public access
 * prevention, on the bucket or from the organisation policy, neutralises allUsers and allAuthenticatedUsers; uniform
 * bucket-level access disables ACLs.
 */
final class GcpExposure extends VerdictBuilder {
    private final GcpBucket bucket;

    GcpExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
        this.bucket = GcpBucket.of(resource);
    }

    /**
     * A named member is the owner's when it belongs to the bucket's project (by id, or by the number the metadata
     * gives) or to a trusted project or domain, in any of the forms GCS writes it ({@link GcpMembers}).
     */
    @Override
    protected boolean outsider(Grant g) {
        if (g.grantee().kind() == GranteeKind.ACCOUNT) {
            return !GcpMembers.trusted(g.grantee().id(), resource.account(), bucket.projectNumber(), trust.accounts())
                    && !resource.owner().parents().containsValue(g.grantee().id());
        }
        return super.outsider(g);
    }

    @Override
    public Verdict verdict() {
        PublicAccessPrevention pap = resource.knows(GcpFacts.PUBLIC_ACCESS_PREVENTION)
                ? bucket.publicAccessPrevention() : null;
        Boolean ubla = pap == null ? null : bucket.uniformBucketLevelAccess();
        Boolean papEff = null;
        if (pap != null) {
            papEff = pap.enforcedOnBucket() ? Boolean.TRUE
                    : resource.knows(GcpFacts.ORG_POLICY) ? bucket.orgEnforcesPublicAccessPrevention() : null;
        }
        // Public access prevention stops allUsers, not other projects' members, so the facts that could name those
        // must be read even when step 1 skips steps 2 and 3.
        List<Fact> holders = new ArrayList<>(List.of(GcpFacts.IAM_POLICY));
        if (!Tri.isTrue(ubla)) {
            holders.add(GcpFacts.ACL);
            holders.add(GcpFacts.DEFAULT_OBJECT_ACL);
        }
        grantFacts(holders);
        for (Grant g : resource.grants()) {
            effects.add(effectOf(g, papEff, ubla));
        }
        // An anonymous testIamPermissions hit is proof from outside, whatever the settings read (or not read) say.
        if (resource.knows(GcpFacts.ANONYMOUS_PROBE) && bucket.anonymousPermissions() != null
                && !bucket.anonymousPermissions().isEmpty()) {
            effects.stream().filter(GrantEffect::mayApply).map(GrantEffect::grant).filter(g -> g.grantee().isPublic())
                    .forEach(g -> reasons.add(describe(g)));
            reasons.add("an unauthenticated testIamPermissions shows allUsers holds "
                    + String.join(", ", bucket.anonymousPermissions()));
            tags.add(GcpCloud.PROBED_PUBLIC);
            if (bucket.anonymousPermissions().contains("storage.objects.list")) {
                tags.add(ExposureTag.LISTABLE);
            }
            return done(Exposure.PUBLIC);
        }
        // Step 1.
        if (Tri.isTrue(papEff)) {
            reasons.add("public access prevention is enforced"
                    + (pap.enforcedOnBucket() ? " on the bucket" : " by the organisation policy"));
        } else {
            // Step 2.
            List<Grant> publicGrants = effects.stream().filter(GrantEffect::mayApply).map(GrantEffect::grant)
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
            if (!resource.knows(GcpFacts.IAM_POLICY)) {
                resource.whyUnknown(GcpFacts.IAM_POLICY).map(Unknown::describe).ifPresent(unknowns::add);
            }
            if (!Tri.isTrue(ubla)) {
                for (Fact f : List.of(GcpFacts.ACL, GcpFacts.DEFAULT_OBJECT_ACL)) {
                    // Not collected is as unknown as denied: in fine-grained mode the ACL may grant allUsers.
                    if (!resource.knows(f)) {
                        resource.whyUnknown(f).map(Unknown::describe).ifPresent(unknowns::add);
                    }
                }
            }
            if (!publicGrants.isEmpty() && papEff == null) {
                publicGrants.forEach(g -> reasons.add(describe(g)));
                if (pap != null) {
                    unknowns.add("public access prevention is inherited and the organisation policy could not be"
                            + " read");
                    resource.whyUnknown(GcpFacts.ORG_POLICY).map(Unknown::describe).ifPresent(unknowns::add);
                } else {
                    unknowns.add(resource.whyUnknown(GcpFacts.PUBLIC_ACCESS_PREVENTION).map(Unknown::describe)
                            .orElse("public access prevention was not collected"));
                }
            }
            if (!unknowns.isEmpty()) {
                reasons.addAll(unknowns);
                return done(Exposure.UNKNOWN);
            }
        }
        // Step 4.
        Exposure cross = crossAccountStep();
        if (cross != null) {
            return done(cross);
        }
        // Step 5.
        reasons.add("no IAM binding or ACL reaches anyone outside the owner project and the trusted set");
        if (!Tri.isTrue(ubla) && !Tri.isTrue(papEff)) {
            tags.add(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC);
            // Never claim a setting that was not read.
            String access = ubla == null ? "whether uniform bucket-level access is on could not be read"
                    : "uniform bucket-level access is off";
            String prevention = papEff == null
                    ? "whether public access prevention is enforced could not be read"
                    : "public access prevention is not enforced";
            reasons.add(access + " and " + prevention + ": single objects may still be public");
        }
        return done(Exposure.PRIVATE);
    }

    private static GrantEffect effectOf(Grant g, Boolean papEff, Boolean ubla) {
        boolean acl = GcpChannels.ACL.equals(g.via()) || GcpChannels.DEFAULT_OBJECT_ACL.equals(g.via())
                || GcpChannels.OBJECT_ACL.equals(g.via());
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
        if (inForce.stream().anyMatch(g -> GcpChannels.OBJECT_ACL.equals(g.via()))) {
            tags.add(ExposureTag.OBJECT_PUBLIC);
        }
        if (inForce.stream().anyMatch(g -> g.allows(Permission.LIST))) {
            tags.add(ExposureTag.LISTABLE);
        }
    }
}
