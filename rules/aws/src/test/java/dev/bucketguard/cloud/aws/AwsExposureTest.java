package dev.bucketguard.cloud.aws;

import static dev.bucketguard.cloud.aws.Fixtures.CANONICAL;
import static dev.bucketguard.cloud.aws.Fixtures.OUTSIDER;
import static dev.bucketguard.cloud.aws.Fixtures.OWNER;
import static dev.bucketguard.cloud.aws.Fixtures.TRUSTED;
import static dev.bucketguard.cloud.aws.Fixtures.aclAllUsers;
import static dev.bucketguard.cloud.aws.Fixtures.aclAuthenticatedUsers;
import static dev.bucketguard.cloud.aws.Fixtures.aclCanonicalUser;
import static dev.bucketguard.cloud.aws.Fixtures.aclLogDelivery;
import static dev.bucketguard.cloud.aws.Fixtures.aclOwner;
import static dev.bucketguard.testkit.VerdictAssertions.assertEffect;
import static dev.bucketguard.testkit.VerdictAssertions.assertNoReason;
import static dev.bucketguard.testkit.VerdictAssertions.assertReason;
import static dev.bucketguard.testkit.VerdictAssertions.assertVerdict;
import static dev.bucketguard.cloud.aws.Fixtures.denied;
import static dev.bucketguard.cloud.aws.Fixtures.grant;
import static dev.bucketguard.cloud.aws.Fixtures.policyAccount;
import static dev.bucketguard.cloud.aws.Fixtures.policyPublicRead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.Fixtures.Analyzer;
import dev.bucketguard.cloud.aws.Fixtures.Guardrails;
import dev.bucketguard.cloud.aws.Fixtures.PolicyFacts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.GrantEffect.Effect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Website;
import dev.bucketguard.scan.Judge;
import dev.bucketguard.spi.Clouds;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/exposure.md, one test per branch. */
class AwsExposureTest {
    private static final BlockPublicAccess IPA_ONLY = new BlockPublicAccess(false, true, false, false);
    private static final BlockPublicAccess RPB_ONLY = new BlockPublicAccess(false, false, false, true);
    /** The two flags that only block future changes: they must not change today's verdict. */
    private static final BlockPublicAccess FUTURE_ONLY = new BlockPublicAccess(true, false, true, false);

    private final Analyzer analyzer = new Analyzer();

    /** Every verdict fact read; account and bucket BPA as given; ACLs in force (ObjectWriter). */
    private static Fixtures.S3Builder bucket(BlockPublicAccess account, BlockPublicAccess bucket) {
        return Fixtures.s3(OWNER, "applicants")
                .collected(S3Facts.ACL, S3Facts.POLICY, S3Facts.POLICY_STATUS, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                        S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Facts.OBJECT_OWNERSHIP)
                .guardrails(Guardrails.s3(account, bucket, ObjectOwnership.OBJECT_WRITER))
                .policy(PolicyFacts.NONE);
    }

    private static PolicyFacts status(boolean isPublic) {
        return new PolicyFacts(true, isPublic, List.of(), false);
    }

    private static Guardrails ownership(BlockPublicAccess account, BlockPublicAccess bucket, ObjectOwnership o) {
        return Guardrails.s3(account, bucket, o);
    }

    // ---- step 1 ----

    @Test
    void aws_step1_ignorePublicAclsAndRestrictPublicBucketsHideAPublicPolicyAndAcl() {
        Grant acl = aclAllUsers();
        Grant policy = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.ALL)
                .grant(acl).grant(policy).policy(status(true)).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertReason(a, "IgnorePublicAcls and RestrictPublicBuckets are on");
        assertReason(a, "IgnorePublicAcls is on at bucket");
        assertReason(a, "RestrictPublicBuckets is on at bucket");
        assertEffect(a, acl, Effect.NEUTRALISED, "IgnorePublicAcls is on at bucket");
        assertEffect(a, policy, Effect.NEUTRALISED, "only the owner and AWS services keep access");
        assertFalse(a.tags().contains(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC), "IPA hides object ACLs too");
    }

    @Test
    void aws_step1_flagsMayComeFromDifferentLevels() {
        Verdict a = analyzer.verdict(bucket(IPA_ONLY, RPB_ONLY)
                .grant(aclAllUsers()).grant(policyPublicRead()).policy(status(true)).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertReason(a, "IgnorePublicAcls is on at account");
        assertReason(a, "RestrictPublicBuckets is on at bucket");
    }

    @Test
    void aws_step1_holdsWhenPolicyAndAclAreUnreadable_butStep4StillNeedsThePolicy() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.POLICY)).unknown(denied(S3Facts.POLICY_STATUS)).unknown(denied(S3Facts.ACL))
                .policy(null).build());

        // Not public whatever the policy says, but a non-public policy may still name another account.
        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "IgnorePublicAcls and RestrictPublicBuckets are on");
        assertReason(a, "s3:GetBucketPolicy");
        assertReason(a, "s3:GetBucketAcl");
    }

    @Test
    void aws_step1_futureOnlyFlagsDoNotHideAnything() {
        Verdict a = analyzer.verdict(bucket(FUTURE_ONLY, FUTURE_ONLY).grant(aclAllUsers()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "IgnorePublicAcls is off at bucket and account");
    }

    // ---- step 2 ----

    @Test
    void aws_step2_publicPolicyWithRestrictPublicBucketsOffIsPublic() {
        Grant policy = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .grant(policy).policy(status(true)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "policy statement 'PublicRead' grants read to anyone; no condition restricts it");
        assertReason(a, "RestrictPublicBuckets is off at bucket and account");
        assertEffect(a, policy, Effect.IN_FORCE, null);
        assertEquals(Set.of(), a.tags());
    }

    @Test
    void aws_step2_publicAclWithIgnorePublicAclsOffIsPublic() {
        Grant acl = aclAllUsers();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, RPB_ONLY).grant(acl).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "bucket ACL grants list, read to anyone");
        assertReason(a, "IgnorePublicAcls is off at bucket and account; ACLs are in force");
        assertEquals(Set.of(ExposureTag.LISTABLE), a.tags());
    }

    @Test
    void aws_step2_authenticatedUsersOnlyIsTaggedAuthUsersOnly() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .grant(aclAuthenticatedUsers()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "to any authenticated identity");
        assertTrue(a.tags().contains(ExposureTag.AUTH_USERS_ONLY), a.tags()::toString);
    }

    @Test
    void aws_step2_allUsersBesideAuthenticatedUsersIsNotAuthUsersOnly() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .grant(aclAuthenticatedUsers()).grant(policyPublicRead()).policy(status(true)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertFalse(a.tags().contains(ExposureTag.AUTH_USERS_ONLY));
    }

    @Test
    void aws_step2_websiteHostingIsTaggedWebsite() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .collected(S3Facts.WEBSITE)
                .website(new Website(true, "http://applicants.s3-website.eu-west-1.amazonaws.com"))
                .grant(policyPublicRead()).policy(status(true)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.WEBSITE), a.tags()::toString);
    }

    @Test
    void aws_step2_ignorePublicAclsAloneLeavesAPublicPolicyInForce() {
        Grant acl = aclAllUsers();
        Grant policy = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, IPA_ONLY)
                .grant(acl).grant(policy).policy(status(true)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertEffect(a, acl, Effect.NEUTRALISED, "IgnorePublicAcls is on at bucket");
        assertEffect(a, policy, Effect.IN_FORCE, null);
        assertNoReason(a, "bucket ACL grants");
    }

    @Test
    void aws_step2_restrictPublicBucketsAloneLeavesAPublicAclInForce() {
        Grant acl = aclAllUsers();
        Grant policy = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(RPB_ONLY, BlockPublicAccess.NONE)
                .grant(acl).grant(policy).policy(status(true)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertEffect(a, acl, Effect.IN_FORCE, null);
        assertEffect(a, policy, Effect.NEUTRALISED, "RestrictPublicBuckets is on at account");
    }

    @Test
    void aws_step2_bucketOwnerEnforcedDisablesAPublicAcl() {
        Grant acl = aclAllUsers();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .guardrails(ownership(BlockPublicAccess.NONE, BlockPublicAccess.NONE,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .grant(acl).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEffect(a, acl, Effect.NEUTRALISED, "BucketOwnerEnforced");
        assertFalse(a.tags().contains(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC), "ACLs are off, objects included");
    }

    @Test
    void aws_step2_ownershipNotConfiguredKeepsAclsOn() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .guardrails(ownership(BlockPublicAccess.NONE, BlockPublicAccess.NONE, ObjectOwnership.NOT_CONFIGURED))
                .grant(aclAllUsers()).build());

        assertVerdict(a, Exposure.PUBLIC);
    }

    @Test
    void aws_step2_bpaReadButNotConfiguredMeansAllOff() {
        // NoSuchPublicAccessBlockConfiguration: the fact is known, the record is absent.
        Verdict a = analyzer.verdict(bucket(null, null).grant(policyPublicRead()).policy(status(true)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "RestrictPublicBuckets is off at bucket and account");
    }

    // ---- step 3 ----

    @Test
    void aws_step3_unreadableBucketBpaWithPublicPolicyIsUnknownNotPrivate() {
        Grant policy = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, null)
                .unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET))
                .grant(policy).policy(status(true)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "RestrictPublicBuckets is off at account; could not be read at bucket");
        assertReason(a, "GetPublicAccessBlock failed with AccessDenied (needs s3:GetBucketPublicAccessBlock)");
        assertEffect(a, policy, Effect.UNDECIDED, "RestrictPublicBuckets");
    }

    @Test
    void aws_step3_unreadableAccountBpaWithPublicAclIsUnknown() {
        Grant acl = aclAllUsers();
        Verdict a = analyzer.verdict(bucket(null, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT)).grant(acl).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "s3:GetAccountPublicAccessBlock");
        assertEffect(a, acl, Effect.UNDECIDED, "IgnorePublicAcls");
    }

    @Test
    void aws_step3_unreadableAclWhileAclsMayBeOnIsUnknown() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.ACL)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read ACL: GetBucketAcl failed with AccessDenied (needs s3:GetBucketAcl)");
    }

    @Test
    void aws_step3_unreadableAclIsIrrelevantWhenAclsAreOff() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .guardrails(ownership(BlockPublicAccess.NONE, BlockPublicAccess.NONE,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .unknown(denied(S3Facts.ACL)).build());

        assertVerdict(a, Exposure.PRIVATE);
    }

    @Test
    void aws_step3_unreadableOwnershipWithAPublicAclIsUnknown() {
        Grant acl = aclAllUsers();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .guardrails(ownership(BlockPublicAccess.NONE, BlockPublicAccess.NONE, null))
                .unknown(denied(S3Facts.OBJECT_OWNERSHIP)).grant(acl).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "s3:GetBucketOwnershipControls");
        assertEffect(a, acl, Effect.UNDECIDED, "Object Ownership could not be read");
    }

    @Test
    void aws_step3_unreadablePolicyAndStatusIsUnknown() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.POLICY)).unknown(denied(S3Facts.POLICY_STATUS)).policy(null).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "whether the bucket policy is public could not be decided");
        assertReason(a, "s3:GetBucketPolicy");
    }

    @Test
    void aws_step3_policyTheEvaluatorCannotDecideIsUnknownWithoutStatus() {
        Grant policy = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.POLICY_STATUS))
                .policy(new PolicyFacts(true, null, List.of("a Deny on aws:SourceVpce may strip untrusted access"),
                        false))
                .grant(policy).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "a Deny on aws:SourceVpce may strip untrusted access");
        assertEffect(a, policy, Effect.UNDECIDED, "could not be decided");
    }

    @Test
    void aws_step3_unreadableBpaIsIrrelevantWhenNothingIsPublic() {
        Verdict a = analyzer.verdict(bucket(null, null)
                .unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT))
                .unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET))
                .grant(aclOwner()).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertTrue(a.tags().contains(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC), "IPA is not known to be on");
    }

    // ---- three-valued IPA/RPB ----

    @Test
    void aws_threeValued_accountLevelOnCoversUnreadBucketLevel() {
        Grant acl = aclAllUsers();
        Grant policy = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, null)
                .unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET))
                .grant(acl).grant(policy).policy(status(true)).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertReason(a, "IgnorePublicAcls is on at account; could not be read at bucket");
        assertEffect(a, acl, Effect.NEUTRALISED, null);
        assertEffect(a, policy, Effect.NEUTRALISED, null);
    }

    @Test
    void aws_threeValued_bucketLevelOnCoversUnreadAccountLevel() {
        Verdict a = analyzer.verdict(bucket(null, BlockPublicAccess.ALL)
                .unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT))
                .grant(aclAllUsers()).grant(policyPublicRead()).policy(status(true)).build());

        assertVerdict(a, Exposure.PRIVATE);
    }

    @Test
    void aws_threeValued_offAtOneLevelAndUnreadAtTheOtherIsUnknown() {
        Verdict a = analyzer.verdict(bucket(null, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT))
                .grant(policyPublicRead()).policy(status(true)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "RestrictPublicBuckets is off at bucket; could not be read at account");
    }

    // ---- RestrictPublicBuckets and named accounts ----

    @Test
    void aws_rpbCutsNamedAccountGrantsInAPublicPolicy() {
        Grant pub = policyPublicRead();
        Grant partner = policyAccount(OUTSIDER);
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, RPB_ONLY)
                .grant(pub).grant(partner).policy(status(true)).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEffect(a, partner, Effect.NEUTRALISED, "calls the policy public: only the owner and AWS services");
        assertEquals(List.of(), a.outsiders());
    }

    @Test
    void aws_rpbLeavesNamedAccountGrantsOfANonPublicPolicy() {
        Grant partner = policyAccount(OUTSIDER);
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.ALL)
                .grant(partner).policy(status(false)).build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertEffect(a, partner, Effect.IN_FORCE, null);
        assertEquals(List.of(OUTSIDER), a.outsiders());
        assertReason(a, "policy statement 'Partner' grants read to account " + OUTSIDER
                + " (outside the owner account and the trusted set)");
    }

    @Test
    void aws_rpbOnWithUndecidablePolicyLeavesNamedAccountGrantsUndecided() {
        Grant partner = policyAccount(OUTSIDER);
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .unknown(denied(S3Facts.POLICY_STATUS))
                .policy(new PolicyFacts(true, null, List.of("NotPrincipal with a Deny"), false))
                .grant(partner).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertEffect(a, partner, Effect.UNDECIDED, "only if the policy is public");
        assertReason(a, "account " + OUTSIDER);
    }

    @Test
    void aws_unreadableRpbWithPublicPolicyLeavesNamedGrantsUndecided() {
        Grant partner = policyAccount(OUTSIDER);
        Verdict a = analyzer.verdict(bucket(IPA_ONLY, null).unknown(denied(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET))
                .grant(policyPublicRead()).grant(partner).policy(status(true)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertEffect(a, partner, Effect.UNDECIDED, "RestrictPublicBuckets");
    }

    // ---- GetBucketPolicyStatus ----

    @Test
    void aws_policyStatusDecidesWhenRead() {
        // The evaluator could not decide (a Deny it cannot prove); S3's own verdict says "not public": S3 decides.
        Grant pub = policyPublicRead();
        Verdict notPublic = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .guardrails(ownership(BlockPublicAccess.NONE, BlockPublicAccess.NONE,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .grant(pub).policy(new PolicyFacts(true, false, List.of("statement 'DenyOthers' denies with a"
                        + " condition bucketguard cannot evaluate"), false)).build());
        assertVerdict(notPublic, Exposure.PRIVATE);
        assertEffect(notPublic, pub, Effect.NEUTRALISED, "GetBucketPolicyStatus reports that the policy is not public");

    }

    @Test
    void aws_aStatusThatSaysPublicAgainstAnEvaluatorThatFindsNothingOpenIsUnknownWithBothReasons() {
        // S3 says public although no grant the evaluator modelled is public (moto says so for any unconditioned
        // Allow and ignores Deny): neither reading is proven, so the verdict does not take the emulator's guess.
        Verdict disputed = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .grant(policyAccount(OUTSIDER)).policy(status(true)).build());
        assertVerdict(disputed, Exposure.UNKNOWN);
        assertReason(disputed, "GetBucketPolicyStatus reports that the policy is public");
        assertReason(disputed, "bucketguard's evaluator finds no statement open to anyone");

        // RestrictPublicBuckets settles it: whichever reading is right, only the owner and AWS services keep access.
        BlockPublicAccess rpbOnly = new BlockPublicAccess(false, false, false, true);
        Grant partner = policyAccount(OUTSIDER);
        Verdict settled = analyzer.verdict(bucket(rpbOnly, BlockPublicAccess.NONE)
                .grant(partner).policy(status(true)).build());
        assertVerdict(settled, Exposure.PRIVATE);
        assertEffect(settled, partner, Effect.NEUTRALISED, "S3 calls the policy public");
    }

    @Test
    void aws_aPolicyLimitedByPrincipalOrgPathsReachesTheOrganisationAndRestrictPublicBucketsCutsIt() {
        // Evaluated end to end: the statement, its grant and S3's notion of the policy, as the provider stores them.
        String json = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "OrgPath", "Effect": "Allow", "Principal": "*",
                  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::applicants/*",
                  "Condition": {"ForAnyValue:StringLike":
                    {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}}]}""";
        dev.bucketguard.cloud.aws.policy.PolicyAnalysis analysis;
        try {
            analysis = new dev.bucketguard.cloud.aws.policy.PolicyEvaluator(OWNER)
                    .evaluate(json, S3Channels.POLICY, null, "applicants");
        } catch (dev.bucketguard.cloud.aws.policy.MalformedPolicyException e) {
            throw new AssertionError(e);
        }
        PolicyFacts policy = new PolicyFacts(true, null, analysis.undecided(), false, analysis.publicToS3());
        Fixtures.S3Builder open = bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE).policy(policy);
        analysis.grants().forEach(open::grant);
        Verdict reached = analyzer.verdict(open.build());
        assertVerdict(reached, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of("o-a1b2c3d4e5"), reached.outsiders());
        assertReason(reached, "S3 still calls this statement public");

        // The organisation is yours: nobody outside reaches the data.
        Verdict trusted = new Analyzer(new TrustZone(Set.of(), Set.of("o-a1b2c3d4e5"))).verdict(open.build());
        assertVerdict(trusted, Exposure.PRIVATE);

        // S3 calls the policy public, so RestrictPublicBuckets cuts the organisation's grant too.
        Fixtures.S3Builder cut = bucket(BlockPublicAccess.NONE, RPB_ONLY).policy(policy);
        analysis.grants().forEach(cut::grant);
        Verdict restricted = analyzer.verdict(cut.build());
        assertVerdict(restricted, Exposure.PRIVATE);
        assertEffect(restricted, analysis.grants().get(0), Effect.NEUTRALISED, "S3 calls the policy public");
    }

    @Test
    void aws_aProvenPublicStatementOutweighsAStatusThatSaysNotPublic() {
        // moto answers "not public" for any statement with a Condition, so aws:SourceAccount "*" would pass there.
        Grant pub = policyPublicRead();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .guardrails(ownership(BlockPublicAccess.NONE, BlockPublicAccess.NONE,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .grant(pub).policy(status(false)).build());
        assertVerdict(a, Exposure.PUBLIC);
        assertEffect(a, pub, Effect.IN_FORCE, null);
        assertReason(a, "the verdict takes the more exposed answer");
    }

    @Test
    void aws_policyStatusUnreadFallsBackToTheLocalProof() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.POLICY_STATUS)).policy(new PolicyFacts(true, null, List.of(), false))
                .grant(policyPublicRead()).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertNoReason(a, "GetBucketPolicyStatus");
    }

    @Test
    void aws_policyStatusDecidesEvenWhenThePolicyItselfIsUnreadable() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .unknown(denied(S3Facts.POLICY)).policy(new PolicyFacts(true, true, List.of(), false)).build());

        assertVerdict(a, Exposure.PUBLIC);
        assertReason(a, "GetBucketPolicyStatus reports that the bucket policy is public");
    }

    // ---- step 4 ----

    @Test
    void aws_step4_canonicalUserGrantIsCrossAccount_logDeliveryIsNot() {
        Grant canonical = aclCanonicalUser();
        Verdict cross = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .grant(aclOwner()).grant(canonical).grant(aclLogDelivery()).build());
        assertVerdict(cross, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of(CANONICAL), cross.outsiders());
        assertReason(cross, "bucket ACL grants read to account " + CANONICAL);

        Verdict logs = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .grant(aclOwner()).grant(aclLogDelivery()).build());
        assertVerdict(logs, Exposure.PRIVATE);
        assertEquals(List.of(), logs.outsiders());
    }

    @Test
    void aws_step4_canonicalUserGrantDoesNotCountWhenAclsAreOff() {
        Grant canonical = aclCanonicalUser();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .guardrails(ownership(BlockPublicAccess.ALL, BlockPublicAccess.ALL,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .grant(canonical).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEffect(a, canonical, Effect.NEUTRALISED, "ACLs are disabled");
    }

    @Test
    void aws_step4_canonicalUserGrantWithUnreadOwnershipIsUnknown() {
        Grant canonical = aclCanonicalUser();
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .guardrails(ownership(BlockPublicAccess.ALL, BlockPublicAccess.ALL, null))
                .unknown(denied(S3Facts.OBJECT_OWNERSHIP)).grant(canonical).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "but whether it is in force is unknown: Object Ownership could not be read");
    }

    @Test
    void aws_step4_trustedAccountsAndOrganisationsAreNotCrossAccount() {
        Analyzer trusting = new Analyzer(new TrustZone(Set.of(TRUSTED), Set.of("o-ours"), Set.of("10.0.0.0/8")));
        Resource r = bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .grant(policyAccount(TRUSTED))
                .grant(policyAccount(OWNER))
                .grant(grant(Grantee.organization("o-ours"), S3Channels.POLICY, "policy statement 'Org'",
                        Permission.READ))
                .grant(grant(Grantee.network("10.0.0.0/8"), S3Channels.POLICY, "policy statement 'Office'",
                        Permission.READ))
                .grant(grant(Grantee.service("cloudtrail.amazonaws.com"), S3Channels.POLICY, "policy statement 'Trail'",
                        Permission.WRITE))
                .policy(status(false)).build();

        Verdict trusted = trusting.verdict(r);
        assertVerdict(trusted, Exposure.PRIVATE);
        assertReason(trusted, "and the trusted set");

        Verdict ownerOnly = analyzer.verdict(r);
        assertVerdict(ownerOnly, Exposure.CROSS_ACCOUNT);
        assertEquals(List.of("10.0.0.0/8", TRUSTED, "o-ours"), ownerOnly.outsiders());
    }

    @Test
    void aws_step4_aGrantLimitedToANetworkIsNetworkScopedOutsideAccessUnlessTheNetworkIsTrusted() {
        // Principal * with IpAddress aws:SourceIp 203.0.113.0/24: not public, and not "nobody outside" either.
        Grant office = grant(Grantee.network("203.0.113.0/24"), S3Channels.POLICY, "policy statement 'Office'",
                Permission.READ);
        Resource r = bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE).grant(office).policy(status(false))
                .guardrails(ownership(BlockPublicAccess.NONE, BlockPublicAccess.NONE,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED)).build();

        Verdict outside = analyzer.verdict(r);
        assertVerdict(outside, Exposure.CROSS_ACCOUNT);
        assertTrue(outside.tags().contains(ExposureTag.NETWORK_SCOPED), outside.tags().toString());
        assertReason(outside, "whoever sends requests from that network");
        assertReason(outside, "--trusted-networks");
        assertNoReason(outside, "reaches anyone outside the owner account");

        Verdict inside = new Analyzer(new TrustZone(Set.of(), Set.of(), Set.of("203.0.0.0/16"))).verdict(r);
        assertVerdict(inside, Exposure.PRIVATE);
        assertFalse(inside.tags().contains(ExposureTag.NETWORK_SCOPED));
    }

    @Test
    void aws_step4_unreadablePolicyIsUnknownEvenWhenNothingIsPublic() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .unknown(denied(S3Facts.POLICY)).policy(new PolicyFacts(true, false, List.of(), false)).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "could not read POLICY: GetBucketPolicy failed with AccessDenied (needs s3:GetBucketPolicy)");
    }

    @Test
    void aws_step4_foreignAccessPointIsCrossAccount() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("partner-ap", OUTSIDER, "Internet", BlockPublicAccess.ALL, true))
                .build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
        assertReason(a, "access point 'partner-ap' belongs to account " + OUTSIDER);
    }

    @Test
    void aws_step4_foreignAccessPointIsCrossAccountEvenWhenThePolicyIsUnreadable() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .unknown(denied(S3Facts.POLICY)).collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("partner-ap", OUTSIDER, "Internet", BlockPublicAccess.ALL, true))
                .build());

        assertVerdict(a, Exposure.CROSS_ACCOUNT);
    }

    @Test
    void aws_step4_foreignAccessPointOwnerIsListedAmongTheOutsidersEvenOnAPublicBucket() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .grant(policyPublicRead()).collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("partner-ap", OUTSIDER, "Internet", BlockPublicAccess.ALL, true))
                .build());

        assertVerdict(a, Exposure.PUBLIC);
        assertEquals(List.of(OUTSIDER), a.outsiders());
    }

    @Test
    void aws_unreadableInternetAccessPointPolicyIsUnknownNotPrivate() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("web", OWNER, "Internet", BlockPublicAccess.NONE, false))
                .build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "the policy of internet access point 'web' could not be read (needs s3:GetAccessPointPolicy)");
    }

    @Test
    void aws_unreadableAccessPointPolicyBehindRestrictPublicBucketsMayStillGrantOtherAccounts() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.ALL, BlockPublicAccess.ALL)
                .collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("web", OWNER, "Internet", BlockPublicAccess.ALL, false))
                .build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "it may grant other accounts");
    }

    // ---- step 5 ----

    @Test
    void aws_step5_privateWithAclsOnAndIpaOffMayHavePublicObjects() {
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, RPB_ONLY).grant(aclOwner()).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(ExposureTag.OBJECT_ACLS_MAY_BE_PUBLIC), a.tags());
        assertReason(a, "single objects may still be public");
        assertReason(a, "no policy statement, ACL grant or access point reaches anyone outside the owner account");
    }

    @Test
    void aws_step5_privateWithIpaOnHasNoObjectAclTag() {
        Verdict a = analyzer.verdict(bucket(IPA_ONLY, BlockPublicAccess.NONE).grant(aclOwner()).build());

        assertVerdict(a, Exposure.PRIVATE);
        assertEquals(Set.of(), a.tags());
    }

    // ---- deviations towards "more exposed" (AwsExposure javadoc) ----

    @Test
    void aws_publicObjectAclIsPublicWithObjectPublicTag() {
        Grant object = new Grant(Grantee.anonymous(), Set.of(Permission.READ), S3Channels.OBJECT_ACL,
                "object ACL of 'cv/jane.pdf'", null, List.of(), "cv/jane.pdf");
        Verdict a = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .collected(S3Facts.OBJECT_ACLS).grant(object).build());
        assertVerdict(a, Exposure.PUBLIC);
        assertTrue(a.tags().contains(ExposureTag.OBJECT_PUBLIC), a.tags()::toString);

        Verdict ignored = analyzer.verdict(bucket(IPA_ONLY, BlockPublicAccess.NONE)
                .collected(S3Facts.OBJECT_ACLS).grant(object).build());
        assertVerdict(ignored, Exposure.PRIVATE);
        assertEffect(ignored, object, Effect.NEUTRALISED, "IgnorePublicAcls");
    }

    @Test
    void aws_publicAccessPointPolicyOnInternetAccessPointIsPublic_vpcAccessPointIsNot() {
        Grant viaAp = new Grant(Grantee.anonymous(), Set.of(Permission.READ), S3Channels.ACCESS_POINT_POLICY,
                "access point 'web' policy statement 'Any'", null, List.of(), "web");
        Verdict internet = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("web", OWNER, "Internet", BlockPublicAccess.NONE, true))
                .grant(viaAp).build());
        assertVerdict(internet, Exposure.PUBLIC);
        assertTrue(internet.tags().contains(AwsCloud.ACCESS_POINT), internet.tags()::toString);

        Verdict vpc = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("web", OWNER, "VPC", BlockPublicAccess.NONE, true))
                .grant(viaAp).build());
        assertEffect(vpc, viaAp, Effect.NEUTRALISED, "accepts requests only from a VPC");
        assertVerdict(vpc, Exposure.PRIVATE);

        Verdict apRpb = analyzer.verdict(bucket(BlockPublicAccess.NONE, BlockPublicAccess.NONE)
                .collected(S3Facts.ACCESS_POINTS)
                .accessPoint(new AccessPoint("web", OWNER, "Internet", RPB_ONLY, true))
                .grant(viaAp).build());
        assertEffect(apRpb, viaAp, Effect.NEUTRALISED, "RestrictPublicBuckets");
        assertVerdict(apRpb, Exposure.PRIVATE);
    }

    @Test
    void unsupportedProviderIsUnknownNeverPrivate() {
        Verdict a = new Judge(Clouds.discover(), TrustZone.OWNER_ONLY)
                .verdict(Resource.builder("oci", "tenancy", "b").kind(AwsCloud.BUCKET).build());

        assertVerdict(a, Exposure.UNKNOWN);
        assertReason(a, "no exposure rules are defined for provider 'oci'");
    }
}
