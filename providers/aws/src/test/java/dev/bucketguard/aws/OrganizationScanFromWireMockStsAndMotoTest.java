package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.ScanError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A whole-organisation scan with Organizations and STS served from WireMock as AWS documents them (two pages of
 * ListAccounts, a suspended account, AssumeRole answers and a refusal, GetCallerIdentity per credential) and S3 from
 * moto behind a recording proxy: the management account is read with the caller's key, a member with the key its role
 * gave, a member whose role is refused is a scan error naming it, and a suspended account is never touched.
 */
@ExtendWith(MotoServer.class)
class OrganizationScanFromWireMockStsAndMotoTest {
    private static final String MANAGEMENT = "111111111111";
    private static final String SUSPENDED = "222222222222";
    private static final String MEMBER = "333333333333";
    private static final String REFUSED = "444444444444";
    private static final String MEMBER_KEY = "ASIAMEMBER3333EXAMPL";

    private final WireMockServer aws = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeEach
    void setUp() {
        MotoServer.reset();
        try (S3Client s3 = MotoFixture.s3()) {
            s3.createBucket(r -> r.bucket("org-exports"));
        }
        aws.start();
        organizations("DescribeOrganization", "{}", "{\"Organization\":{\"Id\":\"o-a1b2c3d4e5\",\"MasterAccountId\":\""
                + MANAGEMENT + "\"}}");
        organizations("ListAccounts", "{}", "{\"Accounts\":[" + account(MANAGEMENT, "ACTIVE") + ","
                + account(SUSPENDED, "SUSPENDED") + "],\"NextToken\":\"page2\"}");
        organizations("ListAccounts", "page2", "{\"Accounts\":[" + account(MEMBER, "ACTIVE") + ","
                + account(REFUSED, "ACTIVE") + "]}");
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
                .withHeader("Authorization", containing("Credential=testing/"))
                .willReturn(xml(200, callerIdentity(MANAGEMENT, "arn:aws:iam::" + MANAGEMENT + ":user/auditor"))));
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
                .withHeader("Authorization", containing("Credential=" + MEMBER_KEY + "/"))
                .willReturn(xml(200, callerIdentity(MEMBER, "arn:aws:sts::" + MEMBER
                        + ":assumed-role/BucketguardAudit/bucketguard"))));
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing(MEMBER)).willReturn(xml(200, """
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <Credentials><AccessKeyId>%s</AccessKeyId><SecretAccessKey>member-secret</SecretAccessKey>
                              <SessionToken>member-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration>
                            </Credentials>
                            <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:bucketguard</AssumedRoleId>
                              <Arn>arn:aws:sts::%s:assumed-role/BucketguardAudit/bucketguard</Arn></AssumedRoleUser>
                          </AssumeRoleResult>
                          <ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata>
                        </AssumeRoleResponse>""".formatted(MEMBER_KEY, MEMBER))));
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing(REFUSED)).willReturn(xml(403, """
                        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <Error><Type>Sender</Type><Code>AccessDenied</Code>
                            <Message>User is not authorized to perform: sts:AssumeRole</Message></Error>
                          <RequestId>r3</RequestId>
                        </ErrorResponse>""")));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    private void organizations(String operation, String bodyContains, String answer) {
        aws.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128." + operation))
                .withRequestBody("{}".equals(bodyContains) ? equalTo("{}") : containing(bodyContains))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(answer)));
    }

    private static String account(String id, String status) {
        return "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::" + MANAGEMENT + ":account/o-a1b2c3d4e5/"
                + id + "\",\"Name\":\"n" + id + "\",\"Email\":\"x@example.com\",\"Status\":\"" + status + "\"}";
    }

    private static String callerIdentity(String account, String arn) {
        return """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult><Arn>%s</Arn><UserId>AIDAEXAMPLE</UserId><Account>%s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""".formatted(arn, account);
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    @Test
    void eachActiveAccountIsReadWithItsOwnCredentialsAndARefusedRoleIsAScanErrorNamingIt() throws Exception {
        try (FaultProxy s3 = new FaultProxy(MotoFixture.endpoint())) {
            String wiremock = "http://127.0.0.1:" + aws.port();
            String proxy = s3.endpoint().toString();
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_ORGANIZATIONS", wiremock, "AWS_ENDPOINT_URL_STS",
                    wiremock, "AWS_ENDPOINT_URL_S3", proxy, "AWS_ENDPOINT_URL_S3_CONTROL", proxy,
                    "AWS_ENDPOINT_URL_KMS", proxy, "AWS_ENDPOINT_URL_CLOUDTRAIL", proxy);
            AwsProvider provider = new AwsProvider(new AwsOptions(null, "us-east-1", List.of(), null, 0, 8, false,
                    new OrganizationScan("BucketguardAudit", List.of(), List.of(), true)), MotoFixture.CREDENTIALS,
                    env);
            Inventory inv = MotoFixture.scan(provider, MotoFixture.S3_FACTS);

            // moto keeps one account for every key it does not know, so both accounts list the same bucket: what
            // tells them apart is the account STS named and the key that signed each request.
            Map<String, Set<String>> accountsByBucket = inv.resources().stream().collect(Collectors.groupingBy(
                    Resource::id, TreeMap::new, Collectors.mapping(Resource::account,
                            Collectors.toCollection(TreeSet::new))));
            assertEquals(Map.of("org-exports", Set.of(MANAGEMENT, MEMBER)), accountsByBucket,
                    "the management account and the member scanned; the suspended and the refused ones not");
            for (Resource r : inv.resources()) {
                assertEquals("o-a1b2c3d4e5", r.owner().parents().get("organization"), r.ref());
            }

            assertEquals(1, inv.errors().size(), inv.errors().toString());
            ScanError e = inv.errors().get(0);
            assertEquals(ScanError.Kind.ACCESS_DENIED, e.kind());
            assertTrue(e.message().contains("could not assume arn:aws:iam::" + REFUSED + ":role/BucketguardAudit:"
                    + " AccessDenied"), e.message());

            Set<String> keys = s3.seen().stream().map(FaultProxy.Seen::keyId).collect(Collectors.toSet());
            assertEquals(Set.of("testing", MEMBER_KEY), keys, "the caller's key for the management account, the"
                    + " role's key for the member, nothing else");
            aws.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                    .withRequestBody(containing(MEMBER)));
            aws.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                    .withRequestBody(containing(MANAGEMENT)));
            aws.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing(SUSPENDED)));
            assertEquals(2L, provider.apiCalls().get("Organizations:ListAccounts"), "both pages read");
        }
    }
}
