package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.aws.WireMockAws.bucketGet;
import static dev.bucketguard.aws.WireMockAws.s3Error;
import static dev.bucketguard.aws.WireMockAws.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.ScanParameters;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Refused read-audit calls, served by WireMock with AWS's documented error shapes (no emulator refuses on demand):
 * each is UNKNOWN naming the call and the permission, never "no trace".
 */
class ReadAuditDeniedFromWireMockTest {
    static final Set<dev.bucketguard.model.Fact> AUDIT = Set.of(S3Facts.LOGGING, S3Facts.LOG_DESTINATION,
            S3Facts.TRAILS);
    static final String CLOUDTRAIL = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    static MappingBuilder cloudTrail(String operation) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(CLOUDTRAIL + operation));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    static ResponseDefinitionBuilder accessDenied() {
        return json(400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User is not authorized\"}");
    }

    private static ReadAudit audit(Resource r) {
        return new AwsCloud().readAudit(r, AuditContext.of(ScanParameters.DEFAULTS));
    }

    private static void loggingOff(WireMockAws aws, String bucket) {
        aws.server.stubFor(bucketGet(bucket, "logging").willReturn(xml(200,
                "<BucketLoggingStatus xmlns=\"http://doc.s3.amazonaws.com/2006-03-01\"/>")));
    }

    @Test
    void refusedDescribeTrailsIsUnknownNamingCloudtrailDescribeTrails() {
        try (WireMockAws aws = new WireMockAws("applicants")) {
            loggingOff(aws, "applicants");
            aws.server.stubFor(cloudTrail("DescribeTrails").willReturn(accessDenied()));

            Resource r = aws.scan(aws.provider(), AUDIT).resources().get(0);

            Unknown u = r.whyUnknown(S3Facts.TRAILS).orElseThrow();
            assertEquals("DescribeTrails", u.call());
            assertEquals("cloudtrail:DescribeTrails", u.permission());
            assertEquals("AccessDeniedException", u.error());
            ReadAudit a = audit(r);
            assertEquals(ReadsRecorded.UNKNOWN, a.recorded(), "logging off, trails unread: never NO");
            assertTrue(a.explanation().contains("could not read TRAILS: DescribeTrails failed with "
                    + "AccessDeniedException (needs cloudtrail:DescribeTrails)"), a.explanation().toString());
        }
    }

    @Test
    void aTrailWhoseSelectorsAreRefusedIsUnknownNamingCloudtrailGetEventSelectors() {
        try (WireMockAws aws = new WireMockAws("applicants")) {
            loggingOff(aws, "applicants");
            aws.server.stubFor(cloudTrail("DescribeTrails").willReturn(json(200, """
                    {"trailList":[{"Name":"org-trail","TrailARN":"arn:aws:cloudtrail:us-east-1:999988887777:trail/org-trail",
                      "HomeRegion":"us-east-1","IsMultiRegionTrail":true,"IsOrganizationTrail":true,
                      "S3BucketName":"org-trail-logs"}]}""")));
            aws.server.stubFor(cloudTrail("GetTrailStatus").willReturn(json(200, "{\"IsLogging\":true}")));
            aws.server.stubFor(cloudTrail("GetEventSelectors").willReturn(accessDenied()));

            Resource r = aws.scan(aws.provider(), AUDIT).resources().get(0);

            ReadAudit a = audit(r);
            assertEquals(ReadsRecorded.UNKNOWN, a.recorded());
            Unknown u = a.unread().get(0);
            assertEquals("GetEventSelectors", u.call());
            assertEquals("cloudtrail:GetEventSelectors", u.permission());
        }
    }

    @Test
    void aRefusedLifecycleOfTheLogBucketLeavesTheRetentionUnknownNamingS3GetLifecycleConfiguration() {
        try (WireMockAws aws = new WireMockAws("applicants", "access-logs")) {
            aws.server.stubFor(bucketGet("applicants", "logging").willReturn(xml(200, """
                    <BucketLoggingStatus xmlns="http://doc.s3.amazonaws.com/2006-03-01"><LoggingEnabled>
                      <TargetBucket>access-logs</TargetBucket><TargetPrefix>applicants/</TargetPrefix>
                    </LoggingEnabled></BucketLoggingStatus>""")));
            loggingOff(aws, "access-logs");
            aws.server.stubFor(bucketGet("access-logs", "lifecycle").willReturn(s3Error(403, "AccessDenied")));
            aws.server.stubFor(cloudTrail("DescribeTrails").willReturn(json(200, "{\"trailList\":[]}")));

            Resource r = aws.scan(aws.provider(), AUDIT).resources().stream()
                    .filter(x -> x.id().equals("applicants")).findFirst().orElseThrow();

            Unknown u = r.whyUnknown(S3Facts.LOG_DESTINATION).orElseThrow();
            assertEquals("GetBucketLifecycleConfiguration", u.call());
            assertEquals("s3:GetLifecycleConfiguration", u.permission());
            ReadAudit a = audit(r);
            assertEquals(ReadsRecorded.YES, a.recorded(), "the logs are written; how long they are kept is unknown");
            assertEquals(null, a.retainedFor(365));
            aws.server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo("/access-logs")).withQueryParam("lifecycle",
                    com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
        }
    }
}
