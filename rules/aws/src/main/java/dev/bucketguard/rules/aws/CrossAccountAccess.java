package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.List;

/** An in-force grant to a named account or organisation outside the owner and the trust zone. */
@RuleDefinition(
        id = "aws.s3.cross-account-access",
        severity = Severity.HIGH,
        provider = "aws",
        reads = {"POLICY", "ACL", "OBJECT_OWNERSHIP", "BLOCK_PUBLIC_ACCESS_BUCKET", "BLOCK_PUBLIC_ACCESS_ACCOUNT",
                "ACCESS_POINTS"})
public final class CrossAccountAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        // The verdict records the cross-account dimension whatever the exposure: read it, do not take the step again.
        List<String> outsiders = verdict.outsiders();
        if (!outsiders.isEmpty()) {
            List<String> clauses = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (GrantEffect e : verdict.effects()) {
                Grant g = e.grant();
                if (e.inForce() && VerdictBuilder.named(g) && outsiders.contains(g.grantee().id())) {
                    clauses.add(g.source() + " lets " + g.grantee().describe() + " "
                            + S3Wording.verbs(g.permissions(), subject(g)));
                    evidence.add(S3Wording.evidence(g));
                }
            }
            if (clauses.isEmpty()) {
                // Reached without a named grant, e.g. through an access point another account owns.
                clauses.addAll(verdict.reasons());
            }
            evidence.add("outside the owner " + resource.account() + " and the trust zone: "
                    + String.join(", ", outsiders));
            return Outcome.fail(String.join("; ", clauses), evidence);
        }
        Exposure cross = verdict.crossAccount();
        if (cross == Exposure.CROSS_ACCOUNT) {
            return Outcome.fail(String.join("; ", verdict.reasons()), verdict.reasons());
        }
        if (verdict.exposure() == Exposure.PRIVATE) {
            return Outcome.pass("no grant in force reaches an account or organisation outside the owner and the"
                    + " trust zone", verdict.reasons().toArray(String[]::new));
        }
        if (cross == Exposure.UNKNOWN) {
            List<String> undecidedIds = verdict.undecidedOutsiders();
            List<GrantEffect> undecided = verdict.effects().stream()
                    .filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED && VerdictBuilder.named(e.grant())
                            && undecidedIds.contains(e.grant().grantee().id()))
                    .toList();
            List<String> why = new ArrayList<>(verdict.unreadGrantFacts());
            UnknownFacts.lines(resource, S3Facts.OBJECT_OWNERSHIP, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                    S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT).stream().filter(l -> !why.contains(l)).forEach(why::add);
            if (why.isEmpty()) {
                undecided.stream().map(GrantEffect::why).distinct().forEach(why::add);
            }
            List<String> evidence = new ArrayList<>();
            undecided.forEach(e -> evidence.add(S3Wording.evidence(e.grant()) + "; in force unknown: " + e.why()));
            evidence.addAll(why);
            String head = undecided.isEmpty() ? "whether a grant reaches an outside account could not be decided"
                    : undecided.get(0).grant().source() + " would let " + undecided.get(0).grant().grantee().describe()
                    + " in, but whether it is in force is unknown";
            return Outcome.unknown(head + ": " + String.join("; ", why), evidence);
        }
        return Outcome.pass("no grant names an account or organisation outside the owner and the trust zone"
                + (verdict.exposure() == Exposure.PUBLIC
                ? " (the bucket is public: see aws.s3.public-policy and aws.s3.public-acl)" : ""));
    }

    private static S3Wording.Subject subject(Grant g) {
        if (S3Channels.ACL.equals(g.via())) {
            return S3Wording.Subject.BUCKET_ACL;
        }
        if (S3Channels.OBJECT_ACL.equals(g.via())) {
            return S3Wording.Subject.OBJECT_ACL;
        }
        return S3Wording.Subject.POLICY;
    }
}
