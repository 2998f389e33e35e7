package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.bucketguard.aws.WireMockAws.bucketGet;
import static dev.bucketguard.aws.WireMockAws.s3Error;
import static dev.bucketguard.aws.WireMockAws.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GetBucketPolicyStatus in its documented XML shape, and the empty answer an emulator gives when it lacks it. */
class PolicyStatusFromWireMockTest {
    private static final String PUBLIC_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",
             "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";

    private static Resource scanWith(ResponseDefinitionBuilder answer) {
        return scanWith(answer, null);
    }

    /** Scans POLICY_STATUS, and POLICY too when {@code policy} answers GetBucketPolicy. */
    private static Resource scanWith(ResponseDefinitionBuilder answer, ResponseDefinitionBuilder policy) {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "policyStatus").willReturn(answer));
            Set<Fact> facts = Set.of(S3Facts.POLICY_STATUS);
            if (policy != null) {
                aws.server.stubFor(bucketGet("b", "policy").willReturn(policy));
                facts = Set.of(S3Facts.POLICY_STATUS, S3Facts.POLICY);
            }
            return aws.scan(aws.provider(), facts).resources().get(0);
        }
    }

    @Test
    void isPublicTrueIsRead() {
        Resource r = scanWith(xml(200, "<PolicyStatus><IsPublic>true</IsPublic></PolicyStatus>"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PUBLIC_POLICY));
        assertEquals(Boolean.TRUE, S3Bucket.of(r).policyStatusPublic());
        assertTrue(S3Bucket.of(r).policy().present());
        assertTrue(r.knows(S3Facts.POLICY_STATUS));
    }

    @Test
    void isPublicFalseIsRead() {
        Resource r = scanWith(xml(200, "<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>"));
        assertEquals(Boolean.FALSE, S3Bucket.of(r).policyStatusPublic());
        assertTrue(r.knows(S3Facts.POLICY_STATUS));
        // The status alone is no reading of the policy itself.
        assertFalse(r.collected().contains(S3Facts.POLICY));
        assertNull(S3Bucket.of(r).policy());
    }

    @Test
    void noSuchBucketPolicyMeansNotPublicAndNoPolicy() {
        Resource r = scanWith(s3Error(404, "NoSuchBucketPolicy"), s3Error(404, "NoSuchBucketPolicy"));
        assertEquals(Boolean.FALSE, S3Bucket.of(r).policyStatusPublic());
        assertFalse(S3Bucket.of(r).policy().present());
        assertFalse(S3Bucket.of(r).policy().tlsEnforced());
        assertTrue(r.knows(S3Facts.POLICY) && r.knows(S3Facts.POLICY_STATUS), r.unknowns().toString());
    }

    @Test
    void anAnswerWithoutIsPublicIsUnknownNeverFalse() {
        // What moto 5.2.1 sends for ?policyStatus: a listing, which the SDK parses as an empty PolicyStatus.
        Resource r = scanWith(xml(200, """
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix>
                <MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>"""));
        Unknown u = r.whyUnknown(S3Facts.POLICY_STATUS).orElseThrow();
        assertEquals("GetBucketPolicyStatus", u.call());
        assertEquals("s3:GetBucketPolicyStatus", u.permission());
        assertEquals(BucketReader.POLICY_STATUS_NOT_IMPLEMENTED, u.error());
        assertNull(S3Bucket.of(r).policyStatusPublic());
    }

    @Test
    void deniedIsUnknownWithThePermission() {
        Resource r = scanWith(s3Error(403, "AccessDenied"));
        assertEquals(new Unknown(S3Facts.POLICY_STATUS, "GetBucketPolicyStatus", "s3:GetBucketPolicyStatus",
                "AccessDenied"), r.whyUnknown(S3Facts.POLICY_STATUS).orElseThrow());
        assertNull(S3Bucket.of(r).policyStatusPublic());
        assertNull(S3Bucket.of(r).policy());
    }
}
