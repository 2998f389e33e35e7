package dev.bucketguard.rules.gcp;

import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpChannels;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.Verdict;
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

/** Sampled objects whose own ACL grants allUsers or allAuthenticatedUsers ("public links"). */
@RuleDefinition(
        id = "gcp.storage.public-object",
        severity = Severity.CRITICAL,
        provider = "gcp",
        reads = {"OBJECT_ACLS", "PUBLIC_ACCESS_PREVENTION", "ORG_POLICY"})
public final class PublicObject implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        List<GrantEffect> publicEntries = verdict.effects(
                g -> GcpChannels.OBJECT_ACL.equals(g.via()) && g.grantee().isPublic());
        List<Grant> inForce = publicEntries.stream().filter(GrantEffect::inForce).map(GrantEffect::grant).toList();
        if (!inForce.isEmpty()) {
            TreeSet<String> objects = new TreeSet<>();
            List<String> evidence = new ArrayList<>();
            for (Grant g : inForce) {
                objects.add(g.scope());
                evidence.add("object '" + g.scope() + "': " + g.source() + " (" + g.detail() + ")");
            }
            return Outcome.fail(objects.size() + " sampled object" + (objects.size() == 1 ? " is" : "s are")
                    + " public through " + (objects.size() == 1 ? "its" : "their") + " ACL: '"
                    + String.join("', '", objects) + "'", evidence);
        }
        GcpBucket b = GcpBucket.of(resource);
        if (resource.knows(GcpFacts.PUBLIC_ACCESS_PREVENTION)) {
            if (Boolean.TRUE.equals(b.uniformBucketLevelAccess())) {
                return Outcome.pass("uniform bucket-level access is on, so no object ACL applies",
                        "iamConfiguration.uniformBucketLevelAccess.enabled: true");
            }
            if (b.publicAccessPrevention().enforcedOnBucket()) {
                return Outcome.pass("public access prevention is enforced on the bucket, so no object ACL can make"
                        + " an object public", "iamConfiguration.publicAccessPrevention: enforced");
            }
            if (resource.knows(GcpFacts.ORG_POLICY) && Boolean.TRUE.equals(b.orgEnforcesPublicAccessPrevention())) {
                return Outcome.pass("the organisation policy enforces public access prevention, so no object ACL"
                        + " can make an object public", "storage.publicAccessPrevention: enforced");
            }
        }
        List<String> guardrails = UnknownFacts.lines(resource, GcpFacts.PUBLIC_ACCESS_PREVENTION,
                GcpFacts.ORG_POLICY);
        if (!resource.collected().contains(GcpFacts.OBJECT_ACLS)) {
            List<String> evidence = new ArrayList<>(guardrails);
            evidence.add(0, "object ACLs not sampled");
            return Outcome.unknown("object ACLs were not sampled (use --object-sample N), and uniform bucket-level"
                    + " access is not known to be on (needs storage.buckets.get)", evidence);
        }
        if (!resource.knows(GcpFacts.OBJECT_ACLS)) {
            List<String> lines = UnknownFacts.lines(resource, GcpFacts.OBJECT_ACLS);
            return Outcome.unknown(String.join("; ", lines), lines);
        }
        if (publicEntries.stream().anyMatch(e -> e.effect() == GrantEffect.Effect.UNDECIDED)) {
            List<String> evidence = new ArrayList<>();
            publicEntries.forEach(e -> evidence.add("object '" + e.grant().scope() + "': " + e.grant().source()
                    + "; in force unknown: " + e.why()));
            evidence.addAll(guardrails);
            return Outcome.unknown("sampled objects carry public ACL entries, but whether they are in force is"
                    + " unknown: " + String.join("; ", guardrails), evidence);
        }
        return Outcome.pass(publicEntries.isEmpty() ? "no sampled object is public through its ACL"
                : "sampled objects carry public ACL entries that are not in force: " + publicEntries.get(0).why());
    }
}
