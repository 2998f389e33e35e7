package dev.bucketguard.cloud.aws;

import static dev.bucketguard.cloud.aws.Fixtures.OWNER;
import static dev.bucketguard.cloud.aws.Fixtures.aclAllUsers;
import static dev.bucketguard.cloud.aws.Fixtures.denied;
import static dev.bucketguard.testkit.VerdictAssertions.assertReason;
import static dev.bucketguard.testkit.VerdictAssertions.assertVerdict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.Fixtures.Analyzer;
import dev.bucketguard.cloud.aws.Fixtures.Guardrails;
import dev.bucketguard.cloud.aws.Fixtures.PolicyFacts;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.Verdict;
import org.junit.jupiter.api.Test;

/** How the verdict takes the answers of {@code --probe-anonymous}: a success is proof, a refusal is evidence. */
class AwsExposureProbeTest {
    private static final AnonymousProbe LIST_SERVED = new AnonymousProbe("list (max-keys=1)", 200, true, null);
    private static final AnonymousProbe LIST_REFUSED = new AnonymousProbe("list (max-keys=1)", 403, false, null);
    private static final AnonymousProbe HEAD_SERVED = new AnonymousProbe("HEAD of key 'cv.pdf'", 200, true, null);

    private final Analyzer analyzer = new Analyzer();

    private static Fixtures.S3Builder bucket() {
        return Fixtures.s3(OWNER, "applicants")
                .collected(S3Facts.ACL, S3Facts.POLICY, S3Facts.POLICY_STATUS, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                        S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Facts.OBJECT_OWNERSHIP)
                .guardrails(Guardrails.s3(BlockPublicAccess.NONE, BlockPublicAccess.NONE,
                        ObjectOwnership.OBJECT_WRITER))
                .policy(PolicyFacts.NONE);
    }

    @Test
    void aServedListSettlesAnUnknownAsPublicAndProven() {
        Verdict v = analyzer.verdict(bucket().unknown(denied(S3Facts.ACL)).probes(LIST_SERVED).build());
        assertVerdict(v, Exposure.PUBLIC);
        assertTrue(v.tags().contains(AwsCloud.PROBED_PUBLIC) && v.tags().contains(ExposureTag.LISTABLE), v.tags()
                .toString());
        assertReason(v, "an anonymous list (max-keys=1) of bucket 'applicants' answered 200: proven anonymous from"
                + " where the scan ran");
    }

    @Test
    void aServedHeadProvesPublicButNotListable() {
        Verdict v = analyzer.verdict(bucket().grant(aclAllUsers()).probes(LIST_REFUSED, HEAD_SERVED).build());
        assertVerdict(v, Exposure.PUBLIC);
        assertTrue(v.tags().contains(AwsCloud.PROBED_PUBLIC));
        assertReason(v, "an anonymous HEAD of key 'cv.pdf' of bucket 'applicants' answered 200");
    }

    @Test
    void aRefusalLeavesAPublicBucketPublicWithTheRefusalAsEvidence() {
        Verdict v = analyzer.verdict(bucket().grant(aclAllUsers()).probes(LIST_REFUSED).build());
        assertVerdict(v, Exposure.PUBLIC);
        assertFalse(v.tags().contains(AwsCloud.PROBED_PUBLIC));
        assertReason(v, "answered 403: evidence only, a refusal does not prove the bucket private");
    }

    @Test
    void aRefusalNeverMakesAnUnknownBucketPrivate() {
        Verdict v = analyzer.verdict(bucket().unknown(denied(S3Facts.ACL)).probes(LIST_REFUSED).build());
        assertVerdict(v, Exposure.UNKNOWN);
        assertReason(v, "evidence only, a refusal does not prove the bucket private");
        assertReason(v, "s3:GetBucketAcl");
    }

    @Test
    void probesThatWereNotCollectedCountForNothing() {
        Verdict v = analyzer.verdict(bucket().unknown(denied(S3Facts.ACL)).build());
        assertVerdict(v, Exposure.UNKNOWN);
        assertFalse(v.tags().contains(AwsCloud.PROBED_PUBLIC));
    }
}
