package dev.bucketguard.rules.aws;

import static dev.bucketguard.cloud.aws.BlockPublicAccess.Setting.RESTRICT_PUBLIC_BUCKETS;

import dev.bucketguard.cloud.aws.AccessPoint;
import dev.bucketguard.cloud.aws.BlockPublicAccessLevels;
import dev.bucketguard.cloud.aws.S3Bucket;
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

/** An internet-origin access point whose policy lets anyone in, with no RestrictPublicBuckets to cut it. */
@RuleDefinition(
        id = "aws.s3.access-point-public",
        severity = Severity.HIGH,
        provider = "aws",
        requires = {"ACCESS_POINTS"},
        reads = {"BLOCK_PUBLIC_ACCESS_BUCKET", "BLOCK_PUBLIC_ACCESS_ACCOUNT"})
public final class AccessPointPublic implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        List<AccessPoint> accessPoints = S3Bucket.of(resource).accessPoints();
        if (accessPoints.isEmpty()) {
            return Outcome.pass("the bucket has no access points");
        }
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        List<GrantEffect> publicGrants = verdict.effects(
                g -> S3Channels.ACCESS_POINT_POLICY.equals(g.via()) && g.grantee().isPublic());
        List<Grant> inForce = publicGrants.stream().filter(GrantEffect::inForce).map(GrantEffect::grant).toList();
        if (!inForce.isEmpty()) {
            List<String> clauses = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (Grant g : inForce) {
                clauses.add("access point '" + g.scope() + "': " + g.source() + " lets "
                        + S3Wording.who(g.grantee()) + " "
                        + S3Wording.verbs(g.permissions(), S3Wording.Subject.POLICY));
                evidence.add(S3Wording.evidence(g));
            }
            evidence.add(bpa.line(RESTRICT_PUBLIC_BUCKETS));
            return Outcome.fail(String.join("; ", clauses) + "; RestrictPublicBuckets is off at the access point, "
                    + "bucket and account", evidence);
        }
        List<String> undecided = new ArrayList<>();
        for (GrantEffect e : publicGrants) {
            if (e.effect() == GrantEffect.Effect.UNDECIDED) {
                undecided.add(S3Wording.evidence(e.grant()) + "; in force unknown: " + e.why());
            }
        }
        for (AccessPoint ap : accessPoints) {
            Boolean apRpb = RESTRICT_PUBLIC_BUCKETS.in(ap.blockPublicAccess());
            boolean restricted = Boolean.TRUE.equals(apRpb)
                    || Boolean.TRUE.equals(bpa.effective(RESTRICT_PUBLIC_BUCKETS));
            if (!ap.policyRead() && !ap.vpcOnly() && !restricted) {
                undecided.add("the policy of internet access point '" + ap.name() + "' could not be read (needs"
                        + " s3:GetAccessPointPolicy)");
            }
        }
        if (!undecided.isEmpty()) {
            List<String> evidence = new ArrayList<>(undecided);
            evidence.addAll(UnknownFacts.lines(resource, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                    S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT));
            return Outcome.unknown("whether an access point lets anyone in could not be decided: "
                    + String.join("; ", evidence), evidence);
        }
        List<String> evidence = new ArrayList<>();
        for (AccessPoint ap : accessPoints) {
            evidence.add("access point '" + ap.name() + "': network origin "
                    + (ap.vpcOnly() ? "VPC" : "Internet"));
        }
        publicGrants.forEach(e -> evidence.add(S3Wording.evidence(e.grant()) + "; neutralised: " + e.why()));
        return Outcome.pass(publicGrants.isEmpty()
                ? "no access point policy lets anyone in"
                : "access point policies open to anyone are not in force: " + publicGrants.get(0).why(),
                evidence.toArray(String[]::new));
    }
}
