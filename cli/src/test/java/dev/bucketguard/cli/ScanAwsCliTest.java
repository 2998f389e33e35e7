package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.aws.MotoServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code bucketguard scan aws} end to end: buckets set up on moto server through the real SDK, scanned by the real
 * CLI with credentials from the default chain, judged by what a user sees (exit code, report, stderr).
 */
@ExtendWith(MotoServer.class)
class ScanAwsCliTest {
    /** A secret that must never reach any output. */
    private static final String SECRET = "CANARY-SECRET-d0n0tPr1nt-7f3a";
    private static final String ACCESS_KEY = "AKIACANARYACCESSKEY1";
    private final ObjectMapper json = new ObjectMapper();
    private S3Client s3;

    @BeforeAll
    static void credentialsFromTheDefaultChain() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        System.setProperty("aws.region", "us-east-1");
    }

    @AfterAll
    static void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
    }

    @BeforeEach
    void emptyAccount() {
        MotoServer.reset();
        s3 = S3Client.builder().endpointOverride(MotoServer.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
                .build();
    }

    private Cli.Result scan(String... extra) {
        String[] head = {"scan", "aws", "--endpoint-url", MotoServer.endpoint().toString()};
        String[] args = new String[head.length + extra.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(extra, 0, args, head.length, extra.length);
        return Cli.run(args);
    }

    private Map<String, JsonNode> resources(String report) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode r : json.readTree(report).get("resources")) {
            out.put(r.get("id").asText(), r);
        }
        return out;
    }

    private static void assertNoSecret(Cli.Result r) {
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), "the secret key reached the output");
    }

    private void publicByPolicy(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketPolicy(p -> p.bucket(bucket).policy("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "PartnerPortalRead", "Effect": "Allow",
                  "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/*"}]}
                """.formatted(bucket)));
    }

    @Test
    void aPublicPolicyFailsThePipelineAndTheReportSaysWhy() throws Exception {
        publicByPolicy("acct-open-applicant-uploads");
        s3.createBucket(b -> b.bucket("acct-open-records"));
        s3.putPublicAccessBlock(p -> p.bucket("acct-open-records").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));

        Cli.Result r = scan("--format", "json");
        assertEquals(4, r.code(), r.err());
        Map<String, JsonNode> byId = resources(r.out());
        JsonNode uploads = byId.get("acct-open-applicant-uploads");
        assertEquals("PUBLIC", uploads.get("exposure").asText());
        assertTrue(uploads.get("exposureReasons").toString().contains("PartnerPortalRead"), uploads.toString());
        assertEquals("123456789012", uploads.get("account").asText(), "the account id comes from STS");
        assertEquals("PRIVATE", byId.get("acct-open-records").get("exposure").asText());
        assertNoSecret(r);
    }

    @Test
    void aPublicAclIsFoundAndTheTextReportNamesIt() {
        s3.createBucket(b -> b.bucket("acct-open-id-scans").acl(BucketCannedACL.PUBLIC_READ));
        Cli.Result r = scan();
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("PUBLIC        aws:123456789012:acct-open-id-scans"), r.out());
        assertTrue(r.out().contains("aws.s3.public-acl"), r.out());
        assertNoSecret(r);
    }

    @Test
    void aCleanAccountPassesTheGateOnThePublicExposureRules() {
        s3.createBucket(b -> b.bucket("acct-open-backups"));
        Cli.Result r = scan("--rules", "aws.s3.public-policy,aws.s3.public-acl,aws.s3.cross-account-access",
                "--fail-on", "critical");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PRIVATE       aws:123456789012:acct-open-backups"), r.out());
    }

    @Test
    void objectAclsThatWereNotSampledAreUnknownAndExitFive_sampledOnesAreFound() {
        s3.createBucket(b -> b.bucket("acct-open-statements"));
        s3.putObject(p -> p.bucket("acct-open-statements").key("2026/jane-doe.pdf").acl("public-read"),
                RequestBody.fromString("statement"));

        Cli.Result unsampled = scan("--rules", "aws.s3.public-object", "--fail-on", "critical");
        assertEquals(5, unsampled.code(), unsampled.out() + unsampled.err());
        assertTrue(unsampled.out().contains("--object-sample"), unsampled.out());
        assertEquals(0, scan("--rules", "aws.s3.public-object", "--no-fail-on-unknown").code());

        Cli.Result sampled = scan("--rules", "aws.s3.public-object", "--object-sample", "10");
        assertEquals(4, sampled.code(), sampled.out() + sampled.err());
        assertTrue(sampled.out().contains("2026/jane-doe.pdf"), "the public object is named by key:\n"
                + sampled.out());
    }

    @Test
    void aWildcardSourceAccountThatMotosStatusAndProwlerPassIsPublicAndTheDisagreementIsReported()
            throws Exception {
        s3.createBucket(b -> b.bucket("acct-open-demo"));
        s3.putBucketPolicy(p -> p.bucket("acct-open-demo").policy("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "SourceAccountStar", "Effect": "Allow",
                  "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acct-open-demo/*",
                  "Condition": {"StringLike": {"aws:SourceAccount": "*"}}}]}
                """));
        Cli.Result r = scan("--format", "json", "--rules", "aws.s3.public-policy,aws.s3.policy-status-disagrees");
        assertEquals(4, r.code(), r.err());
        JsonNode bucket = resources(r.out()).get("acct-open-demo");
        assertEquals("PUBLIC", bucket.get("exposure").asText());
        Map<String, String> status = new HashMap<>();
        bucket.get("findings").forEach(f -> status.put(f.get("ruleId").asText(), f.get("status").asText()));
        assertEquals("FAIL", status.get("aws.s3.public-policy"));
        assertEquals("FAIL", status.get("aws.s3.policy-status-disagrees"), "moto's status said not public");
    }

    /** An S3 client acting in another account, through moto's AssumeRole (one backend per account). */
    private S3Client s3In(String account) {
        try (StsClient sts = StsClient.builder().endpointOverride(MotoServer.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
                .build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/setup")
                    .roleSessionName("setup")).credentials();
            return S3Client.builder().endpointOverride(MotoServer.endpoint()).forcePathStyle(true)
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build();
        }
    }

    @Test
    void eachRoleArnIsAssumedInTurnAndItsBucketsCarryItsAccountId() throws Exception {
        try (S3Client payments = s3In("111111111111"); S3Client onboarding = s3In("222222222222")) {
            payments.createBucket(b -> b.bucket("payments-statements"));
            onboarding.createBucket(b -> b.bucket("onboarding-applicants"));
            onboarding.putBucketAcl(b -> b.bucket("onboarding-applicants").acl(BucketCannedACL.PUBLIC_READ));
        }
        s3.createBucket(b -> b.bucket("caller-only"));

        Cli.Result r = scan("--format", "json", "--role-arn", "arn:aws:iam::111111111111:role/audit",
                "--role-arn", "arn:aws:iam::222222222222:role/audit", "--rules", "aws.s3.public-acl");
        assertEquals(4, r.code(), r.err());
        Map<String, JsonNode> byId = resources(r.out());
        assertEquals(Set.of("payments-statements", "onboarding-applicants"), byId.keySet(),
                "the roles' accounts are scanned, not the caller's");
        assertEquals("111111111111", byId.get("payments-statements").get("account").asText());
        assertEquals("222222222222", byId.get("onboarding-applicants").get("account").asText());
        assertEquals("PUBLIC", byId.get("onboarding-applicants").get("exposure").asText());
        assertEquals("PRIVATE", byId.get("payments-statements").get("exposure").asText());
    }

    @Test
    void aLiveScanSavedAsASnapshotRescansOfflineToTheSameReport(@TempDir Path dir) {
        publicByPolicy("acct-open-exports");
        Path saved = dir.resolve("aws.snapshot.json");
        Cli.Result live = scan("--format", "json", "--save-snapshot", saved.toString());
        Cli.Result offline = Cli.run("scan", "snapshot", saved.toString(), "--format", "json");
        assertEquals(live.code(), offline.code());
        assertEquals(live.out(), offline.out());
    }

    @Test
    void anUnreachableEndpointIsOneLineWithoutStackTraceOrSecrets() {
        Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", "http://127.0.0.1:9");
        assertTrue(r.code() == 5 || r.code() == 2, "exit " + r.code() + "\n" + r.err());
        assertTrue(r.err().startsWith("bucketguard: error: "), r.err());
        assertTrue(r.err().contains("cannot connect to the endpoint"), "says what went wrong: " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertNoSecret(r);
        assertFalse(r.err().contains(ACCESS_KEY), r.err());
    }
    @Test
    void noUsableCredentialsIsExitTwoInOneLine() {
        Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", MotoServer.endpoint().toString(), "--profile",
                "bucketguard-test-no-such-profile-5c1e", "--no-fail-on-unknown");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("bucketguard: error: no usable AWS credentials: profile"
                + " 'bucketguard-test-no-such-profile-5c1e' gave none"), r.err());
        assertTrue(r.err().contains("aws sso login --profile bucketguard-test-no-such-profile-5c1e"),
                "says what to do: " + r.err());
        assertFalse(r.err().contains("Exception"), "in words, not an exception's class: " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aRefusedBucketListingIsExitFiveEvenWithNoFailOnUnknown_fromAStub() throws Exception {
        // No emulator refuses ListBuckets on demand: a JDK HTTP server on 127.0.0.1 answers STS and refuses S3.
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean sts = "POST".equals(exchange.getRequestMethod());
            byte[] body = (sts ? """
                    <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/auditor</Arn>
                        <UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account></GetCallerIdentityResult>
                      <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
                    </GetCallerIdentityResponse>"""
                    : "<Error><Code>AccessDenied</Code><Message>denied</Message></Error>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(sts ? 200 : 403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--no-fail-on-unknown");
            assertEquals(5, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("s3:ListAllMyBuckets"), "names the missing permission: " + r.err());
            assertNoSecret(r);
        } finally {
            server.stop(0);
        }
    }
    @Test
    void aBucketPolicyThatCannotBeParsedIsExitFiveNotAUsageError() throws Exception {
        // The cloud's data, not the user's input: the bucket is UNKNOWN, the others are scanned, exit 5.
        s3.createBucket(r -> r.bucket("garbled"));
        s3.putBucketPolicy(r -> r.bucket("garbled").policy("{\"Version\":\"2012-10-17\",\"Statement\":"));
        s3.createBucket(r -> r.bucket("fine"));
        Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", MotoServer.endpoint().toString(), "--format", "json",
                "--rules", "aws.s3.versioning");
        assertEquals(5, r.code(), r.err());
        Map<String, String> exposure = new HashMap<>();
        for (JsonNode n : json.readTree(r.out()).get("resources")) {
            exposure.put(n.get("id").asText(), n.get("exposure").asText());
        }
        assertEquals("UNKNOWN", exposure.get("garbled"), r.out());
        assertTrue(exposure.containsKey("fine"), "the other bucket is scanned: " + exposure);
        assertTrue(r.err().contains("cannot be read as an IAM policy"), r.err());
    }

    @Test
    void aProfileIsSelectedAndItsCredentialsSignEveryRequest(@TempDir Path dir) throws Exception {
        // The default chain holds ACCESS_KEY (system properties); --profile must win over it, key and secret alike.
        java.nio.file.Files.writeString(dir.resolve("config"), "[profile audit]\nregion = us-east-1\n");
        java.nio.file.Files.writeString(dir.resolve("credentials"), "[audit]\naws_access_key_id = AKIAPROFILEAUDIT0002\n"
                + "aws_secret_access_key = " + SECRET + "-profile\n");
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        publicByPolicy("profile-exports");
        try (dev.bucketguard.aws.FaultProxy proxy = new dev.bucketguard.aws.FaultProxy(MotoServer.endpoint())) {
            Cli.Result r = Cli.run("scan", "aws", "--profile", "audit", "--endpoint-url", proxy.endpoint().toString(),
                    "--format", "json");
            assertEquals(4, r.code(), r.err());
            assertEquals("PUBLIC", resources(r.out()).get("profile-exports").get("exposure").asText());
            assertEquals(Set.of("AKIAPROFILEAUDIT0002"), proxy.seen().stream()
                    .map(dev.bucketguard.aws.FaultProxy.Seen::keyId).collect(java.util.stream.Collectors.toSet()));
            assertNoSecret(r);
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }
}
