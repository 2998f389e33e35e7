package dev.bucketguard.rules.gcp;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** An IAM member or ACL entity in force outside the bucket's project and the trusted domains and projects. */
@RuleDefinition(
        id = "gcp.storage.external-members",
        severity = Severity.HIGH,
        provider = "gcp",
        reads = {"IAM_POLICY", "ACL", "DEFAULT_OBJECT_ACL", "PUBLIC_ACCESS_PREVENTION"})
public final class ExternalMembers implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        // The verdict records the cross-account dimension whatever the exposure: read it, do not take the step again.
        List<String> outsiders = verdict.outsiders();
        if (!outsiders.isEmpty()) {
            List<String> clauses = new ArrayList<>();
            for (GrantEffect e : verdict.effects()) {
                Grant g = e.grant();
                if (e.inForce() && VerdictBuilder.named(g) && outsiders.contains(g.grantee().id())) {
                    clauses.add(VerdictBuilder.describe(g));
                }
            }
            List<String> evidence = new ArrayList<>(clauses);
            evidence.add("outside the project " + resource.account() + " and the trusted domains and projects: "
                    + String.join(", ", outsiders));
            return Outcome.fail(String.join("; ", clauses), evidence);
        }
        if (verdict.crossAccount() == Exposure.UNKNOWN) {
            List<String> why = new ArrayList<>();
            verdict.effects().stream().filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED
                            && verdict.undecidedOutsiders().contains(e.grant().grantee().id()))
                    .forEach(e -> why.add(VerdictBuilder.describe(e.grant()) + ", but whether it is in force is"
                            + " unknown: " + e.why()));
            why.addAll(verdict.unreadGrantFacts());
            return Outcome.unknown("whether a member outside the project reaches the bucket could not be decided: "
                    + String.join("; ", why), why);
        }
        return Outcome.pass("no IAM member or ACL entity in force lies outside the project " + resource.account()
                + " and the trusted domains and projects");
    }
}
