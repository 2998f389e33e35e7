package dev.bucketguard.aws;

import static dev.bucketguard.aws.MotoFixture.bucket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.scan.Finding;
import dev.bucketguard.scan.FindingStatus;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.RuleSet;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.spi.ScanParameters;
import dev.bucketguard.spi.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;

/**
 * The read audit of buckets set up on moto through the real SDKs: CloudTrail trails with basic and advanced event
 * selectors, server access logging, and the lifecycle of the buckets the logs go to; read by the provider, answered by
 * the AWS cloud, and judged by aws.s3.read-audit and aws.s3.log-retention as a scan does.
 */
@ExtendWith(MotoServer.class)
class ReadAuditAgainstMotoTest {
    static final String UPLOADS = "acct-open-applicant-uploads";
    static final String SCANS = "acct-open-branch-scans";
    static final String ACCESS_LOGS = "acct-access-logs";
    static final String TRAIL_LOGS = "acct-trail-logs";
    private S3Client s3;
    private CloudTrailClient cloudTrail;

    @BeforeEach
    void setUp() {
        MotoServer.reset();
        s3 = MotoFixture.s3();
        cloudTrail = MotoFixture.cloudTrail();
        s3.createBucket(r -> r.bucket(UPLOADS).acl(BucketCannedACL.PUBLIC_READ));
        s3.createBucket(r -> r.bucket(SCANS));
        s3.createBucket(r -> r.bucket(TRAIL_LOGS));
    }

    @AfterEach
    void tearDown() {
        s3.close();
        cloudTrail.close();
    }

    /** A logging, multi-region trail delivering to the trail bucket. */
    private void trail(String name) {
        cloudTrail.createTrail(r -> r.name(name).s3BucketName(TRAIL_LOGS).isMultiRegionTrail(true));
        cloudTrail.startLogging(r -> r.name(name));
    }

    private static AdvancedFieldSelector field(String field, String... equalsValues) {
        return AdvancedFieldSelector.builder().field(field).equalsValue(equalsValues).build();
    }

    private static ScanReport scan(ScanParameters parameters) {
        return Scanner.builder().provider(MotoFixture.provider(0))
                .rules(RuleSet.discover().select(List.of("aws.s3.read-audit", "aws.s3.log-retention",
                        "aws.s3.access-logging"), List.of()))
                .parameters(parameters).toolVersion("test").build().scan();
    }

    private static ResourceReport report(ScanReport report, String bucket) {
        return report.resources().stream().filter(r -> r.resource().id().equals(bucket)).findFirst().orElseThrow();
    }

    private static Finding finding(ResourceReport r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void aTrailThatCoversOtherBucketsOnlyLeavesThisBucketsReadsUnrecorded() {
        trail("branch-scans-only");
        cloudTrail.putEventSelectors(r -> r.trailName("branch-scans-only").eventSelectors(e -> e
                .readWriteType(ReadWriteType.ALL).includeManagementEvents(true)
                .dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3:::" + SCANS + "/"))));

        ScanReport report = scan(ScanParameters.DEFAULTS);

        ResourceReport uploads = report(report, UPLOADS);
        assertEquals(ReadsRecorded.NO, uploads.readAudit().recorded());
        assertEquals(List.of("server access logging off", "no CloudTrail trail records GetObject on this bucket "
                + "(trail 'branch-scans-only': its event selectors do not record GetObject on this bucket)"),
                uploads.readAudit().reasons());
        Finding f = finding(uploads, "aws.s3.read-audit");
        assertEquals(FindingStatus.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity(), "the bucket is public");

        ResourceReport scans = report(report, SCANS);
        assertEquals(ReadsRecorded.YES, scans.readAudit().recorded());
        assertEquals("CloudTrail trail 'branch-scans-only'", scans.readAudit().trails().get(0).mechanism());
        assertEquals(Retention.Kind.UNTIL_DELETED, scans.readAudit().retention().kind(),
                "the trail bucket has no lifecycle");
        assertEquals(1, report.summary().readsUnrecordedExposed(), "the public uploads bucket");
    }

    @Test
    void aSelectorThatRecordsWritesOnlyDoesNotRecordReads() {
        trail("writes");
        cloudTrail.putEventSelectors(r -> r.trailName("writes").eventSelectors(e -> e
                .readWriteType(ReadWriteType.WRITE_ONLY)
                .dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3"))));

        ReadAudit audit = report(scan(ScanParameters.DEFAULTS), SCANS).readAudit();

        assertEquals(ReadsRecorded.NO, audit.recorded());
        assertTrue(audit.reasons().get(1).contains("trail 'writes': its event selector on this bucket records writes "
                + "only (WriteOnly)"), audit.reasons().toString());
        assertEquals(Severity.MEDIUM, finding(report(scan(ScanParameters.DEFAULTS), SCANS), "aws.s3.read-audit")
                .severity(), "a private bucket's unrecorded reads are medium");
    }

    @Test
    void advancedSelectorsAreReadAndTheirResourceArnConditionsDecide() {
        trail("adv");
        cloudTrail.putEventSelectors(r -> r.trailName("adv").advancedEventSelectors(
                a -> a.name("uploads reads").fieldSelectors(field("eventCategory", "Data"),
                        field("resources.type", "AWS::S3::Object"),
                        AdvancedFieldSelector.builder().field("resources.ARN")
                                .startsWith("arn:aws:s3:::" + UPLOADS + "/").build()),
                a -> a.name("all writes").fieldSelectors(field("eventCategory", "Data"),
                        field("resources.type", "AWS::S3::Object"), field("readOnly", "false"))));

        ScanReport report = scan(ScanParameters.DEFAULTS);

        Resource uploads = report(report, UPLOADS).resource();
        assertEquals(2, S3Bucket.of(uploads).trails().get(0).advancedEventSelectors().size(), "both selectors read");
        assertEquals(ReadsRecorded.YES, report(report, UPLOADS).readAudit().recorded());
        assertEquals(ReadsRecorded.NO, report(report, SCANS).readAudit().recorded(),
                "the other selector records writes only");
    }

    @Test
    void aStoppedTrailRecordsNothing() {
        trail("stopped");
        cloudTrail.putEventSelectors(r -> r.trailName("stopped").eventSelectors(e -> e
                .readWriteType(ReadWriteType.ALL).dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3"))));
        cloudTrail.stopLogging(r -> r.name("stopped"));

        ReadAudit audit = report(scan(ScanParameters.DEFAULTS), SCANS).readAudit();

        assertEquals(ReadsRecorded.NO, audit.recorded());
        assertTrue(audit.reasons().get(1).contains("trail 'stopped' would record them but is not logging"),
                audit.reasons().toString());
    }

    @Test
    void accessLogsKeptThirtyDaysFailAThreeHundredSixtyFiveDayRequirementAndPassAThirtyDayOne() {
        s3.createBucket(r -> r.bucket(ACCESS_LOGS).acl("log-delivery-write"));
        s3.putBucketLifecycleConfiguration(r -> r.bucket(ACCESS_LOGS).lifecycleConfiguration(c -> c.rules(rule -> rule
                .id("expire-access-logs").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("uploads/"))
                .expiration(e -> e.days(30)))));
        s3.putBucketLogging(r -> r.bucket(UPLOADS).bucketLoggingStatus(l -> l.loggingEnabled(e -> e
                .targetBucket(ACCESS_LOGS).targetPrefix("uploads/"))));

        ScanReport strict = scan(ScanParameters.DEFAULTS);
        ResourceReport uploads = report(strict, UPLOADS);
        assertEquals(ReadsRecorded.YES, uploads.readAudit().recorded());
        assertEquals(Retention.days(30, "lifecycle rule 'expire-access-logs' expires keys under 'uploads/' after 30 "
                + "days"), uploads.readAudit().retention());
        Finding retention = finding(uploads, "aws.s3.log-retention");
        assertEquals(FindingStatus.FAIL, retention.status());
        assertEquals("records of reads of this bucket are kept 30 days, less than the required 365 days "
                + "(--log-retention-days)", retention.message());
        assertEquals("server access logs go to acct-access-logs/uploads/, kept 30 days",
                finding(uploads, "aws.s3.access-logging").message());
        assertEquals(FindingStatus.PASS, finding(uploads, "aws.s3.read-audit").status());

        ScanReport lenient = scan(ScanParameters.DEFAULTS.with(ScanParameters.LOG_RETENTION_DAYS, 30));
        assertEquals(FindingStatus.PASS, finding(report(lenient, UPLOADS), "aws.s3.log-retention").status());
    }

    @Test
    void aTrailBucketOutsideTheScanLeavesTheRetentionUnknown() {
        s3.createBucket(r -> r.bucket("central-trail-logs"));
        cloudTrail.createTrail(r -> r.name("central").s3BucketName("central-trail-logs").isMultiRegionTrail(true));
        cloudTrail.startLogging(r -> r.name("central"));
        cloudTrail.putEventSelectors(r -> r.trailName("central").eventSelectors(e -> e
                .readWriteType(ReadWriteType.READ_ONLY).dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3"))));
        // The trail's bucket is then no longer one of this account's buckets: another account's, say.
        s3.deleteBucket(r -> r.bucket("central-trail-logs"));

        ResourceReport scans = report(scan(ScanParameters.DEFAULTS), SCANS);

        assertEquals(ReadsRecorded.YES, scans.readAudit().recorded());
        assertEquals(Retention.Kind.UNKNOWN, scans.readAudit().retention().kind());
        Finding f = finding(scans, "aws.s3.log-retention");
        assertEquals(FindingStatus.UNKNOWN, f.status());
        assertTrue(f.message().contains("bucket central-trail-logs is not one of account " + MotoFixture.ACCOUNT
                + "'s buckets"), f.message());
    }

    @Test
    void trailsAreReadOncePerAccountAndRegionNotPerBucket() {
        for (int i = 0; i < 5; i++) {
            String name = "extra-" + i;
            s3.createBucket(r -> r.bucket(name));
        }
        trail("one");
        AwsProvider provider = MotoFixture.provider(0);
        MotoFixture.scan(provider, Set.of(S3Facts.LOGGING, S3Facts.LOG_DESTINATION, S3Facts.TRAILS));

        Map<String, Long> calls = provider.apiCalls();
        assertEquals(1L, calls.get("CloudTrail:DescribeTrails"), calls.toString());
        assertEquals(1L, calls.get("CloudTrail:GetEventSelectors"), calls.toString());
        assertEquals(1L, calls.get("CloudTrail:GetTrailStatus"), calls.toString());
        assertEquals(1L, calls.get("GetBucketLifecycleConfiguration"), "the trail bucket's, once: " + calls);
    }

    @Test
    void whenNoRuleNeedsItNothingOfCloudTrailIsCalledAndTheAnswerIsNotAssessed() {
        trail("one");
        AwsProvider provider = MotoFixture.provider(0);
        Inventory inv = MotoFixture.scan(provider, Set.of(S3Facts.ACL, S3Facts.LOGGING));

        assertTrue(provider.apiCalls().keySet().stream().noneMatch(k -> k.startsWith("CloudTrail:")
                || k.equals("GetBucketLifecycleConfiguration")), provider.apiCalls().toString());
        Resource r = bucket(inv, SCANS);
        assertEquals(ReadsRecorded.NOT_ASSESSED, new AwsCloud().readAudit(r,
                dev.bucketguard.spi.AuditContext.of(ScanParameters.DEFAULTS)).recorded());
    }

    @Test
    void theProvidersCloudTrailClientRefusesStopLoggingAndDeleteTrailBeforeSendingThem() {
        trail("guarded");
        try (SdkHttpClient http = Apache5HttpClient.builder().build();
             AwsClients clients = new AwsClients(MotoFixture.CREDENTIALS, Endpoints.resolve(MotoFixture.endpoint(),
                     Map.of()), http, new CallCounter())) {
            CloudTrailClient guarded = clients.cloudTrail("us-east-1");
            assertThrows(ReadOnlyGuard.MutationRefused.class, () -> guarded.stopLogging(r -> r.name("guarded")));
            assertThrows(ReadOnlyGuard.MutationRefused.class, () -> guarded.deleteTrail(r -> r.name("guarded")));
            assertThrows(ReadOnlyGuard.MutationRefused.class, () -> guarded.putEventSelectors(r -> r
                    .trailName("guarded").eventSelectors(e -> e.readWriteType(ReadWriteType.ALL))));
            // Nothing reached moto: the trail is still there and still logging.
            assertTrue(guarded.getTrailStatus(r -> r.name("guarded")).isLogging());
            assertEquals(1, guarded.describeTrails().trailList().size());
        }
    }
}
