package dev.bucketguard.cloud.aws;

import static dev.bucketguard.cloud.aws.Fixtures.OUTSIDER;
import static dev.bucketguard.cloud.aws.Fixtures.OWNER;
import static dev.bucketguard.cloud.aws.Fixtures.TRUSTED;

import dev.bucketguard.cloud.aws.Fixtures.Analyzer;
import dev.bucketguard.cloud.aws.Fixtures.Guardrails;
import dev.bucketguard.cloud.aws.Fixtures.PolicyFacts;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariants of the S3 verdict (docs/exposure.md) over random buckets.
 *
 * <p>A generated {@link Bucket} is the truth: every fact as S3 would return it, with GetBucketPolicyStatus consistent
 * with the policy's grants (public when a statement grants to everyone, unless the evaluator could not decide, in
 * which case S3's answer is free). A set of hidden facts turns it into what a scan with missing permissions sees:
 * each hidden fact is recorded as denied and its content is dropped. The full bucket is then one possible
 * completion of what the scan saw.
 *
 * <p>"More exposed" is the order PUBLIC above everything, PRIVATE below everything, and CROSS_ACCOUNT and UNKNOWN
 * side by side in between: past step 2 an UNKNOWN means "cross-account or private", so a move between the two is
 * a change of certainty, not of exposure.
 */
class AwsExposureProperties {
    private static final Analyzer ANALYZER = new Analyzer(new TrustZone(Set.of(TRUSTED), Set.of()));

    /** The facts the verdict reads; any subset may be unreadable. */
    private static final List<Fact> VERDICT_FACTS = List.of(S3Facts.ACL, S3Facts.POLICY, S3Facts.POLICY_STATUS,
            S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Facts.OBJECT_OWNERSHIP);

    private static final List<Grant> ACL_POOL = List.of(Fixtures.aclAllUsers(), Fixtures.aclAuthenticatedUsers(),
            Fixtures.aclCanonicalUser(), Fixtures.aclLogDelivery(), Fixtures.aclOwner());

    private static final Grant POLICY_AUTH_USERS = Fixtures.grant(Grantee.anyAuthenticated(), S3Channels.POLICY,
            "policy statement 'AnyAws'", Permission.READ);
    private static final List<Grant> POLICY_POOL = List.of(Fixtures.policyPublicRead(), POLICY_AUTH_USERS,
            Fixtures.policyAccount(OUTSIDER), Fixtures.policyAccount(TRUSTED),
            Fixtures.grant(Grantee.organization("o-partner"), S3Channels.POLICY, "policy statement 'Org'",
                    Permission.READ),
            Fixtures.grant(Grantee.network("10.0.0.0/8"), S3Channels.POLICY, "policy statement 'Office'",
                    Permission.READ),
            Fixtures.grant(Grantee.service("cloudtrail.amazonaws.com"), S3Channels.POLICY, "policy statement 'Trail'",
                    Permission.WRITE));

    private static final Grant OBJECT_PUBLIC = new Grant(Grantee.anonymous(), Set.of(Permission.READ),
            S3Channels.OBJECT_ACL, "object ACL of 'cv/jane.pdf'", null, List.of(), "cv/jane.pdf");
    private static final Grant AP_PUBLIC = new Grant(Grantee.anonymous(), Set.of(Permission.READ),
            S3Channels.ACCESS_POINT_POLICY, "access point 'web' policy", null, List.of(), "web");
    private static final Grant AP_PARTNER = new Grant(Grantee.account(OUTSIDER), Set.of(Permission.READ),
            S3Channels.ACCESS_POINT_POLICY, "access point 'web' policy", null, List.of(), "web");
    private static final List<Grant> OTHER_POOL = List.of(OBJECT_PUBLIC, AP_PUBLIC, AP_PARTNER);

    /** The public grants property (c) adds. */
    private static final List<Grant> PUBLIC_GRANTS = List.of(Fixtures.aclAllUsers(),
            Fixtures.aclAuthenticatedUsers(), Fixtures.policyPublicRead(), POLICY_AUTH_USERS, OBJECT_PUBLIC);

    /** The truth about one bucket, and which verdict facts the scan could not read. */
    record Bucket(BlockPublicAccess account, BlockPublicAccess bucket, ObjectOwnership ownership, List<Grant> acl,
                  List<Grant> policy, List<Grant> other, boolean policyUndecided, boolean statusWhenUndecided,
                  AccessPoint accessPoint, Set<Fact> hidden) {

        boolean statusPublic() {
            return policyUndecided ? statusWhenUndecided : policy.stream().anyMatch(g -> g.grantee().isPublic());
        }

        Bucket complete() {
            return with(account, bucket, Set.of());
        }

        Bucket with(BlockPublicAccess a, BlockPublicAccess b, Set<Fact> h) {
            return new Bucket(a, b, ownership, acl, policy, other, policyUndecided, statusWhenUndecided,
                    accessPoint, h);
        }

        Bucket plus(Grant g) {
            List<Grant> a = new ArrayList<>(acl);
            List<Grant> p = new ArrayList<>(policy);
            List<Grant> o = new ArrayList<>(other);
            (S3Channels.ACL.equals(g.via()) ? a : S3Channels.POLICY.equals(g.via()) ? p : o).add(g);
            return new Bucket(account, bucket, ownership, a, p, o, policyUndecided, statusWhenUndecided,
                    accessPoint, hidden);
        }

        boolean hides(Fact f) {
            return hidden.contains(f);
        }

        /** RestrictPublicBuckets as the scan sees it, known to be on. */
        boolean rpbKnownOn() {
            return !hides(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT) && account.restrictPublicBuckets()
                    || !hides(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET) && bucket.restrictPublicBuckets();
        }

        Resource scanned() {
            Fixtures.S3Builder b = Fixtures.s3(OWNER, "applicants")
                    .collected(S3Facts.ACL, S3Facts.POLICY, S3Facts.POLICY_STATUS, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                            S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Facts.OBJECT_OWNERSHIP, S3Facts.ACCESS_POINTS,
                            S3Facts.OBJECT_ACLS)
                    .guardrails(Guardrails.s3(hides(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT) ? null : account,
                            hides(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET) ? null : bucket,
                            hides(S3Facts.OBJECT_OWNERSHIP) ? null : ownership));
            for (Fact f : hidden) {
                b.unknown(Fixtures.denied(f));
            }
            if (!hides(S3Facts.ACL)) {
                b.grants(acl);
            }
            if (!hides(S3Facts.POLICY)) {
                b.grants(policy);
            }
            b.grants(other);
            if (accessPoint != null) {
                b.accessPoint(accessPoint);
            }
            b.policy(new PolicyFacts(!policy.isEmpty(), hides(S3Facts.POLICY_STATUS) ? null : statusPublic(),
                    !hides(S3Facts.POLICY) && policyUndecided ? List.of("a Deny the evaluator cannot weigh")
                            : List.of(),
                    false));
            return b.build();
        }

        Exposure verdict() {
            return ANALYZER.verdict(scanned()).exposure();
        }
    }

    @Provide
    Arbitrary<Bucket> buckets() {
        Arbitrary<BlockPublicAccess> bpa = Arbitraries.integers().between(0, 15).map(i -> new BlockPublicAccess(
                (i & 1) != 0, (i & 2) != 0, (i & 4) != 0, (i & 8) != 0));
        Arbitrary<AccessPoint> ap = Arbitraries.of("Internet", "VPC").flatMap(origin -> Arbitraries
                .of(OWNER, OUTSIDER).flatMap(owner -> bpa.map(b -> new AccessPoint("web", owner, origin, b, true))))
                .injectNull(0.5);
        Arbitrary<Set<Fact>> hidden = Arbitraries.subsetOf(VERDICT_FACTS)
                .map(s -> s.isEmpty() ? Set.<Fact>of() : Set.copyOf(new TreeSet<>(s)));
        return Combinators.combine(
                bpa, bpa, Arbitraries.of(ObjectOwnership.class),
                Arbitraries.subsetOf(ACL_POOL).map(List::copyOf),
                Arbitraries.subsetOf(POLICY_POOL).map(List::copyOf),
                Arbitraries.subsetOf(OTHER_POOL).map(List::copyOf),
                Arbitraries.integers().between(0, 5),
                Combinators.combine(ap, hidden).as(Extra::new))
                .as((a, b, o, acl, pol, oth, undecided, extra) -> new Bucket(a, b, o, acl, pol,
                        extra.ap() == null
                                ? oth.stream().filter(g -> !S3Channels.ACCESS_POINT_POLICY.equals(g.via())).toList()
                                : oth,
                        undecided == 0, undecided == 1 || undecided == 3, extra.ap(), extra.hidden()));
    }

    private record Extra(AccessPoint ap, Set<Fact> hidden) {
    }

    private static boolean moreExposed(Exposure before, Exposure after) {
        return after == Exposure.PUBLIC && before != Exposure.PUBLIC
                || before == Exposure.PRIVATE && after != Exposure.PRIVATE;
    }

    /**
     * (a) Soundness under missing facts: what a scan with unreadable facts concludes is either UNKNOWN or exactly
     * what it would conclude with every fact read. In particular PRIVATE with a fact unknown means that fact could
     * not have changed the answer (for example IgnorePublicAcls and RestrictPublicBuckets known on and every holder
     * of a cross-account grant read), and PUBLIC or CROSS_ACCOUNT are never guessed.
     */
    @Property(tries = 3000)
    void hidingFactsOnlyEverTurnsAVerdictIntoUnknown(@ForAll("buckets") Bucket b) {
        Exposure seen = b.verdict();
        Exposure truth = b.complete().verdict();
        if (seen != Exposure.UNKNOWN && seen != truth) {
            throw new AssertionError("with " + b.hidden() + " unread the verdict is " + seen + " but with everything"
                    + " read it is " + truth + "; reasons: " + ANALYZER.verdict(b.scanned()).reasons());
        }
    }

    /**
     * (a') The brief's form: an unread policy, or an unread ACL while ACLs may be on, can hold a grant to another
     * account that no guardrail cuts, so the verdict is never PRIVATE then.
     */
    @Property(tries = 2000)
    void anUnreadHolderOfCrossAccountGrantsIsNeverPrivate(@ForAll("buckets") Bucket b) {
        boolean aclsMayBeOn = b.hides(S3Facts.OBJECT_OWNERSHIP) || b.ownership().aclsEnabled();
        boolean holderUnread = b.hides(S3Facts.POLICY) || b.hides(S3Facts.ACL) && aclsMayBeOn;
        if (holderUnread && b.verdict() == Exposure.PRIVATE) {
            throw new AssertionError("PRIVATE with " + b.hidden() + " unread; reasons: "
                    + ANALYZER.verdict(b.scanned()).reasons());
        }
    }

    /** (b) Turning any Block Public Access flag on, at a level that was read, never makes a bucket more exposed. */
    @Property(tries = 2000)
    void aStricterGuardrailNeverMakesItMoreExposed(@ForAll("buckets") Bucket b,
                                                    @ForAll("flags") int flag, @ForAll boolean accountLevel) {
        Fact level = accountLevel ? S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT : S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET;
        if (b.hides(level)) {
            return;
        }
        BlockPublicAccess before = accountLevel ? b.account() : b.bucket();
        BlockPublicAccess after = on(before, flag);
        Bucket stricter = accountLevel ? b.with(after, b.bucket(), b.hidden()) : b.with(b.account(), after,
                b.hidden());
        Exposure was = b.verdict();
        Exposure is = stricter.verdict();
        if (moreExposed(was, is)) {
            throw new AssertionError("turning flag " + flag + " on at " + level + " moved " + was + " to " + is
                    + "; reasons: " + ANALYZER.verdict(stricter.scanned()).reasons());
        }
    }

    @Provide
    Arbitrary<Integer> flags() {
        return Arbitraries.integers().between(0, 3);
    }

    private static BlockPublicAccess on(BlockPublicAccess b, int flag) {
        return new BlockPublicAccess(b.blockPublicAcls() || flag == 0, b.ignorePublicAcls() || flag == 1,
                b.blockPublicPolicy() || flag == 2, b.restrictPublicBuckets() || flag == 3);
    }

    /**
     * (c) Adding a public grant never makes a bucket less exposed. One exception is S3's own rule and is checked
     * separately: with RestrictPublicBuckets on, a policy that becomes public loses its named-account grants too
     * (AwsExposureTest.aws_rpbCutsNamedAccountGrantsInAPublicPolicy), so there only "PUBLIC stays PUBLIC" holds.
     */
    @Property(tries = 2000)
    void addingAPublicGrantNeverMakesItLessExposed(@ForAll("buckets") Bucket b, @ForAll("publicGrants") Grant g) {
        Exposure was = b.verdict();
        Exposure is = b.plus(g).verdict();
        boolean rpbCut = S3Channels.POLICY.equals(g.via()) && b.rpbKnownOn();
        boolean lessExposed = rpbCut ? was == Exposure.PUBLIC && is != Exposure.PUBLIC : moreExposed(is, was);
        if (lessExposed) {
            throw new AssertionError("adding " + g.source() + " to " + g.grantee().describe() + " moved " + was
                    + " to " + is + "; reasons: " + ANALYZER.verdict(b.plus(g).scanned()).reasons());
        }
    }

    @Provide
    Arbitrary<Grant> publicGrants() {
        return Arbitraries.of(PUBLIC_GRANTS);
    }
}
