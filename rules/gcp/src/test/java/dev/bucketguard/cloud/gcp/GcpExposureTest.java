package dev.bucketguard.exposure;

import static dev.bucketguard.exposure.Fixtures.assertEffect;
import static dev.bucketguard.exposure.Fixtures.assertReason;
import static dev.bucketguard.exposure.Fixtures.assertVerdict;
import static dev.bucketguard.exposure.Fixtures.conditional;
import static dev.bucketguard.exposure.Fixtures.denied;
import static dev.bucketguard.exposure.Fixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.GrantEffect.Effect;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Guardrails;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.PublicAccessPrevention;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md 5.3, one test per branch. */
class GcsExposureTest {
    private static final String PROJECT = "applicants-prod";
    private final ExposureAnalyzer analyzer = new ExposureAnalyzer();

    private static Resource.Builder bucket(PublicAccessPrevention pap, Boolean orgPap, Boolean ubla) {
        return Resource.builder("gcp", PROJECT, "applicants-cv")
                .collected(Fact.IAM_POLICY, Fact.PUBLIC_ACCESS_PREVENTION, Fact.ACL, Fact.DEFAULT_OBJECT_ACL)
                .guardrails(new Guardrails(null, null, null, null, null, null, pap, orgPap, ubla));
    }

    private static Grant allUsersBinding() {
        return grant(Grantee.anonymous(), Channel.IAM_BINDING, "binding roles/storage.objectViewer",
                Permission.READ, Permission.LIST);
    }

    private static Grant allAuthenticatedBinding() {
        return grant(Grantee.anyAuthenticated(), Channel.IAM_BINDING, "binding roles/storage.objectViewer",
                Permission.READ);
    }

    private static Grant allUsersAcl() {
        return grant(Grantee.anonymous(), Channel.ACL, "bucket ACL", Permission.READ);
    }

    private static Grant allUsersDefaultObjectAcl() {
        return grant(Grantee.anonymous(), Channel.DEFAULT_OBJECT_ACL, "default object ACL", Permission.READ);
    }

    private static Grant otherProject() {
        return grant(Grantee.account("partner-analytics"), Channel.IAM_BINDING,
                "binding roles/storage.objectViewer", Permission.READ);
    }

    @Test
    void gcs_papEnforcedNeutralisesAllUsers() {
        Grant binding = allUsersBinding();
        Grant acl = allUsersAcl();
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.ENFORCED, null, false)
                .grant(binding).grant(acl).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertReason(a, "public access prevention is enforced on the bucket");
        assertEffect(a, binding, Effect.NEUTRALISED, "public access prevention is enforced");
        assertEffect(a, acl, Effect.NEUTRALISED, "public access prevention is enforced");
        assertEquals(Set.of(), a.tags(), "PAP also stops public object ACLs");
    }

    @Test
    void gcs_inheritedPapWithOrgConstraintEnforcedIsNotPublic() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, true, true)
                .grant(allUsersBinding()).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertReason(a, "public access prevention is enforced by the organisation policy");
    }

    @Test
    void gcs_inheritedPapWithUnreadOrgPolicyAndPublicBindingIsUnknown() {
        Grant binding = allUsersBinding();
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, null, true).grant(binding).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "public access prevention is inherited and the organisation policy could not be read");
        assertReason(a, "binding roles/storage.objectViewer grants list, read to anyone");
        assertEffect(a, binding, Effect.UNDECIDED, "public access prevention");
    }

    @Test
    void gcs_inheritedPapWithUnreadOrgPolicyAndNoPublicMemberIsPrivate() {
        // 5.3 step 3: papEff = null makes the verdict UNKNOWN only when step 2 would be true.
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, null, true).build());

        assertVerdict(a, Exposure.PRIVATE);
    }

    @Test
    void gcs_unreadPapSettingWithPublicBindingIsUnknown() {
        Assessment a = analyzer.assess(bucket(null, null, null).unknown(denied(Fact.PUBLIC_ACCESS_PREVENTION))
                .grant(allUsersBinding()).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "storage.buckets.get");
    }

    @Test
    void gcs_step2_allUsersBindingWithoutPapIsPublic() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, true)
                .grant(allUsersBinding()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "binding roles/storage.objectViewer grants list, read to anyone");
        assertReason(a, "public access prevention is not enforced on the bucket or by the organisation");
        assertEquals(Set.of(ExposureTag.LISTABLE), a.tags());
    }

    @Test
    void gcs_step2_allAuthenticatedUsersIsAuthUsersOnly() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, true)
                .grant(allAuthenticatedBinding()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.AUTH_USERS_ONLY), a.tags()::toString);
    }

    @Test
    void gcs_step2_conditionalAllUsersBindingIsStillPublicAndTaggedConditional() {
        Grant g = conditional(Grantee.anonymous(), Channel.IAM_BINDING, "binding roles/storage.objectViewer",
                "resource.name.startsWith(\"projects/_/buckets/applicants-cv/objects/public/\")", Permission.READ);
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, true).grant(g).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.CONDITIONAL), a.tags()::toString);
    }

    @Test
    void gcs_ublaDisablesAcls() {
        Grant acl = allUsersAcl();
        Grant dacl = allUsersDefaultObjectAcl();
        Assessment uniform = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, true)
                .grant(acl).grant(dacl).build());
        assertVerdict(uniform, Exposure.PRIVATE);
        assertEffect(uniform, acl, Effect.NEUTRALISED, "uniform bucket-level access disables ACLs");
        assertEffect(uniform, dacl, Effect.NEUTRALISED, "uniform bucket-level access disables ACLs");
        assertEquals(Set.of(), uniform.tags());

        Assessment fineGrained = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, false)
                .grant(acl).build());
        assertVerdict(fineGrained, Exposure.PUBLIC);
        assertReason(fineGrained, "bucket ACL grants read to anyone");
    }

    @Test
    void gcs_step2_defaultObjectAclWithAllUsersIsPublicWithoutUbla() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, false)
                .grant(allUsersDefaultObjectAcl()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "default object ACL grants read to anyone");
    }

    @Test
    void gcs_step3_deniedIamPolicyIsUnknown() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, true)
                .unknown(denied(Fact.IAM_POLICY)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read IAM_POLICY: buckets.getIamPolicy failed with AccessDenied"
                + " (needs storage.buckets.getIamPolicy)");
    }

    @Test
    void gcs_step3_aPublicAclStillProvesPublicWhenIamIsDenied() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, false)
                .unknown(denied(Fact.IAM_POLICY)).grant(allUsersAcl()).build());

        assertVerdict(a, Exposure.PUBLIC);
    }

    @Test
    void gcs_step3_unreadAclWithoutUblaIsUnknown_withUblaIrrelevant() {
        Assessment fine = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, false)
                .unknown(new Unknown(Fact.ACL, "bucketAccessControls.list",
                        "storage.buckets.getIamPolicy", "AccessDenied")).build());
        assertVerdict(fine, Exposure.UNKNOWN);
        assertReason(fine, "could not read ACL");

        Assessment uniform = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, true)
                .unknown(new Unknown(Fact.ACL, "bucketAccessControls.list", null,
                        "400 uniform bucket-level access is enabled")).build());
        assertVerdict(uniform, Exposure.PRIVATE);
    }

    @Test
    void gcs_step3_uncollectedAclWithoutUblaIsUnknownNotPrivate() {
        // A fact never collected is not "no ACL": bucket ACLs may grant allUsers in fine-grained mode.
        Assessment a = analyzer.assess(Resource.builder("gcp", PROJECT, "applicants-cv")
                .collected(Fact.IAM_POLICY, Fact.PUBLIC_ACCESS_PREVENTION)
                .guardrails(new Guardrails(null, null, null, null, null, null, PublicAccessPrevention.INHERITED,
                        false, false))
                .build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read ACL: not collected");
    }

    @Test
    void gcs_step4_memberOutsideTrustedProjectsIsCrossAccount() {
        Resource r = bucket(PublicAccessPrevention.ENFORCED, null, true).grant(otherProject()).build();

        Assessment a = analyzer.assess(r);
        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of("partner-analytics"), a.outsiders());

        Assessment trusted = new ExposureAnalyzer(new TrustZone(Set.of("partner-analytics"), Set.of())).assess(r);
        assertVerdict(trusted, Exposure.PRIVATE);
    }

    @Test
    void gcs_step4_papEnforcedWithDeniedIamPolicyIsUnknownNotPrivate() {
        // PAP stops allUsers, not other projects' members, and those sit in the IAM policy that could not be read.
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.ENFORCED, null, true)
                .unknown(denied(Fact.IAM_POLICY)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "storage.buckets.getIamPolicy");
    }

    @Test
    void gcs_step4_papEnforcedWithUnreadAclInFineGrainedModeIsUnknownNotPrivate() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.ENFORCED, null, false)
                .unknown(new Unknown(Fact.ACL, "bucketAccessControls.list",
                        "storage.buckets.getIamPolicy", "AccessDenied")).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read ACL");
    }

    @Test
    void gcs_step4_aclGrantToAnotherProjectWithUnreadUblaIsUnknown() {
        Grant acl = grant(Grantee.account("partner-analytics"), Channel.ACL, "bucket ACL", Permission.READ);
        Assessment a = analyzer.assess(bucket(null, null, null).unknown(denied(Fact.PUBLIC_ACCESS_PREVENTION))
                .grant(acl).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertEffect(a, acl, Effect.UNDECIDED, "uniform bucket-level access");
    }

    @Test
    void gcs_step5_privateInFineGrainedModeMayHavePublicObjects() {
        Assessment a = analyzer.assess(bucket(PublicAccessPrevention.INHERITED, false, false).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC), a.tags());
        assertReason(a, "single objects may still be public");
    }
}
