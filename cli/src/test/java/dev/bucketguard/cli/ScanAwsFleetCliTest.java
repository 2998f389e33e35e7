package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.aws.FaultProxy;
import dev.bucketguard.aws.MotoOrganizations;
import dev.bucketguard.aws.MotoServer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

/**
 * {@code scan aws} at scale, end to end on moto: a whole organisation ({@code --org-role-name}), the anonymous probe,
 * and throttling (a proxy answering 503 SlowDown), judged by what a user sees: exit code, report, stderr.
 */
@ExtendWith(MotoServer.class)
class ScanAwsFleetCliTest {
    private static final String ROLE = "BucketguardAudit";
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void credentialsFromTheDefaultChain() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
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
    }

    private static S3Client s3() {
        return S3Client.builder().endpointOverride(MotoServer.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing",
                        "testing"))).build();
    }

    private Map<String, JsonNode> resources(String report) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode r : json.readTree(report).get("resources")) {
            out.put(r.get("id").asText(), r);
        }
        return out;
    }

    @Test
    void organisationFlagsAreCheckedBeforeAnyCall() {
        String endpoint = MotoServer.endpoint().toString();
        Cli.Result noOrg = Cli.run("scan", "aws", "--endpoint-url", endpoint, "--accounts", "111111111111");
        assertEquals(2, noOrg.code(), noOrg.err());
        assertTrue(noOrg.err().startsWith("bucketguard: error: --accounts filters the accounts of an organisation"
                + " scan: give --org-role-name too"), noOrg.err());
        Cli.Result badRole = Cli.run("scan", "aws", "--endpoint-url", endpoint, "--org-role-name", "bad role");
        assertEquals(2, badRole.code(), badRole.err());
        assertTrue(badRole.err().contains("'bad role' is not an IAM role name"), badRole.err());
        Cli.Result badId = Cli.run("scan", "aws", "--endpoint-url", endpoint, "--org-role-name", ROLE,
                "--exclude-accounts", "12345");
        assertEquals(2, badId.code(), badId.err());
        assertTrue(badId.err().contains("--exclude-accounts: '12345' is not an AWS account id (12 digits)"),
                badId.err());
        Cli.Result both = Cli.run("scan", "aws", "--endpoint-url", endpoint, "--org-role-name", ROLE, "--role-arn",
                "arn:aws:iam::111111111111:role/x");
        assertEquals(2, both.code(), both.err());
    }

    @Test
    void anOrganisationScanGoesOnPastARoleThatCannotBeAssumedAndExitsFive() throws Exception {
        MotoOrganizations.createOrganization();
        String applicants = MotoOrganizations.createAccount("applicants");
        String payroll = MotoOrganizations.createAccount("payroll");
        try (S3Client s3 = MotoOrganizations.s3As(applicants, ROLE)) {
            s3.createBucket(r -> r.bucket("applicants-cvs"));
        }
        try (S3Client s3 = MotoOrganizations.s3As(payroll, ROLE)) {
            s3.createBucket(r -> r.bucket("payroll-exports"));
        }
        try (FaultProxy proxy = new FaultProxy(MotoServer.endpoint())) {
            proxy.refuse(s -> s.body().contains("Action=AssumeRole") && s.body().contains(payroll),
                    FaultProxy.Refusal.sts(403, "AccessDenied"));
            Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", proxy.endpoint().toString(), "--org-role-name",
                    ROLE, "--format", "json", "--rules", "aws.s3.public-acl");
            assertEquals(5, r.code(), r.err());
            assertEquals(Map.of("applicants-cvs", applicants), resources(r.out()).entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("account").asText())));
            assertTrue(r.err().contains("could not assume arn:aws:iam::" + payroll + ":role/" + ROLE
                    + ": AccessDenied"), r.err());
        }
    }

    @Test
    void aRefusedOrganisationListingStopsTheScanWithExitFiveWhateverNoFailOnUnknownSays() throws Exception {
        MotoOrganizations.createOrganization();
        try (S3Client s3 = s3()) {
            s3.createBucket(r -> r.bucket("acct-open-backups"));
        }
        try (FaultProxy proxy = new FaultProxy(MotoServer.endpoint())) {
            // Organizations speaks JSON 1.1: every POST with a JSON body before the first bucket read is one of its.
            proxy.refuse(s -> "POST".equals(s.method()) && s.body().startsWith("{") && !s.body().contains("Trail"),
                    new FaultProxy.Refusal(400, "application/x-amz-json-1.1",
                            "{\"__type\":\"AccessDeniedException\",\"Message\":\"not the management account\"}"));
            Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", proxy.endpoint().toString(), "--org-role-name",
                    ROLE, "--no-fail-on-unknown", "--format", "json");
            assertEquals(5, r.code(), r.err());
            assertEquals("", r.out(), "nothing was scanned, so no report pretends otherwise");
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("bucketguard: error: could not list the accounts of the organisation:"
                    + " AccessDeniedException") && r.err().contains("organizations:ListAccounts"), r.err());
            assertFalse(r.err().contains("not the management account"), "AWS's own message is not echoed");
            assertTrue(proxy.seen().stream().noneMatch(s -> s.pathAndQuery().startsWith("/acct-open-backups")),
                    "no bucket is read when the organisation cannot be listed");
        }
    }

    @Test
    void aBucketOpenOnlyToATrustedAccountIsNotProbed() throws Exception {
        // The ACL grants a partner's canonical user; the Object Ownership read is refused, so whether ACLs are in
        // force is unknown: UNKNOWN while the partner is an outsider, PRIVATE with --trusted-accounts naming it.
        String partner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        try (S3Client s3 = s3()) {
            s3.createBucket(r -> r.bucket("acct-open-partner"));
            var owner = s3.getBucketAcl(r -> r.bucket("acct-open-partner")).owner();
            s3.putBucketAcl(r -> r.bucket("acct-open-partner").accessControlPolicy(a -> a.owner(owner).grants(
                    software.amazon.awssdk.services.s3.model.Grant.builder().grantee(g -> g.type(
                            software.amazon.awssdk.services.s3.model.Type.CANONICAL_USER).id(owner.id()))
                            .permission(software.amazon.awssdk.services.s3.model.Permission.FULL_CONTROL).build(),
                    software.amazon.awssdk.services.s3.model.Grant.builder().grantee(g -> g.type(
                            software.amazon.awssdk.services.s3.model.Type.CANONICAL_USER).id(partner))
                            .permission(software.amazon.awssdk.services.s3.model.Permission.READ).build())));
        }
        for (boolean trusted : new boolean[] {false, true}) {
            try (FaultProxy proxy = new FaultProxy(MotoServer.endpoint())) {
                proxy.refuse(s -> s.signed() && s.pathAndQuery().startsWith("/acct-open-partner?ownershipControls"),
                        FaultProxy.Refusal.s3(403, "AccessDenied"));
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", "aws",
                        "--endpoint-url", proxy.endpoint().toString(), "--probe-anonymous", "--format", "json"));
                if (trusted) {
                    args.addAll(java.util.List.of("--trusted-accounts", partner));
                }
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                boolean probed = proxy.seen().stream().anyMatch(s -> !s.signed());
                assertEquals(trusted ? "PRIVATE" : "PUBLIC", resources(r.out()).get("acct-open-partner")
                        .get("exposure").asText(), "moto serves every anonymous list, so a probe proves it: " + r.out());
                assertEquals(!trusted, probed, "probed only while the report would call it UNKNOWN: "
                        + proxy.seen());
            }
        }
    }

    @Test
    void aServedAnonymousListIsProofInTheReportAndInASavedSnapshot(@org.junit.jupiter.api.io.TempDir
                                                                       java.nio.file.Path dir) throws Exception {
        try (S3Client s3 = s3()) {
            s3.createBucket(r -> r.bucket("acct-open-id-scans").acl(BucketCannedACL.PUBLIC_READ));
        }
        java.nio.file.Path saved = dir.resolve("probed.snapshot.json");
        Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", MotoServer.endpoint().toString(), "--probe-anonymous",
                "--format", "json", "--save-snapshot", saved.toString());
        Cli.Result offline = Cli.run("scan", "snapshot", saved.toString(), "--format", "json");
        assertEquals(r.code(), offline.code(), offline.err());
        assertEquals(json.readTree(r.out()).get("resources"), json.readTree(offline.out()).get("resources"),
                "the probe's answers are kept in the snapshot and judged the same offline");
        assertEquals(4, r.code(), r.err());
        JsonNode bucket = resources(r.out()).get("acct-open-id-scans");
        assertTrue(bucket.toString().contains("PROBED_PUBLIC"), bucket.toString());
        assertTrue(bucket.toString().contains("an anonymous list (max-keys=1) of bucket 'acct-open-id-scans'"
                + " answered 200: proven anonymous from where the scan ran"), bucket.toString());
    }

    @Test
    void throttlingIsOneLineOnStderrWithoutATerminalAndNeverInTheReport() throws Exception {
        try (S3Client s3 = s3()) {
            s3.createBucket(r -> r.bucket("acct-open-backups"));
        }
        Cli.Result straight = Cli.run("scan", "aws", "--endpoint-url", MotoServer.endpoint().toString(),
                "--format", "json", "--rules", "aws.s3.public-acl");
        try (FaultProxy proxy = new FaultProxy(MotoServer.endpoint()).throttle(0.5)) {
            Cli.Result r = Cli.run("scan", "aws", "--endpoint-url", proxy.endpoint().toString(), "--format", "json",
                    "--rules", "aws.s3.public-acl");
            assertEquals(straight.code(), r.code(), r.err());
            assertEquals(0, r.code(), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("bucketguard: AWS is throttling requests"))
                    .count(), r.err());
            assertFalse(r.out().contains("throttling"), "never in the report");
            assertEquals(json.readTree(straight.out()).get("resources"), json.readTree(r.out()).get("resources"));
        }
        Cli.Result quiet = Cli.run("scan", "aws", "--endpoint-url", MotoServer.endpoint().toString(), "--quiet",
                "--rules", "aws.s3.public-acl");
        assertEquals("", quiet.err());
    }
}
