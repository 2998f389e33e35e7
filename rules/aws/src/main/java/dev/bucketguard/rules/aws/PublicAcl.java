package dev.bucketguard.rules.aws;

import static dev.bucketguard.rules.aws.BlockPublicAccessSetting.IGNORE_PUBLIC_ACLS;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A bucket ACL grant to AllUsers or AuthenticatedUsers that nothing overrides. */
public final class PublicAcl implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.public-acl",
            "S3 bucket ACL grants access to everyone",
            Severity.CRITICAL,
            "aws",
            "Fails when the bucket ACL grants any permission to AllUsers (anyone) or AuthenticatedUsers (anyone with"
                    + " AWS credentials) and the grant is in force: ACLs are not disabled by Object Ownership"
                    + " BucketOwnerEnforced, and IgnorePublicAcls is off at both bucket and account level. The message"
                    + " tells list, read, write and ACL permissions apart.",
            "Anyone on the internet can list the bucket's keys (READ), download objects, or with WRITE upload,"
                    + " overwrite and delete them; WRITE_ACP lets them grant themselves everything else.",
            new Remediation(
                    "S3 console > bucket > Permissions > Object Ownership: choose 'ACLs disabled (recommended)'; or edit"
                            + " the Access control list and remove the 'Everyone (public access)' and 'Authenticated"
                            + " users group' grants. Then turn on Block Public Access.",
                    "aws s3api put-bucket-ownership-controls --bucket BUCKET"
                            + " --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'\n"
                            + "aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration"
                            + " BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,"
                            + "RestrictPublicBuckets=true",
                    """
                    resource "aws_s3_bucket_ownership_controls" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        object_ownership = "BucketOwnerEnforced"
                      }
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"),
            EnumSet.of(Fact.ACL, Fact.OBJECT_OWNERSHIP, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        if (!resource.knows(Fact.ACL)) {
            // Whatever the unread ACL says, these two settings make it harmless.
            if (S3Wording.aclsDisabled(resource)) {
                return Outcome.pass("ACLs are disabled (Object Ownership is BucketOwnerEnforced), so no bucket ACL"
                        + " grant applies", UnknownFacts.lines(resource, Fact.ACL).toArray(String[]::new));
            }
            if (Boolean.TRUE.equals(bpa.effective(IGNORE_PUBLIC_ACLS))) {
                return Outcome.pass(bpa.state(IGNORE_PUBLIC_ACLS) + ": public bucket ACL grants are ignored",
                        UnknownFacts.lines(resource, Fact.ACL).toArray(String[]::new));
            }
            return UnknownFacts.check(resource, Fact.ACL).orElseThrow();
        }
        List<GrantEffect> publicGrants = assessment.effects(g -> g.via() == Channel.ACL && g.grantee().isPublic());
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
            List<String> missing = UnknownFacts.lines(resource, Fact.OBJECT_OWNERSHIP,
                    Fact.BLOCK_PUBLIC_ACCESS_BUCKET, Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT);
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
