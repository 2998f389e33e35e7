package dev.bucketguard.cloud.gcp;

import static dev.bucketguard.cloud.gcp.Fixtures.PROJECT;
import static dev.bucketguard.cloud.gcp.Fixtures.verdict;
import static dev.bucketguard.cloud.gcp.Fixtures.bucket;
import static dev.bucketguard.cloud.gcp.Fixtures.conditional;
import static dev.bucketguard.cloud.gcp.Fixtures.denied;
import static dev.bucketguard.cloud.gcp.Fixtures.grant;
import static dev.bucketguard.testkit.VerdictAssertions.assertEffect;
import static dev.bucketguard.testkit.VerdictAssertions.assertReason;
import static dev.bucketguard.testkit.VerdictAssertions.assertVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect.Effect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Cloud Storage verdict (docs/exposure.md, "Google Cloud Storage"), one test per branch. */
class GcpExposureTest {

    private static Grant allUsersBinding() {
        return grant(Grantee.anonymous(), GcpChannels.IAM_BINDING, "binding roles/storage.objectViewer",
                Permission.READ, Permission.LIST);
    }

    private static Grant allAuthenticatedBinding() {
        return grant(Grantee.anyAuthenticated(), GcpChannels.IAM_BINDING, "binding roles/storage.objectViewer",
                Permission.READ);
    }

    private static Grant allUsersAcl() {
        return grant(Grantee.anonymous(), GcpChannels.ACL, "bucket ACL", Permission.READ);
    }

    private static Grant allUsersDefaultObjectAcl() {
        return grant(Grantee.anonymous(), GcpChannels.DEFAULT_OBJECT_ACL, "default object ACL", Permission.READ);
    }

    private static Grant otherProject() {
        return grant(Grantee.account("partner-analytics"), GcpChannels.IAM_BINDING,
                "binding roles/storage.objectViewer", Permission.READ);
    }

    @Test
    void gcp_papEnforcedNeutralisesAllUsers() {
        Grant binding = allUsersBinding();
        Grant acl = allUsersAcl();
        Verdict a = verdict(bucket(PublicAccessPrevention.ENFORCED, null, false)
                .grant(binding).grant(acl).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertReason(a, "public access prevention is enforced on the bucket");
        assertEffect(a, binding, Effect.NEUTRALISED, "public access prevention is enforced");
        assertEffect(a, acl, Effect.NEUTRALISED, "public access prevention is enforced");
        assertEquals(Set.of(), a.tags(), "PAP also stops public object ACLs");
    }

    @Test
    void gcp_inheritedPapWithOrgConstraintEnforcedIsNotPublic() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, true, true)
                .grant(allUsersBinding()).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertReason(a, "public access prevention is enforced by the organisation policy");
    }

    @Test
    void gcp_inheritedPapWithUnreadOrgPolicyAndPublicBindingIsUnknown() {
        Grant binding = allUsersBinding();
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, null, true).grant(binding).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "public access prevention is inherited and the organisation policy could not be read");
        assertReason(a, "binding roles/storage.objectViewer grants list, read to anyone");
        assertEffect(a, binding, Effect.UNDECIDED, "public access prevention");
    }

    @Test
    void gcp_inheritedPapWithUnreadOrgPolicyAndNoPublicMemberIsPrivate() {
        // 5.3 step 3: papEff = null makes the verdict UNKNOWN only when step 2 would be true.
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, null, true).build());

        assertVerdict(a, Exposure.PRIVATE);
    }

    @Test
    void gcp_unreadPapSettingWithPublicBindingIsUnknown() {
        Verdict a = verdict(bucket(null, null, null).unknown(denied(GcpFacts.PUBLIC_ACCESS_PREVENTION))
                .grant(allUsersBinding()).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "storage.buckets.get");
    }

    @Test
    void gcp_step2_allUsersBindingWithoutPapIsPublic() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, false, true)
                .grant(allUsersBinding()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "binding roles/storage.objectViewer grants list, read to anyone");
        assertReason(a, "public access prevention is not enforced on the bucket or by the organisation");
        assertEquals(Set.of(ExposureTag.LISTABLE), a.tags());
    }

    @Test
    void gcp_step2_allAuthenticatedUsersIsAuthUsersOnly() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, false, true)
                .grant(allAuthenticatedBinding()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.AUTH_USERS_ONLY), a.tags()::toString);
    }

    @Test
    void gcp_step2_conditionalAllUsersBindingIsStillPublicAndTaggedConditional() {
        Grant g = conditional(Grantee.anonymous(), GcpChannels.IAM_BINDING, "binding roles/storage.objectViewer",
                "resource.name.startsWith(\"projects/_/buckets/applicants-cv/objects/public/\")", Permission.READ);
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, false, true).grant(g).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.CONDITIONAL), a.tags()::toString);
    }

    @Test
    void gcp_ublaDisablesAcls() {
        Grant acl = allUsersAcl();
        Grant dacl = allUsersDefaultObjectAcl();
        Verdict uniform = verdict(bucket(PublicAccessPrevention.INHERITED, false, true)
                .grant(acl).grant(dacl).build());
        assertVerdict(uniform, Exposure.PRIVATE);
        assertEffect(uniform, acl, Effect.NEUTRALISED, "uniform bucket-level access disables ACLs");
        assertEffect(uniform, dacl, Effect.NEUTRALISED, "uniform bucket-level access disables ACLs");
        assertEquals(Set.of(), uniform.tags());

        Verdict fineGrained = verdict(bucket(PublicAccessPrevention.INHERITED, false, false)
                .grant(acl).build());
        assertVerdict(fineGrained, Exposure.PUBLIC);
        assertReason(fineGrained, "bucket ACL grants read to anyone");
    }

    @Test
    void gcp_step2_defaultObjectAclWithAllUsersIsPublicWithoutUbla() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, false, false)
                .grant(allUsersDefaultObjectAcl()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "default object ACL grants read to anyone");
    }

    @Test
    void gcp_step3_deniedIamPolicyIsUnknown() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, false, true)
                .unknown(denied(GcpFacts.IAM_POLICY)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read IAM_POLICY: buckets.getIamPolicy failed with AccessDenied"
                + " (needs storage.buckets.getIamPolicy)");
    }

    @Test
    void gcp_step3_aPublicAclStillProvesPublicWhenIamIsDenied() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, false, false)
                .unknown(denied(GcpFacts.IAM_POLICY)).grant(allUsersAcl()).build());

        assertVerdict(a, Exposure.PUBLIC);
    }

    @Test
    void gcp_step3_unreadAclWithoutUblaIsUnknown_withUblaIrrelevant() {
        Verdict fine = verdict(bucket(PublicAccessPrevention.INHERITED, false, false)
                .unknown(new Unknown(GcpFacts.ACL, "bucketAccessControls.list",
                        "storage.buckets.getIamPolicy", "AccessDenied")).build());
        assertVerdict(fine, Exposure.UNKNOWN);
        assertReason(fine, "could not read ACL");

        Verdict uniform = verdict(bucket(PublicAccessPrevention.INHERITED, false, true)
                .unknown(new Unknown(GcpFacts.ACL, "bucketAccessControls.list", null,
                        "400 uniform bucket-level access is enabled")).build());
        assertVerdict(uniform, Exposure.PRIVATE);
    }

    @Test
    void gcp_step3_uncollectedAclWithoutUblaIsUnknownNotPrivate() {
        // A fact never collected is not "no ACL": bucket ACLs may grant allUsers in fine-grained mode.
        Verdict a = verdict(Resource.builder(GcpCloud.ID, PROJECT, "applicants-cv").kind(GcpCloud.BUCKET)
                .collected(GcpFacts.IAM_POLICY, GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpFacts.ORG_POLICY)
                .details(new GcpBucket(PublicAccessPrevention.INHERITED, false, false, null, null))
                .build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read ACL: not collected");
    }

    @Test
    void gcp_step4_memberOutsideTrustedProjectsIsCrossAccount() {
        Resource r = bucket(PublicAccessPrevention.ENFORCED, null, true).grant(otherProject()).build();

        Verdict a = verdict(r);
        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of("partner-analytics"), a.outsiders());

        Verdict trusted = verdict(r, new TrustZone(Set.of("partner-analytics"), Set.of()));
        assertVerdict(trusted, Exposure.PRIVATE);
    }

    @Test
    void gcp_step4_papEnforcedWithDeniedIamPolicyIsUnknownNotPrivate() {
        // PAP stops allUsers, not other projects' members, and those sit in the IAM policy that could not be read.
        Verdict a = verdict(bucket(PublicAccessPrevention.ENFORCED, null, true)
                .unknown(denied(GcpFacts.IAM_POLICY)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "storage.buckets.getIamPolicy");
    }

    @Test
    void gcp_step4_papEnforcedWithUnreadAclInFineGrainedModeIsUnknownNotPrivate() {
        Verdict a = verdict(bucket(PublicAccessPrevention.ENFORCED, null, false)
                .unknown(new Unknown(GcpFacts.ACL, "bucketAccessControls.list",
                        "storage.buckets.getIamPolicy", "AccessDenied")).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read ACL");
    }

    @Test
    void gcp_step4_aclGrantToAnotherProjectWithUnreadUblaIsUnknown() {
        Grant acl = grant(Grantee.account("partner-analytics"), GcpChannels.ACL, "bucket ACL", Permission.READ);
        Verdict a = verdict(bucket(null, null, null).unknown(denied(GcpFacts.PUBLIC_ACCESS_PREVENTION))
                .grant(acl).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertEffect(a, acl, Effect.UNDECIDED, "uniform bucket-level access");
    }

    @Test
    void gcp_step5_privateInFineGrainedModeMayHavePublicObjects() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, false, false).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC), a.tags());
        assertReason(a, "single objects may still be public");
    }

    @Test
    void gcp_inheritedPapWithDeniedOrgPolicyNamesThePermission() {
        Verdict a = verdict(bucket(PublicAccessPrevention.INHERITED, null, true).grant(allUsersBinding()).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read ORG_POLICY: projects.getEffectiveOrgPolicy failed with AccessDenied"
                + " (needs orgpolicy.policy.get)");
        assertEquals(List.of(), a.outsiders());
    }

    @Test
    void gcp_unspecifiedPapDefersToTheOrganisationPolicyLikeInherited() {
        Verdict enforced = verdict(bucket(PublicAccessPrevention.UNSPECIFIED, true, true)
                .grant(allUsersBinding()).build());
        assertVerdict(enforced, Exposure.PRIVATE);
        assertReason(enforced, "enforced by the organisation policy");

        Verdict notEnforced = verdict(bucket(PublicAccessPrevention.UNSPECIFIED, false, true)
                .grant(allUsersBinding()).build());
        assertVerdict(notEnforced, Exposure.PUBLIC);
    }

    @Test
    void gcp_aBucketOfTheOwnersOrganisationIsNotCrossAccount() {
        Resource r = bucket(PublicAccessPrevention.ENFORCED, true, true).parent(GcpCloud.ORGANIZATION, "1234567890")
                .grant(grant(Grantee.organization("1234567890"), GcpChannels.IAM_BINDING,
                        "binding roles/storage.objectViewer", Permission.READ))
                .build();

        assertVerdict(verdict(r), Exposure.PRIVATE);
    }

    @Test
    void gcp_defect_aPublicAclWithUniformAccessUnreadIsUnknownAndNoReasonClaimsItOff() {
        Grant acl = allUsersAcl();
        Verdict a = verdict(bucket(null, false, null).grant(acl).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertTrue(a.reasons().stream().noneMatch(r -> r.contains("uniform bucket-level access is off")),
                a.reasons()::toString);
        assertEffect(a, acl, Effect.UNDECIDED, "public access prevention");
    }

    @Test
    void gcp_defect_privateWithUniformAccessUnreadSaysItCouldNotBeRead() {
        // No public grant, every grant fact read; the iamConfiguration is not: objects may be public.
        Verdict a = verdict(bucket(null, false, null).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertTrue(a.tags().contains(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC));
        assertReason(a, "whether uniform bucket-level access is on could not be read");
        assertTrue(a.reasons().stream().noneMatch(r -> r.contains("uniform bucket-level access is off")),
                a.reasons()::toString);
    }

    @Test
    void gcp_defect_membersAreMatchedTheWayGcsWritesThem() {
        Resource r = bucket(PublicAccessPrevention.ENFORCED, true, false)
                .details(new GcpBucket(PublicAccessPrevention.ENFORCED, false, true, null, null, "123456789012", null))
                .grant(grant(Grantee.account("project-owners-123456789012"), GcpChannels.ACL, "bucket ACL entry",
                        Permission.LIST, Permission.WRITE))
                .grant(grant(Grantee.account("user:alice@partner.example"), GcpChannels.IAM_BINDING,
                        "binding roles/storage.objectViewer", Permission.READ))
                .build();

        Verdict a = verdict(r);
        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of("user:alice@partner.example"), a.outsiders(), "the owner's number is the owner");
        assertVerdict(verdict(r, new TrustZone(Set.of("partner.example"), Set.of())), Exposure.PRIVATE);
    }

    @Test
    void gcp_anAnonymousProbeHitProvesPublicEvenWithTheOrganisationPolicyUnread() {
        Resource r = bucket(PublicAccessPrevention.INHERITED, null, true).grant(allUsersBinding())
                .collected(GcpFacts.ANONYMOUS_PROBE)
                .details(new GcpBucket(PublicAccessPrevention.INHERITED, true, null, null, null, null,
                        List.of("storage.objects.get")))
                .build();

        Verdict a = verdict(r);
        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "an unauthenticated testIamPermissions shows allUsers holds storage.objects.get");
        assertTrue(a.tags().contains(GcpCloud.PROBED_PUBLIC));
    }

    @Test
    void gcp_anAnonymousProbeMissProvesNothing() {
        Resource r = bucket(PublicAccessPrevention.INHERITED, null, true).grant(allUsersBinding())
                .collected(GcpFacts.ANONYMOUS_PROBE)
                .details(new GcpBucket(PublicAccessPrevention.INHERITED, true, null, null, null, null, List.of()))
                .build();

        assertVerdict(verdict(r), Exposure.UNKNOWN);
    }
}
