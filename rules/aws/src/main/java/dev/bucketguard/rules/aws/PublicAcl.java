package dev.bucketguard.rules.aws;

import static dev.bucketguard.cloud.aws.BlockPublicAccess.Setting.IGNORE_PUBLIC_ACLS;

import dev.bucketguard.cloud.aws.BlockPublicAccessLevels;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A bucket ACL grant to AllUsers or AuthenticatedUsers that nothing overrides. */
@RuleDefinition(
        id = "aws.s3.public-acl",
        severity = Severity.CRITICAL,
        provider = "aws",
        reads = {"ACL", "OBJECT_OWNERSHIP", "BLOCK_PUBLIC_ACCESS_BUCKET", "BLOCK_PUBLIC_ACCESS_ACCOUNT"})
public final class PublicAcl implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        if (!resource.knows(S3Facts.ACL)) {
            // Whatever the unread ACL says, these two settings make it harmless.
            if (S3Wording.aclsDisabled(resource)) {
                return Outcome.pass("ACLs are disabled (Object Ownership is BucketOwnerEnforced), so no bucket ACL"
                        + " grant applies", UnknownFacts.lines(resource, S3Facts.ACL).toArray(String[]::new));
            }
            if (Boolean.TRUE.equals(bpa.effective(IGNORE_PUBLIC_ACLS))) {
                return Outcome.pass(bpa.state(IGNORE_PUBLIC_ACLS) + ": public bucket ACL grants are ignored",
                        UnknownFacts.lines(resource, S3Facts.ACL).toArray(String[]::new));
            }
            return UnknownFacts.check(resource, S3Facts.ACL).orElseThrow();
        }
        List<GrantEffect> publicGrants = verdict.effects(
                g -> S3Channels.ACL.equals(g.via()) && g.grantee().isPublic());
        List<GrantEffect> inForce = publicGrants.stream().filter(GrantEffect::inForce).toList();
        if (!inForce.isEmpty()) {
            List<String> evidence = new ArrayList<>();
            inForce.forEach(e -> evidence.add(S3Wording.evidence(e.grant())));
            evidence.add(bpa.line(IGNORE_PUBLIC_ACLS));
            evidence.add(S3Wording.ownership(resource));
            return Outcome.fail("bucket ACL lets " + clauses(inForce) + "; " + bpa.state(IGNORE_PUBLIC_ACLS),
                    evidence);
        }
        List<GrantEffect> undecided = publicGrants.stream()
                .filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED).toList();
        if (!undecided.isEmpty()) {
            List<String> evidence = new ArrayList<>();
            undecided.forEach(e -> evidence.add(S3Wording.evidence(e.grant()) + "; in force unknown: " + e.why()));
            List<String> missing = UnknownFacts.lines(resource, S3Facts.OBJECT_OWNERSHIP,
                    S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT);
            evidence.addAll(missing);
            return Outcome.unknown("bucket ACL would let " + clauses(undecided) + ", but whether that grant is in"
                    + " force is unknown: " + String.join("; ", missing.isEmpty()
                    ? List.of(undecided.get(0).why()) : missing), evidence);
        }
        if (publicGrants.isEmpty()) {
            return Outcome.pass("bucket ACL grants nothing to AllUsers or AuthenticatedUsers",
                    S3Wording.ownership(resource));
        }
        List<String> evidence = new ArrayList<>();
        publicGrants.forEach(e -> evidence.add(S3Wording.evidence(e.grant()) + "; neutralised: " + e.why()));
        return Outcome.pass("bucket ACL would let " + clauses(publicGrants) + ", but it is not in force: "
                + publicGrants.get(0).why(), evidence.toArray(String[]::new));
    }

    /** "anyone list objects and change the ACL, and any authenticated AWS user read objects". */
    private static String clauses(List<GrantEffect> effects) {
        Map<GranteeKind, Set<Permission>> byGrantee = new TreeMap<>();
        for (GrantEffect e : effects) {
            byGrantee.computeIfAbsent(e.grant().grantee().kind(), k -> EnumSet.noneOf(Permission.class))
                    .addAll(e.grant().permissions());
        }
        List<String> parts = new ArrayList<>();
        byGrantee.forEach((kind, perms) -> parts.add(
                (kind == GranteeKind.ANONYMOUS ? "anyone" : "any authenticated AWS user") + " "
                        + S3Wording.verbs(perms, S3Wording.Subject.BUCKET_ACL)));
        return String.join(", and ", parts);
    }
}
