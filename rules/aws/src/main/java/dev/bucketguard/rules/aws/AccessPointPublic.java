package dev.bucketguard.rules.aws;

import static dev.bucketguard.rules.aws.BlockPublicAccessSetting.RESTRICT_PUBLIC_BUCKETS;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.AccessPoint;
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

/** An internet-origin access point whose policy lets anyone in, with no RestrictPublicBuckets to cut it. */
public final class AccessPointPublic implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.access-point-public",
            "S3 access point policy grants access to everyone",
            Severity.HIGH,
            "aws",
            "Fails when an access point with Internet network origin has a policy statement open to anyone and"
                    + " RestrictPublicBuckets is off at the access point, the bucket and the account. VPC-origin access"
                    + " points are never public. UNKNOWN when an internet access point's policy or the Block Public"
                    + " Access that would cut it could not be read.",
            "An access point is a second front door to the bucket's data with its own policy: a public one exposes"
                    + " the data even when the bucket policy itself is private.",
            new Remediation(
                    "S3 console > Access Points > the access point > Permissions: remove the statements open to"
                            + " anyone; recreate it with network origin VPC and Block Public Access on (both are fixed"
                            + " at creation).",
                    "aws s3control delete-access-point-policy --account-id ACCOUNT_ID --name ACCESS_POINT\n"
                            + "aws s3control create-access-point --account-id ACCOUNT_ID --name ACCESS_POINT"
                            + " --bucket BUCKET --vpc-configuration VpcId=VPC_ID",
                    """
                    resource "aws_s3_access_point" "this" {
                      bucket = aws_s3_bucket.this.id
                      name   = "internal"
                      vpc_configuration {
                        vpc_id = aws_vpc.main.id
                      }
                      public_access_block_configuration {
                        block_public_acls       = true
                        ignore_public_acls      = true
                        block_public_policy     = true
                        restrict_public_buckets = true
                      }
                    }
                    """),
            List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"),
            EnumSet.of(Fact.ACCESS_POINTS, Fact.BLOCK_PUBLIC_ACCESS_BUCKET, Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.ACCESS_POINTS);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        if (resource.accessPoints().isEmpty()) {
            return Outcome.pass("the bucket has no access points");
        }
        BlockPublicAccessLevels bpa = BlockPublicAccessLevels.of(resource);
        List<GrantEffect> publicGrants = assessment.effects(
                g -> g.via() == Channel.ACCESS_POINT_POLICY && g.grantee().isPublic());
        List<Grant> inForce = publicGrants.stream().filter(GrantEffect::inForce).map(GrantEffect::grant).toList();
        if (!inForce.isEmpty()) {
            List<String> clauses = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (Grant g : inForce) {
                clauses.add("access point '" + g.accessPoint() + "': " + g.source() + " lets "
                        + S3Wording.who(g.grantee()) + " " + S3Wording.verbs(g.permissions(), S3Wording.Subject.POLICY));
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
        for (AccessPoint ap : resource.accessPoints()) {
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
            evidence.addAll(UnknownFacts.lines(resource, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT));
            return Outcome.unknown("whether an access point lets anyone in could not be decided: "
                    + String.join("; ", evidence), evidence);
        }
        List<String> evidence = new ArrayList<>();
        for (AccessPoint ap : resource.accessPoints()) {
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
