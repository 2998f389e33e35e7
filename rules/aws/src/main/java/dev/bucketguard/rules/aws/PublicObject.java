package dev.bucketguard.rules.aws;

import static dev.bucketguard.rules.aws.BlockPublicAccessSetting.IGNORE_PUBLIC_ACLS;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
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
import java.util.TreeSet;

/** Sampled objects whose own ACL makes them public ("public links" on single objects). */
public final class PublicObject implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.public-object",
            "S3 objects are public through their own ACLs",
            Severity.CRITICAL,
            "aws",
            "Fails when a sampled object's ACL grants AllUsers or AuthenticatedUsers and the grant is in force (ACLs"
                    + " not disabled, IgnorePublicAcls off at bucket and account); the evidence lists the keys. Passes"
                    + " without sampling when ACLs are disabled or IgnorePublicAcls is on, since then no object ACL can"
                    + " make an object public. Otherwise, when objects were not sampled, it is UNKNOWN: single objects"
                    + " can be public in a bucket whose policy and bucket ACL are private. Only a sample of objects is"
                    + " read, so a PASS from sampling covers the sampled keys only.",
            "A single object made public with a canned ACL (public-read) is readable by anyone who learns its URL,"
                    + " even though the bucket looks private in its policy and bucket ACL.",
            new Remediation(
                    "S3 console > bucket > Permissions > Object Ownership: choose 'ACLs disabled (recommended)'; or"
                            + " Block public access > tick 'Block public access to buckets and objects granted through"
                            + " any access control lists (ACLs)'.",
                    "aws s3api put-bucket-ownership-controls --bucket BUCKET"
                            + " --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'\n"
                            + "aws s3api put-object-acl --bucket BUCKET --key KEY --acl private",
                    """
                    resource "aws_s3_bucket_public_access_block" "this" {
                      bucket             = aws_s3_bucket.this.id
                      block_public_acls  = true
                      ignore_public_acls = true
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html"),
            EnumSet.of(Fact.OBJECT_ACLS, Fact.OBJECT_OWNERSHIP, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        List<GrantEffect> publicGrants = assessment.effects(
                g -> g.via() == Channel.OBJECT_ACL && g.grantee().isPublic());
        List<Grant> inForce = publicGrants.stream().filter(GrantEffect::inForce).map(GrantEffect::grant).toList();
        if (!inForce.isEmpty()) {
            TreeSet<String> keys = new TreeSet<>();
            List<String> clauses = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (Grant g : inForce) {
                keys.add(key(g));
                clauses.add("'" + key(g) + "' lets " + S3Wording.who(g.grantee()) + " "
                        + S3Wording.verbs(g.permissions(), S3Wording.Subject.OBJECT_ACL));
                evidence.add("object '" + key(g) + "': " + S3Wording.evidence(g));
            }
            evidence.add(bpa.line(IGNORE_PUBLIC_ACLS));
            evidence.add(S3Wording.ownership(resource));
            return Outcome.fail(keys.size() + " sampled object" + (keys.size() == 1 ? " is" : "s are")
                    + " public through " + (keys.size() == 1 ? "its" : "their") + " ACL: "
                    + String.join("; ", clauses) + "; " + bpa.state(IGNORE_PUBLIC_ACLS), evidence);
        }
        if (S3Wording.aclsDisabled(resource)) {
            return Outcome.pass("ACLs are disabled (Object Ownership is BucketOwnerEnforced), so no object ACL can"
                    + " make an object public", S3Wording.ownership(resource));
        }
        if (Boolean.TRUE.equals(bpa.effective(IGNORE_PUBLIC_ACLS))) {
            return Outcome.pass(bpa.state(IGNORE_PUBLIC_ACLS) + ", so no object ACL can make an object public",
                    bpa.line(IGNORE_PUBLIC_ACLS));
        }
        List<String> guardrails = new ArrayList<>(List.of(S3Wording.ownership(resource),
                bpa.line(IGNORE_PUBLIC_ACLS)));
        guardrails.addAll(UnknownFacts.lines(resource, Fact.OBJECT_OWNERSHIP, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));
        if (!resource.collected().contains(Fact.OBJECT_ACLS)) {
            return Outcome.unknown("object ACLs were not sampled (use --object-sample N), and nothing rules out a"
                    + " public object: " + S3Wording.ownership(resource) + "; " + bpa.state(IGNORE_PUBLIC_ACLS),
                    guardrails);
        }
        if (!resource.knows(Fact.OBJECT_ACLS)) {
            List<String> evidence = new ArrayList<>(UnknownFacts.lines(resource, Fact.OBJECT_ACLS));
            evidence.addAll(guardrails);
            return Outcome.unknown(String.join("; ", UnknownFacts.lines(resource, Fact.OBJECT_ACLS)), evidence);
        }
        List<GrantEffect> undecided = publicGrants.stream()
                .filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED).toList();
        if (!undecided.isEmpty()) {
            List<String> evidence = new ArrayList<>();
            undecided.forEach(e -> evidence.add("object '" + key(e.grant()) + "': " + S3Wording.evidence(e.grant())
                    + "; in force unknown: " + e.why()));
            evidence.addAll(guardrails);
            List<String> missing = UnknownFacts.lines(resource, Fact.OBJECT_OWNERSHIP,
                    Fact.BLOCK_PUBLIC_ACCESS_BUCKET, Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT);
            return Outcome.unknown("object '" + key(undecided.get(0).grant()) + "' has a public ACL grant, but"
                    + " whether it is in force is unknown: " + String.join("; ", missing.isEmpty()
                    ? List.of(undecided.get(0).why()) : missing), evidence);
        }
        return Outcome.pass("no sampled object's ACL grants access to AllUsers or AuthenticatedUsers (only the"
                + " sampled objects were read)", guardrails.toArray(String[]::new));
    }

    private static String key(Grant g) {
        return g.object() == null ? "?" : g.object();
    }
}
