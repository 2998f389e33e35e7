package dev.bucketguard.aws;

import static dev.bucketguard.aws.MotoFixture.ACCOUNT;
import static dev.bucketguard.aws.MotoFixture.S3_FACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.ScanError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole-organisation scans on moto, which serves Organizations and STS AssumeRole and keeps each account's buckets
 * apart: the management account is scanned with the caller's credentials, each member through the role, and a
 * member whose role cannot be assumed (refused by a proxy) is a scan error naming it while the others are scanned.
 */
@ExtendWith(MotoServer.class)
class OrganizationAgainstMotoTest {
    private static final String ROLE = "BucketguardAudit";
    private String org;
    private String memberA;
    private String memberB;

    @BeforeEach
    void setUp() {
        MotoServer.reset();
        org = MotoOrganizations.createOrganization();
        memberA = MotoOrganizations.createAccount("applicants");
        memberB = MotoOrganizations.createAccount("payroll");
        try (S3Client s3 = MotoFixture.s3()) {
            s3.createBucket(r -> r.bucket("management-logs"));
        }
        try (S3Client s3 = MotoOrganizations.s3As(memberA, ROLE)) {
            s3.createBucket(r -> r.bucket("applicants-cvs"));
            // Open to the organisation only: trusted by default, CROSS_ACCOUNT when --trusted-org names another.
            s3.putBucketPolicy(r -> r.bucket("applicants-cvs").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":"
                    + "\"arn:aws:s3:::applicants-cvs/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\""
                    + org + "\"}}}]}"));
        }
        try (S3Client s3 = MotoOrganizations.s3As(memberB, ROLE)) {
            s3.createBucket(r -> r.bucket("payroll-exports"));
        }
    }

    private static AwsProvider provider(URI endpoint, OrganizationScan scan) {
        return new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), endpoint, 0, 8, false, scan),
                MotoFixture.CREDENTIALS, Map.of());
    }

    private static Map<String, String> ownerOf(Inventory inv) {
        return inv.resources().stream().collect(Collectors.toMap(Resource::id, Resource::account, (a, b) -> a,
                TreeMap::new));
    }

    @Test
    void everyActiveAccountIsScannedWithItsOwnCredentials() {
        AwsProvider p = provider(MotoFixture.endpoint(), new OrganizationScan(ROLE, List.of(), List.of(), true));
        Inventory inv = MotoFixture.scan(p, S3_FACTS);
        assertEquals(Map.of("applicants-cvs", memberA, "management-logs", ACCOUNT, "payroll-exports", memberB),
                ownerOf(inv), "each bucket found in its own account's listing");
        assertEquals(List.of(), inv.errors());
        for (Resource r : inv.resources()) {
            assertEquals(org, r.owner().parents().get(AwsCloud.ORGANIZATION), r.id());
        }
        assertEquals(1L, p.apiCalls().get("Organizations:ListAccounts"));
        assertEquals(2L, p.apiCalls().get("Sts:AssumeRole"), "one role per member, none for the management account: "
                + p.apiCalls());

        Resource cvs = MotoFixture.bucket(inv, "applicants-cvs");
        assertEquals(Exposure.PRIVATE, MotoFixture.verdict(cvs).exposure(),
                "the organisation joins the trust zone by default");
    }

    @Test
    void aTrustedOrgListNarrowsTheTrustZone() {
        Inventory inv = MotoFixture.scan(provider(MotoFixture.endpoint(),
                new OrganizationScan(ROLE, List.of(), List.of(), false)), S3_FACTS);
        Resource cvs = MotoFixture.bucket(inv, "applicants-cvs");
        assertEquals(Exposure.CROSS_ACCOUNT, MotoFixture.verdict(cvs, new TrustZone(java.util.Set.of(),
                java.util.Set.of("o-someoneelse"))).exposure());
    }

    @Test
    void aRoleThatCannotBeAssumedIsAScanErrorNamingTheAccountAndTheOthersAreScanned() throws Exception {
        try (FaultProxy proxy = new FaultProxy(MotoFixture.endpoint())) {
            proxy.refuse(s -> s.body().contains("Action=AssumeRole") && s.body().contains(memberB),
                    FaultProxy.Refusal.sts(403, "AccessDenied"));
            Inventory inv = MotoFixture.scan(provider(proxy.endpoint(),
                    new OrganizationScan(ROLE, List.of(), List.of(), true)), S3_FACTS);
            assertEquals(Map.of("applicants-cvs", memberA, "management-logs", ACCOUNT), ownerOf(inv));
            assertEquals(1, inv.errors().size(), inv.errors().toString());
            ScanError e = inv.errors().get(0);
            assertEquals(ScanError.Kind.ACCESS_DENIED, e.kind());
            assertTrue(e.message().contains("arn:aws:iam::" + memberB + ":role/" + ROLE)
                    && e.message().contains("AccessDenied"), e.message());
        }
    }

    @Test
    void accountFiltersChooseWhatIsScanned() {
        Inventory only = MotoFixture.scan(provider(MotoFixture.endpoint(),
                new OrganizationScan(ROLE, List.of(memberA), List.of(), true)), S3_FACTS);
        assertEquals(Map.of("applicants-cvs", memberA), ownerOf(only));

        Inventory without = MotoFixture.scan(provider(MotoFixture.endpoint(),
                new OrganizationScan(ROLE, List.of(), List.of(ACCOUNT, memberB), true)), S3_FACTS);
        assertEquals(Map.of("applicants-cvs", memberA), ownerOf(without));

        Inventory unknown = MotoFixture.scan(provider(MotoFixture.endpoint(),
                new OrganizationScan(ROLE, List.of("999999999999"), List.of(), true)), S3_FACTS);
        assertEquals(List.of(), unknown.resources());
        assertEquals(ScanError.Kind.INPUT, unknown.errors().get(0).kind());
        assertTrue(unknown.errors().get(0).message().contains("999999999999 is not in organisation " + org),
                unknown.errors().get(0).message());
    }

    @Test
    void everyCallAboutAnAccountsBucketsIsSignedWithThatAccountsCredentials() throws Exception {
        try (FaultProxy proxy = new FaultProxy(MotoFixture.endpoint())) {
            MotoFixture.scan(provider(proxy.endpoint(), new OrganizationScan(ROLE, List.of(), List.of(), true)),
                    S3_FACTS);
            Map<String, java.util.Set<String>> keysByBucket = new TreeMap<>();
            for (FaultProxy.Seen s : proxy.seen()) {
                for (String b : List.of("management-logs", "applicants-cvs", "payroll-exports")) {
                    if (s.pathAndQuery().startsWith("/" + b)) {
                        keysByBucket.computeIfAbsent(b, k -> new java.util.TreeSet<>()).add(String.valueOf(s.keyId()));
                    }
                }
            }
            String caller = MotoFixture.CREDENTIALS.resolveCredentials().accessKeyId();
            assertEquals(java.util.Set.of(caller), keysByBucket.get("management-logs"),
                    "the management account with the caller's own credentials");
            java.util.Set<String> a = keysByBucket.get("applicants-cvs");
            java.util.Set<String> b = keysByBucket.get("payroll-exports");
            assertEquals(1, a.size(), "one member, one set of credentials: " + a);
            assertEquals(1, b.size(), "one member, one set of credentials: " + b);
            assertTrue(!a.contains(caller) && !b.contains(caller) && !a.equals(b),
                    "each member's buckets read with its own role's credentials: " + keysByBucket);
        }
    }
}
