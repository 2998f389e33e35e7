package dev.bucketguard.rules.gcp;

import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpChannels;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.List;

/** A bucket ACL or default object ACL entry for allUsers or allAuthenticatedUsers that is in force. */
@RuleDefinition(
        id = "gcp.storage.public-acl",
        severity = Severity.CRITICAL,
        provider = "gcp",
        reads = {"ACL", "DEFAULT_OBJECT_ACL", "PUBLIC_ACCESS_PREVENTION", "ORG_POLICY"})
public final class PublicAcl implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        List<GrantEffect> publicEntries = verdict.effects(g -> (GcpChannels.ACL.equals(g.via())
                || GcpChannels.DEFAULT_OBJECT_ACL.equals(g.via())) && g.grantee().isPublic());
        List<String> inForce = publicEntries.stream().filter(GrantEffect::inForce)
                .map(e -> VerdictBuilder.describe(e.grant())).toList();
        if (!inForce.isEmpty()) {
            return Outcome.fail(String.join("; ", inForce) + "; uniform bucket-level access is off and public access"
                    + " prevention is not enforced", inForce);
        }
        GcpBucket b = GcpBucket.of(resource);
        if (resource.knows(GcpFacts.PUBLIC_ACCESS_PREVENTION) && Boolean.TRUE.equals(b.uniformBucketLevelAccess())) {
            return Outcome.pass("uniform bucket-level access is on, so no ACL applies",
                    "iamConfiguration.uniformBucketLevelAccess.enabled: true");
        }
        List<String> undecided = new ArrayList<>();
        publicEntries.stream().filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED)
                .forEach(e -> undecided.add(VerdictBuilder.describe(e.grant()) + ", but whether it is in force is"
                        + " unknown: " + e.why()));
        List<String> unread = UnknownFacts.lines(resource, GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpFacts.ACL,
                GcpFacts.DEFAULT_OBJECT_ACL);
        if (!undecided.isEmpty()) {
            undecided.addAll(UnknownFacts.lines(resource, GcpFacts.PUBLIC_ACCESS_PREVENTION, GcpFacts.ORG_POLICY));
            return Outcome.unknown(String.join("; ", undecided), undecided);
        }
        if (!unread.isEmpty()) {
            return Outcome.unknown("whether an ACL entry makes the bucket public could not be decided: "
                    + String.join("; ", unread), unread);
        }
        if (!publicEntries.isEmpty()) {
            List<String> evidence = publicEntries.stream()
                    .map(e -> VerdictBuilder.describe(e.grant()) + "; neutralised: " + e.why()).toList();
            return Outcome.pass("public ACL entries exist but are not in force: " + publicEntries.get(0).why(),
                    evidence.toArray(String[]::new));
        }
        return Outcome.pass("no bucket or default object ACL entry grants allUsers or allAuthenticatedUsers");
    }
}
