package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.aws.WireMockAws.bucketGet;
import static dev.bucketguard.aws.WireMockAws.s3Error;
import static dev.bucketguard.aws.WireMockAws.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.ScanError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AccessDenied, throttling and broken buckets, which no emulator produces on demand. */
class FailuresFromWireMockTest {
    private static final String VERSIONING_ON =
            "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>";

    @Test
    void deniedAclIsUnknownWithThePermissionWhileOtherFactsAreRead() {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "acl").willReturn(s3Error(403, "AccessDenied")));
            aws.server.stubFor(bucketGet("b", "versioning").willReturn(xml(200, VERSIONING_ON)));
            Resource r = aws.scan(aws.provider(), Set.of(S3Facts.ACL, S3Facts.VERSIONING)).resources().get(0);
            assertEquals(List.of(new Unknown(S3Facts.ACL, "GetBucketAcl", "s3:GetBucketAcl", "AccessDenied")),
                    r.unknowns());
            assertFalse(r.knows(S3Facts.ACL));
            assertTrue(r.grants().isEmpty());
            assertTrue(r.knows(S3Facts.VERSIONING));
            assertTrue(S3Bucket.of(r).versioning().enabled());
        }
    }

    @Test
    void deniedBlockPublicAccessIsUnknownNeverNone() {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "publicAccessBlock").willReturn(s3Error(403, "AccessDenied")));
            Resource r = aws.scan(aws.provider(), Set.of(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET)).resources().get(0);
            assertEquals(new Unknown(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, "GetPublicAccessBlock",
                    "s3:GetBucketPublicAccessBlock", "AccessDenied"),
                    r.whyUnknown(S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET).orElseThrow());
            assertEquals(null, S3Bucket.of(r).bucketBlockPublicAccess());
        }
    }

    @Test
    void slowDownIsRetriedAndTheFactRead() {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "versioning").inScenario("throttle")
                    .whenScenarioStateIs(Scenario.STARTED).willReturn(s3Error(503, "SlowDown"))
                    .willSetStateTo("second"));
            aws.server.stubFor(bucketGet("b", "versioning").inScenario("throttle")
                    .whenScenarioStateIs("second").willReturn(s3Error(503, "ServiceUnavailable"))
                    .willSetStateTo("calm"));
            aws.server.stubFor(bucketGet("b", "versioning").inScenario("throttle")
                    .whenScenarioStateIs("calm").willReturn(xml(200, VERSIONING_ON)));
            AwsProvider provider = aws.provider();
            Resource r = aws.scan(provider, Set.of(S3Facts.VERSIONING)).resources().get(0);
            assertTrue(r.knows(S3Facts.VERSIONING), r.unknowns().toString());
            assertTrue(S3Bucket.of(r).versioning().enabled());
            assertEquals(1L, provider.apiCalls().get("GetBucketVersioning"));
            assertEquals(3L, provider.apiAttempts().get("GetBucketVersioning"));
            aws.server.verify(3, getRequestedFor(urlPathEqualTo("/b")));
        }
    }

    @Test
    void throttlingThatOutlastsRetriesIsUnknownWithTheCode() {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "versioning").willReturn(s3Error(503, "SlowDown")));
            AwsProvider provider = aws.provider();
            // The real settings retry for minutes (20 attempts, back-offs up to 20 s): the same path, shortened.
            provider.throttling = new ThrottlingRetry.Settings(8, java.time.Duration.ofMillis(1),
                    java.time.Duration.ofMillis(5));
            Resource r = aws.scan(provider, Set.of(S3Facts.VERSIONING)).resources().get(0);
            assertEquals(new Unknown(S3Facts.VERSIONING, "GetBucketVersioning", "s3:GetBucketVersioning", "SlowDown"),
                    r.whyUnknown(S3Facts.VERSIONING).orElseThrow());
            assertEquals(8L, provider.apiAttempts().get("GetBucketVersioning"), "at least 8 attempts on throttling");
        }
    }

    @Test
    void oneBrokenBucketDoesNotStopTheOthers() {
        try (WireMockAws aws = new WireMockAws("a-broken", "b-fine")) {
            // Not XML at all: the SDK cannot parse it, which no code path expects.
            aws.server.stubFor(bucketGet("a-broken", "versioning").willReturn(xml(200, "}{ not xml")));
            aws.server.stubFor(bucketGet("b-fine", "versioning").willReturn(xml(200, VERSIONING_ON)));
            Inventory inv = aws.scan(aws.provider(), Set.of(S3Facts.VERSIONING));
            assertEquals(List.of("a-broken", "b-fine"), inv.resources().stream().map(Resource::id).toList());
            Resource broken = inv.resources().get(0);
            assertFalse(broken.knows(S3Facts.VERSIONING));
            assertEquals("the endpoint's answer is not the response S3 documents (it could not be parsed)",
                    broken.whyUnknown(S3Facts.VERSIONING).orElseThrow().error());
            assertTrue(S3Bucket.of(inv.resources().get(1)).versioning().enabled());
        }
    }

    @Test
    void deniedListBucketsIsAnAccessDeniedErrorAndAnEmptyInventory() {
        try (WireMockAws aws = new WireMockAws()) {
            aws.server.stubFor(get(urlPathEqualTo("/")).willReturn(s3Error(403, "AccessDenied")));
            Inventory inv = aws.scan(aws.provider(), Set.of(S3Facts.ACL));
            assertTrue(inv.resources().isEmpty());
            assertEquals(1, inv.errors().size());
            ScanError e = inv.errors().get(0);
            assertEquals(ScanError.Kind.ACCESS_DENIED, e.kind());
            assertEquals("aws:111122223333", e.scope());
            assertTrue(e.message().contains("s3:ListAllMyBuckets"), e.message());
            assertTrue(e.message().contains("AccessDenied"), e.message());
            assertFalse(e.message().contains("R1"), "no request id in messages: " + e.message());
        }
    }

    @Test
    void errorTextNeverCarriesTheRawMessage() {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "acl").willReturn(xml(403,
                    "<Error><Code>AccessDenied</Code><Message>User arn:aws:iam::111122223333:user/secret-name with"
                            + " key AKIAEXAMPLEKEY is not authorized</Message><RequestId>REQ123</RequestId></Error>")));
            Resource r = aws.scan(aws.provider(), Set.of(S3Facts.ACL)).resources().get(0);
            String text = r.toString();
            assertFalse(text.contains("AKIAEXAMPLEKEY"), text);
            assertFalse(text.contains("REQ123"), text);
            assertFalse(text.contains("secret-name"), text);
        }
    }

    @Test
    void mutatingCallsThroughTheProvidersClientsAreRefusedBeforeSending() {
        try (WireMockAws aws = new WireMockAws("b");
             var http = software.amazon.awssdk.http.apache5.Apache5HttpClient.builder().build();
             AwsClients clients = new AwsClients(MotoFixture.CREDENTIALS, Endpoints.resolve(aws.endpoint(),
                     java.util.Map.of()), http, new CallCounter())) {
            aws.server.resetRequests();
            var s3 = clients.s3("us-east-1");
            assertRefused(() -> s3.deleteBucket(r -> r.bucket("b")));
            assertRefused(() -> s3.putBucketAcl(r -> r.bucket("b").acl("public-read")));
            assertRefused(() -> s3.putBucketPolicy(r -> r.bucket("b").policy("{}")));
            assertRefused(() -> clients.s3Control("us-east-1").deletePublicAccessBlock(r -> r.accountId("1")));
            assertRefused(() -> clients.kms("us-east-1").scheduleKeyDeletion(r -> r.keyId("k")));
            aws.server.verify(0, anyRequestedFor(anyUrl()));
            // A read through the same client does reach the server: the guard is not just a dead client.
            aws.server.stubFor(bucketGet("b", "versioning").willReturn(xml(200, VERSIONING_ON)));
            assertEquals("Enabled", s3.getBucketVersioning(r -> r.bucket("b")).statusAsString());
            aws.server.verify(1, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void theRegionComesFromListBucketsWithoutAGetBucketLocationCall() {
        // AWS's ListBuckets names each bucket's region (BucketRegion); asking GetBucketLocation again is a wasted call.
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "versioning").willReturn(xml(200, VERSIONING_ON)));
            AwsProvider provider = aws.provider();
            Resource r = aws.scan(provider, Set.of(S3Facts.VERSIONING)).resources().get(0);
            assertEquals("us-east-1", r.region());
            assertEquals(null, provider.apiCalls().get("GetBucketLocation"), provider.apiCalls().toString());
            aws.server.verify(0, getRequestedFor(urlPathEqualTo("/b")).withQueryParam("location",
                    com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
        }
    }

    @Test
    void accessPointsAreListedOncePerAccountNotOncePerBucket() {
        try (WireMockAws aws = new WireMockAws("applicants", "statements")) {
            aws.server.stubFor(get(urlPathEqualTo("/v20180820/accesspoint")).willReturn(xml(200, """
                    <ListAccessPointsResult xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">
                      <AccessPointList>
                        <AccessPoint><Name>partner-ap</Name><NetworkOrigin>Internet</NetworkOrigin>
                          <Bucket>applicants</Bucket></AccessPoint>
                        <AccessPoint><Name>vpc-ap</Name><NetworkOrigin>VPC</NetworkOrigin>
                          <Bucket>statements</Bucket></AccessPoint>
                      </AccessPointList>
                    </ListAccessPointsResult>""")));
            for (String ap : new String[] {"partner-ap", "vpc-ap"}) {
                aws.server.stubFor(get(urlPathEqualTo("/v20180820/accesspoint/" + ap + "/policy"))
                        .willReturn(s3Error(404, "NoSuchAccessPointPolicy")));
            }
            AwsProvider provider = aws.provider();
            Inventory inv = aws.scan(provider, Set.of(S3Facts.ACCESS_POINTS));
            assertEquals(List.of("partner-ap"), S3Bucket.of(inv.resources().get(0)).accessPoints().stream()
                    .map(dev.bucketguard.cloud.aws.AccessPoint::name).toList());
            assertEquals(List.of("vpc-ap"), S3Bucket.of(inv.resources().get(1)).accessPoints().stream()
                    .map(dev.bucketguard.cloud.aws.AccessPoint::name).toList());
            assertEquals(1L, provider.apiCalls().get("S3Control:ListAccessPoints"), provider.apiCalls().toString());
            aws.server.verify(1, getRequestedFor(urlPathEqualTo("/v20180820/accesspoint")));
        }
    }

    @Test
    void aDeniedAccessPointListingIsUnknownForEveryBucketOfTheAccount() {
        try (WireMockAws aws = new WireMockAws("applicants", "statements")) {
            // S3 Control wraps its error in ErrorResponse.
            aws.server.stubFor(get(urlPathEqualTo("/v20180820/accesspoint")).willReturn(xml(403,
                    "<ErrorResponse><Error><Code>AccessDenied</Code><Message>denied</Message></Error>"
                            + "<RequestId>R1</RequestId></ErrorResponse>")));
            Inventory inv = aws.scan(aws.provider(), Set.of(S3Facts.ACCESS_POINTS));
            for (Resource r : inv.resources()) {
                Unknown u = r.whyUnknown(S3Facts.ACCESS_POINTS).orElseThrow();
                assertEquals("s3:ListAccessPoints", u.permission(), r.ref());
                assertEquals("AccessDenied", u.error(), r.ref());
            }
        }
    }

    @Test
    void theAnonymousProbesClientIsReadOnlyAndSignsNothing() {
        try (WireMockAws aws = new WireMockAws("b");
             var http = software.amazon.awssdk.http.apache5.Apache5HttpClient.builder().build();
             AwsClients signed = new AwsClients(MotoFixture.CREDENTIALS, Endpoints.resolve(aws.endpoint(),
                     java.util.Map.of()), http, new CallCounter());
             AwsClients anonymous = signed.with(
                     software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())) {
            aws.server.resetRequests();
            var s3 = anonymous.s3("us-east-1");
            assertRefused(() -> s3.putObject(r -> r.bucket("b").key("k"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("x")));
            assertRefused(() -> s3.deleteObject(r -> r.bucket("b").key("k")));
            aws.server.verify(0, anyRequestedFor(anyUrl()));
            aws.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/b"))
                    .willReturn(s3Error(403, "AccessDenied")));
            var probes = new S3AnonymousProbe(anonymous).probe(signed.s3("us-east-1"), "b", "us-east-1");
            assertEquals(403, probes.get(0).status());
            aws.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/b"))
                    .withQueryParam("max-keys", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                    .withoutHeader("Authorization"));
        }
    }

    private static void assertRefused(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t != null && !(t instanceof ReadOnlyGuard.MutationRefused)) {
                t = t.getCause();
            }
            assertTrue(t != null || e instanceof ReadOnlyGuard.MutationRefused, "refused by the guard: " + e);
            return;
        }
        throw new AssertionError("a mutating call was not refused");
    }

    @Test
    void aFullLastPageWithoutAContinuationTokenIsCheckedWithOneListingWithoutMaxBuckets() {
        // moto answers MaxBuckets with the first page and no token; AWS gives a token when more follow.
        try (WireMockAws aws = new WireMockAws("a", "b", "c")) {
            aws.server.stubFor(get(urlPathEqualTo("/"))
                    .withQueryParam("max-buckets", equalTo("2"))
                    .willReturn(xml(200, "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                            + "<Owner><ID>" + WireMockAws.OWNER_ID + "</ID></Owner><Buckets>"
                            + "<Bucket><Name>a</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>"
                            + "<Bucket><Name>b</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>"
                            + "</Buckets></ListAllMyBucketsResult>")));
            AwsProvider provider = aws.provider();
            provider.bucketPage = 2;
            List<String> ids = aws.scan(provider, Set.of(S3Facts.VERSIONING)).resources().stream()
                    .map(Resource::id).toList();
            assertEquals(List.of("a", "b", "c"), ids, "the third bucket is not lost");
            assertEquals(2L, provider.apiCalls().get("ListBuckets"));
        }
    }

    @Test
    void aLastPageThatIsNotFullNeedsNoCheck() {
        try (WireMockAws aws = new WireMockAws("a", "b", "c")) {
            AwsProvider provider = aws.provider();
            provider.bucketPage = 4;
            assertEquals(3, aws.scan(provider, Set.of(S3Facts.VERSIONING)).resources().size());
            assertEquals(1L, provider.apiCalls().get("ListBuckets"));
        }
    }
}
