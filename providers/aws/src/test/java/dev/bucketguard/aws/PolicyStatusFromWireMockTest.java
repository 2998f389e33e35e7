package dev.bucketguard.aws;

import static dev.bucketguard.aws.WireMockAws.bucketGet;
import static dev.bucketguard.aws.WireMockAws.s3Error;
import static dev.bucketguard.aws.WireMockAws.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** GetBucketPolicyStatus in its documented XML shape, and the empty answer an emulator gives when it lacks it. */
class PolicyStatusFromWireMockTest {

    private static Resource scanWith(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "policyStatus").willReturn(answer));
            return aws.scan(aws.provider(), EnumSet.of(Fact.POLICY_STATUS)).resources().get(0);
        }
    }

    @Test
    void isPublicTrueIsRead() {
        Resource r = scanWith(xml(200, "<PolicyStatus><IsPublic>true</IsPublic></PolicyStatus>"));
        assertEquals(Boolean.TRUE, r.policy().statusPublic());
        assertTrue(r.policy().present());
        assertTrue(r.knows(Fact.POLICY_STATUS));
    }

    @Test
    void isPublicFalseIsRead() {
        Resource r = scanWith(xml(200, "<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>"));
        assertEquals(Boolean.FALSE, r.policy().statusPublic());
        assertTrue(r.knows(Fact.POLICY_STATUS));
    }

    @Test
    void noSuchBucketPolicyMeansNotPublicAndNoPolicy() {
        Resource r = scanWith(s3Error(404, "NoSuchBucketPolicy"));
        assertEquals(Boolean.FALSE, r.policy().statusPublic());
        assertFalse(r.policy().present());
    }

    @Test
    void anAnswerWithoutIsPublicIsUnknownNeverFalse() {
        // What moto 5.2.1 sends for ?policyStatus: a listing, which the SDK parses as an empty PolicyStatus.
        Resource r = scanWith(xml(200, """
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix>
                <MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>"""));
        Unknown u = r.whyUnknown(Fact.POLICY_STATUS).orElseThrow();
        assertEquals("GetBucketPolicyStatus", u.call());
        assertEquals("s3:GetBucketPolicyStatus", u.permission());
        assertEquals(BucketReader.POLICY_STATUS_NOT_IMPLEMENTED, u.error());
        assertTrue(r.policy() == null || r.policy().statusPublic() == null);
    }

    @Test
    void deniedIsUnknownWithThePermission() {
        Resource r = scanWith(s3Error(403, "AccessDenied"));
        assertEquals(new Unknown(Fact.POLICY_STATUS, "GetBucketPolicyStatus", "s3:GetBucketPolicyStatus",
                "AccessDenied"), r.whyUnknown(Fact.POLICY_STATUS).orElseThrow());
        assertNull(r.policy());
    }
}
