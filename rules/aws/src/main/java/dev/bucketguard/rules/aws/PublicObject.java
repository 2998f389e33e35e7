package dev.bucketguard.rules.aws;

import static dev.bucketguard.cloud.aws.BlockPublicAccess.Setting.IGNORE_PUBLIC_ACLS;

import dev.bucketguard.cloud.aws.BlockPublicAccessLevels;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Sampled objects whose own ACL makes them public ("public links" on single objects). */
@RuleDefinition(
        id = "aws.s3.public-object",
        severity = Severity.CRITICAL,
        provider = "aws",
        reads = {"OBJECT_ACLS", "OBJECT_OWNERSHIP", "BLOCK_PUBLIC_ACCESS_BUCKET", "BLOCK_PUBLIC_ACCESS_ACCOUNT"})
public final class PublicObject implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        List<GrantEffect> publicGrants = verdict.effects(
                g -> S3Channels.OBJECT_ACL.equals(g.via()) && g.grantee().isPublic());
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
        guardrails.addAll(UnknownFacts.lines(resource, S3Facts.OBJECT_OWNERSHIP, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT));
        if (!resource.collected().contains(S3Facts.OBJECT_ACLS)) {
            return Outcome.unknown("object ACLs were not sampled (use --object-sample N), and nothing rules out a"
                    + " public object: " + S3Wording.ownership(resource) + "; " + bpa.state(IGNORE_PUBLIC_ACLS),
                    guardrails);
        }
        if (!resource.knows(S3Facts.OBJECT_ACLS)) {
            List<String> evidence = new ArrayList<>(UnknownFacts.lines(resource, S3Facts.OBJECT_ACLS));
            evidence.addAll(guardrails);
            return Outcome.unknown(String.join("; ", UnknownFacts.lines(resource, S3Facts.OBJECT_ACLS)), evidence);
        }
        List<GrantEffect> undecided = publicGrants.stream()
                .filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED).toList();
        if (!undecided.isEmpty()) {
            List<String> evidence = new ArrayList<>();
            undecided.forEach(e -> evidence.add("object '" + key(e.grant()) + "': " + S3Wording.evidence(e.grant())
                    + "; in force unknown: " + e.why()));
            evidence.addAll(guardrails);
            List<String> missing = UnknownFacts.lines(resource, S3Facts.OBJECT_OWNERSHIP,
                    S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT);
            return Outcome.unknown("object '" + key(undecided.get(0).grant()) + "' has a public ACL grant, but"
                    + " whether it is in force is unknown: " + String.join("; ", missing.isEmpty()
                    ? List.of(undecided.get(0).why()) : missing), evidence);
        }
        return Outcome.pass("no sampled object's ACL grants access to AllUsers or AuthenticatedUsers (only the"
                + " sampled objects were read)", guardrails.toArray(String[]::new));
    }

    private static String key(Grant g) {
        return g.scope() == null ? "?" : g.scope();
    }
}
