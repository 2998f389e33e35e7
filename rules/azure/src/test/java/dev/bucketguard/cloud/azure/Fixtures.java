package dev.bucketguard.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Grants, read failures and assertions shared by the verdict tests, in the words a user reads in a report. */
final class Fixtures {
    static final String OWNER = "111122223333";
    static final String OUTSIDER = "999988887777";
    static final String TRUSTED = "222233334444";
    /** A canonical user id as S3 ACLs show another account. */
    static final String CANONICAL = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    /** The call and permission each fact needs, as providers record a denied read. */
    private static final Map<Fact, String[]> CALLS = Map.ofEntries(
            Map.entry(Fact.ACL, new String[] {"GetBucketAcl", "s3:GetBucketAcl"}),
            Map.entry(Fact.POLICY, new String[] {"GetBucketPolicy", "s3:GetBucketPolicy"}),
            Map.entry(Fact.POLICY_STATUS, new String[] {"GetBucketPolicyStatus", "s3:GetBucketPolicyStatus"}),
            Map.entry(Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    new String[] {"GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"}),
            Map.entry(Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT,
                    new String[] {"GetPublicAccessBlock (account)", "s3:GetAccountPublicAccessBlock"}),
            Map.entry(Fact.OBJECT_OWNERSHIP,
                    new String[] {"GetBucketOwnershipControls", "s3:GetBucketOwnershipControls"}),
            Map.entry(Fact.ACCOUNT_SETTINGS,
                    new String[] {"StorageAccounts.getByResourceGroup", "Microsoft.Storage/storageAccounts/read"}),
            Map.entry(Fact.CONTAINER_ACCESS,
                    new String[] {"BlobContainers.list", "Microsoft.Storage/storageAccounts/blobServices/containers/read"}),
            Map.entry(Fact.NETWORK_RULES,
                    new String[] {"StorageAccounts.getByResourceGroup", "Microsoft.Storage/storageAccounts/read"}),
            Map.entry(Fact.IAM_POLICY, new String[] {"buckets.getIamPolicy", "storage.buckets.getIamPolicy"}),
            Map.entry(Fact.PUBLIC_ACCESS_PREVENTION, new String[] {"buckets.get", "storage.buckets.get"}),
            Map.entry(Fact.DEFAULT_OBJECT_ACL,
                    new String[] {"defaultObjectAccessControls.list", "storage.buckets.getIamPolicy"}));

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
        return new Grant(who, Set.of(permissions), via, source, null, List.of(condition), null, null);
    }

    static Grant aclAllUsers() {
        return grant(Grantee.anonymous(), Channel.ACL, "bucket ACL", Permission.READ, Permission.LIST);
    }

    static Grant aclAuthenticatedUsers() {
        return grant(Grantee.anyAuthenticated(), Channel.ACL, "bucket ACL", Permission.READ);
    }

    static Grant aclCanonicalUser() {
        return grant(Grantee.account(CANONICAL), Channel.ACL, "bucket ACL", Permission.READ);
    }

    static Grant aclLogDelivery() {
        return grant(Grantee.service("LogDelivery"), Channel.ACL, "bucket ACL", Permission.WRITE, Permission.READ_ACP);
    }

    static Grant aclOwner() {
        return grant(Grantee.owner(), Channel.ACL, "bucket ACL", Permission.READ, Permission.WRITE,
                Permission.READ_ACP, Permission.WRITE_ACP);
    }

    static Grant policyPublicRead() {
        return grant(Grantee.anonymous(), Channel.POLICY, "policy statement 'PublicRead'", Permission.READ);
    }

    static Grant policyAccount(String account) {
        return grant(Grantee.account(account), Channel.POLICY, "policy statement 'Partner'", Permission.READ);
    }

    static GrantEffect effectOf(Assessment a, Grant g) {
        return a.effects().stream().filter(e -> e.grant().equals(g)).findFirst()
                .orElseThrow(() -> new AssertionError("no effect for " + g + " in " + a.effects()));
    }

    static void assertEffect(Assessment a, Grant g, GrantEffect.Effect expected, String whyPhrase) {
        GrantEffect e = effectOf(a, g);
        assertEquals(expected, e.effect(), () -> "effect of " + g.source() + ": " + e);
        if (whyPhrase != null) {
            assertTrue(e.why() != null && e.why().contains(whyPhrase),
                    () -> "why of " + g.source() + " should contain '" + whyPhrase + "' but is: " + e.why());
        }
    }

    static void assertReason(Assessment a, String phrase) {
        assertTrue(a.reasons().stream().anyMatch(r -> r.contains(phrase)),
                () -> "no reason contains '" + phrase + "'; reasons: " + a.reasons());
    }

    static void assertNoReason(Assessment a, String phrase) {
        assertTrue(a.reasons().stream().noneMatch(r -> r.contains(phrase)),
                () -> "a reason contains '" + phrase + "'; reasons: " + a.reasons());
    }

    static void assertVerdict(Assessment a, Exposure expected) {
        assertEquals(expected, a.exposure(), () -> "reasons: " + a.reasons() + "; effects: " + a.effects());
    }

    static boolean allEffects(Assessment a, Predicate<GrantEffect> p) {
        return a.effects().stream().allMatch(p);
    }
}
