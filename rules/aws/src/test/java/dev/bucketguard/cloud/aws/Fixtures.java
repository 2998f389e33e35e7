package dev.bucketguard.cloud.aws;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.model.Website;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Grants, read failures and assertions shared by the verdict tests, in the words a user reads in a report. */
final class Fixtures {
    static final String OWNER = "111122223333";
    static final String OUTSIDER = "999988887777";
    static final String TRUSTED = "222233334444";
    /** A canonical user id as S3 ACLs show another account. */
    static final String CANONICAL = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    /** The call and permission each fact needs, as providers record a denied read. */
    private static final Map<Fact, String[]> CALLS = Map.ofEntries(
            Map.entry(S3Facts.ACL, new String[] {"GetBucketAcl", "s3:GetBucketAcl"}),
            Map.entry(S3Facts.POLICY, new String[] {"GetBucketPolicy", "s3:GetBucketPolicy"}),
            Map.entry(S3Facts.POLICY_STATUS, new String[] {"GetBucketPolicyStatus", "s3:GetBucketPolicyStatus"}),
            Map.entry(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                    new String[] {"GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"}),
            Map.entry(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT,
                    new String[] {"GetPublicAccessBlock (account)", "s3:GetAccountPublicAccessBlock"}),
            Map.entry(S3Facts.OBJECT_OWNERSHIP,
                    new String[] {"GetBucketOwnershipControls", "s3:GetBucketOwnershipControls"}),
            Map.entry(S3Facts.ACCESS_POINTS, new String[] {"ListAccessPoints", "s3:ListAccessPoints"}),
            Map.entry(S3Facts.OBJECT_ACLS, new String[] {"GetObjectAcl", "s3:GetObjectAcl"}));

    private Fixtures() {
    }

    static Unknown denied(Fact fact) {
        String[] call = CALLS.get(fact);
        return new Unknown(fact, call[0], call[1], "AccessDenied");
    }

    static String permissionFor(Fact fact) {
        return CALLS.get(fact)[1];
    }

    static Grant grant(Grantee who, Channel via, String source, Permission... permissions) {
        return new Grant(who, Set.of(permissions), via, source);
    }

    static Grant conditional(Grantee who, Channel via, String source, String condition, Permission... permissions) {
        return new Grant(who, Set.of(permissions), via, source, null, List.of(condition), null);
    }

    static Grant aclAllUsers() {
        return grant(Grantee.anonymous(), S3Channels.ACL, "bucket ACL", Permission.READ, Permission.LIST);
    }

    static Grant aclAuthenticatedUsers() {
        return grant(Grantee.anyAuthenticated(), S3Channels.ACL, "bucket ACL", Permission.READ);
    }

    static Grant aclCanonicalUser() {
        return grant(Grantee.account(CANONICAL), S3Channels.ACL, "bucket ACL", Permission.READ);
    }

    static Grant aclLogDelivery() {
        return grant(Grantee.service("LogDelivery"), S3Channels.ACL, "bucket ACL", Permission.WRITE,
                Permission.READ_ACP);
    }

    static Grant aclOwner() {
        return grant(Grantee.owner(), S3Channels.ACL, "bucket ACL", Permission.READ, Permission.WRITE,
                Permission.READ_ACP, Permission.WRITE_ACP);
    }

    static Grant policyPublicRead() {
        return grant(Grantee.anonymous(), S3Channels.POLICY, "policy statement 'PublicRead'", Permission.READ);
    }

    static Grant policyAccount(String account) {
        return grant(Grantee.account(account), S3Channels.POLICY, "policy statement 'Partner'", Permission.READ);
    }

    /** Judges buckets against one trust zone, as the engine does. */
    record Analyzer(TrustZone trust) {
        Analyzer() {
            this(TrustZone.OWNER_ONLY);
        }

        Verdict verdict(Resource r) {
            return new AwsCloud().verdict(r, trust);
        }
    }

    /**
     * The S3 guardrails of a bucket as the verdict tests state them; a null level of a known fact means "never
     * configured" (the provider writes {@link BlockPublicAccess#NONE}, {@link ObjectOwnership#NOT_CONFIGURED}).
     */
    record Guardrails(BlockPublicAccess account, BlockPublicAccess bucket, ObjectOwnership ownership) {
        static Guardrails s3(BlockPublicAccess account, BlockPublicAccess bucket, ObjectOwnership ownership) {
            return new Guardrails(account, bucket, ownership);
        }
    }

    /**
     * The bucket policy as the verdict tests state it: {@code statusPublic} null means GetBucketPolicyStatus gave no
     * answer, which the bucket then records as not read.
     */
    record PolicyFacts(boolean present, Boolean statusPublic, List<String> undecided, boolean tlsEnforced,
                       List<String> publicToS3) {
        static final PolicyFacts NONE = new PolicyFacts(false, null, List.of(), false);

        PolicyFacts(boolean present, Boolean statusPublic, List<String> undecided, boolean tlsEnforced) {
            this(present, statusPublic, undecided, tlsEnforced, List.of());
        }
    }

    static S3Builder s3(String account, String id) {
        return new S3Builder(account, id);
    }

    /** Builds an S3 bucket the way a provider fills it: the envelope, and the {@link S3Bucket} details. */
    static final class S3Builder {
        private final Resource.Builder b;
        private final Set<Fact> collected = new TreeSet<>();
        private final Set<Fact> unread = new HashSet<>();
        private final List<AccessPoint> accessPoints = new ArrayList<>();
        private Guardrails guardrails = new Guardrails(null, null, null);
        private PolicyFacts policy;
        private Website website;
        private List<AnonymousProbe> probes = List.of();

        private S3Builder(String account, String id) {
            this.b = Resource.builder(AwsCloud.ID, account, id).kind(AwsCloud.BUCKET);
        }

        S3Builder collected(Fact... facts) {
            collected.addAll(List.of(facts));
            return this;
        }

        S3Builder unknown(Unknown u) {
            collected.add(u.fact());
            unread.add(u.fact());
            b.unknown(u);
            return this;
        }

        S3Builder grant(Grant g) {
            b.grant(g);
            return this;
        }

        S3Builder grants(List<Grant> gs) {
            b.grants(gs);
            return this;
        }

        S3Builder guardrails(Guardrails g) {
            guardrails = g;
            return this;
        }

        S3Builder policy(PolicyFacts p) {
            policy = p;
            return this;
        }

        S3Builder website(Website w) {
            website = w;
            return this;
        }

        S3Builder accessPoint(AccessPoint ap) {
            accessPoints.add(ap);
            return this;
        }

        /** The bucket was probed (--probe-anonymous) with these answers. */
        S3Builder probes(AnonymousProbe... p) {
            probes = List.of(p);
            collected.add(S3Facts.ANONYMOUS_PROBE);
            return this;
        }

        S3Builder parent(String kind, String id) {
            b.parent(kind, id);
            return this;
        }

        Resource build() {
            Set<Fact> facts = new TreeSet<>(collected);
            PolicyFacts p = policy == null ? PolicyFacts.NONE : policy;
            if (p.statusPublic() == null && !unread.contains(S3Facts.POLICY_STATUS)) {
                facts.remove(S3Facts.POLICY_STATUS);
            }
            S3Bucket d = new S3Bucket(
                    known(facts, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, guardrails.account(), BlockPublicAccess.NONE),
                    known(facts, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, guardrails.bucket(), BlockPublicAccess.NONE),
                    known(facts, S3Facts.OBJECT_OWNERSHIP, guardrails.ownership(), ObjectOwnership.NOT_CONFIGURED),
                    known(facts, S3Facts.POLICY, new BucketPolicy(p.present(), p.undecided(), p.tlsEnforced(), p.publicToS3(), List.of()),
                            BucketPolicy.NONE),
                    known(facts, S3Facts.POLICY_STATUS, p.statusPublic(), false),
                    null, null,
                    known(facts, S3Facts.WEBSITE, website, Website.OFF),
                    accessPoints).withAnonymousProbes(probes);
            return b.collected(facts).details(d).build();
        }

        private <T> T known(Set<Fact> facts, Fact fact, T value, T never) {
            if (!facts.contains(fact) || unread.contains(fact)) {
                return null;
            }
            return value == null ? never : value;
        }
    }
}
