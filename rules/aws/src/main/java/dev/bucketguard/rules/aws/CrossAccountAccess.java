package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
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

/** An in-force grant to a named account or organisation outside the owner and the trust zone. */
public final class CrossAccountAccess implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.cross-account-access",
            "S3 bucket grants access to accounts outside the trust zone",
            Severity.HIGH,
            "aws",
            "Fails when a bucket policy statement, ACL grant or access point that is in force (not cut by"
                    + " RestrictPublicBuckets, not disabled with ACLs) reaches an AWS account or organisation other"
                    + " than the owner and the trusted accounts and organisations configured for the scan, like IAM"
                    + " Access Analyzer's zone of trust. It reads the exposure verdict's list of outsiders, so the rule"
                    + " and the verdict always agree. UNKNOWN when such a grant may be in force but a guardrail or the"
                    + " policy could not be read.",
            "Another company, a former vendor or a compromised partner account can read (or change) the data without"
                    + " appearing in your own IAM; personal data shared this way is a disclosure to a third party.",
            new Remediation(
                    "S3 console > bucket > Permissions: in the bucket policy remove the statements naming the outside"
                            + " accounts, and in the ACL remove their grants (or disable ACLs). If the access is"
                            + " intended, add the account or organisation to the trust zone (--trust-account,"
                            + " --trust-org) so it is documented.",
                    "aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json\n"
                            + "# remove the outside principals from policy.json, then:\n"
                            + "aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json",
                    """
                    data "aws_iam_policy_document" "bucket" {
                      statement {
                        principals {
                          type        = "AWS"
                          identifiers = [data.aws_caller_identity.current.account_id]
                        }
                        actions   = ["s3:GetObject"]
                        resources = ["${aws_s3_bucket.this.arn}/*"]
                      }
                    }
                    """),
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html#access-analyzer-s3",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html"),
            EnumSet.of(Fact.POLICY, Fact.ACL, Fact.OBJECT_OWNERSHIP, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT, Fact.ACCESS_POINTS));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        List<String> outsiders = assessment.outsiders();
        if (!outsiders.isEmpty()) {
            List<String> clauses = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (GrantEffect e : assessment.effects()) {
                Grant g = e.grant();
                if (e.inForce() && named(g) && outsiders.contains(g.grantee().id())) {
                    clauses.add(g.source() + " lets " + g.grantee().describe() + " "
                            + S3Wording.verbs(g.permissions(), subject(g)));
                    evidence.add(S3Wording.evidence(g));
                }
            }
            evidence.add("outside the owner " + resource.account() + " and the trust zone: "
                    + String.join(", ", outsiders));
            return Outcome.fail(String.join("; ", clauses), evidence);
        }
        if (assessment.exposure() == Exposure.CROSS_ACCOUNT) {
            // Reached outsiders without a named grant, e.g. an access point another account owns.
            return Outcome.fail(String.join("; ", assessment.reasons()), assessment.reasons());
        }
        if (assessment.exposure() == Exposure.PRIVATE) {
            return Outcome.pass("no grant in force reaches an account or organisation outside the owner and the"
                    + " trust zone", assessment.reasons().toArray(String[]::new));
        }
        // PUBLIC or UNKNOWN: the verdict stopped before its cross-account step, so take that step here.
        List<GrantEffect> undecided = assessment.effects().stream()
                .filter(e -> e.effect() == GrantEffect.Effect.UNDECIDED && named(e.grant())
                        && !resource.account().equals(e.grant().grantee().id()))
                .toList();
        List<Fact> holders = new ArrayList<>(List.of(Fact.POLICY));
        if (!S3Wording.aclsDisabled(resource)) {
            holders.add(Fact.ACL);
        }
        holders.add(Fact.ACCESS_POINTS);
        List<String> missing = UnknownFacts.lines(resource, holders.toArray(Fact[]::new));
        if (!undecided.isEmpty() || !missing.isEmpty()) {
            List<String> why = new ArrayList<>(missing);
            UnknownFacts.lines(resource, Fact.OBJECT_OWNERSHIP, Fact.BLOCK_PUBLIC_ACCESS_BUCKET,
                    Fact.BLOCK_PUBLIC_ACCESS_ACCOUNT).stream().filter(l -> !why.contains(l)).forEach(why::add);
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
                + (assessment.exposure() == Exposure.PUBLIC
                ? " (the bucket is public: see aws.s3.public-policy and aws.s3.public-acl)" : ""));
    }

    private static boolean named(Grant g) {
        return g.grantee().kind() == GranteeKind.ACCOUNT || g.grantee().kind() == GranteeKind.ORGANIZATION;
    }

    private static S3Wording.Subject subject(Grant g) {
        return switch (g.via()) {
            case ACL -> S3Wording.Subject.BUCKET_ACL;
            case OBJECT_ACL -> S3Wording.Subject.OBJECT_ACL;
            default -> S3Wording.Subject.POLICY;
        };
    }
}
