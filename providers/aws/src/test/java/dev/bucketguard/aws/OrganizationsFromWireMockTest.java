package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bucketguard.provider.ProviderException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The Organizations client against WireMock serving the documented JSON shapes: pages, suspended accounts, the
 * filters, refusals, and the read-only guard (a mutating call never reaches the server).
 */
class OrganizationsFromWireMockTest {
    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private SdkHttpClient http;

    @BeforeEach
    void start() {
        server.start();
        http = Apache5HttpClient.builder().build();
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128.DescribeOrganization"))
                .willReturn(json(200, "{\"Organization\":{\"Id\":\"o-a1b2c3d4e5\",\"MasterAccountId\":\"111111111111\"}}")));
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128.ListAccounts"))
                .withRequestBody(equalTo("{}"))
                .willReturn(json(200, "{\"Accounts\":[" + account("111111111111", "ACTIVE") + ","
                        + account("222222222222", "SUSPENDED") + "],\"NextToken\":\"page2\"}")));
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128.ListAccounts"))
                .withRequestBody(containing("page2"))
                .willReturn(json(200, "{\"Accounts\":[" + account("333333333333", "ACTIVE") + ","
                        + account("444444444444", "ACTIVE") + "]}")));
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop();
    }

    private static String account(String id, String status) {
        return "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/" + id
                + "\",\"Name\":\"n" + id + "\",\"Email\":\"x@example.com\",\"Status\":\"" + status + "\"}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private OrganizationsApi api() {
        return new OrganizationsApi(URI.create("http://127.0.0.1:" + server.port()), "aws", MotoFixture.CREDENTIALS,
                http, new CallCounter());
    }

    @Test
    void activeAccountsOfEveryPageWithTheCallerScannedWithItsOwnCredentials() {
        OrganizationScan.Plan plan = new OrganizationScan("Audit", List.of(), List.of(), true)
                .plan(api(), "111111111111", "aws");
        assertEquals("o-a1b2c3d4e5", plan.organization());
        assertEquals(List.of(new OrganizationScan.Member("111111111111", null),
                new OrganizationScan.Member("333333333333", "arn:aws:iam::333333333333:role/Audit"),
                new OrganizationScan.Member("444444444444", "arn:aws:iam::444444444444:role/Audit")),
                plan.members(), "the suspended account is left out");
        assertEquals(List.of(), plan.errors());
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("Authorization",
                containing("/us-east-1/organizations/aws4_request")));
    }

    @Test
    void filtersAndASuspendedAccountAskedFor() {
        OrganizationScan.Plan plan = new OrganizationScan("Audit", List.of("333333333333", "222222222222"),
                List.of(), true).plan(api(), "111111111111", "aws-us-gov");
        assertEquals(List.of(new OrganizationScan.Member("333333333333",
                "arn:aws-us-gov:iam::333333333333:role/Audit")), plan.members());
        assertEquals(1, plan.errors().size());
        assertTrue(plan.errors().get(0).message().contains("222222222222 of organisation o-a1b2c3d4e5 is not active"),
                plan.errors().get(0).message());

        OrganizationScan.Plan excluded = new OrganizationScan("Audit", List.of(), List.of("111111111111",
                "444444444444"), true).plan(api(), "111111111111", "aws");
        assertEquals(List.of(new OrganizationScan.Member("333333333333", "arn:aws:iam::333333333333:role/Audit")),
                excluded.members());
    }

    @Test
    void aRefusedListingStopsTheScanNamingThePermissions() {
        server.resetAll();
        server.stubFor(post(anyUrl()).willReturn(json(400,
                "{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions\"}")));
        ProviderException e = assertThrows(ProviderException.class,
                () -> new OrganizationScan("Audit", List.of(), List.of(), true).plan(api(), "111111111111", "aws"));
        assertTrue(e.getMessage().contains("AccessDeniedException") && e.getMessage()
                .contains("organizations:ListAccounts"), e.getMessage());
        assertTrue(!e.getMessage().contains("You don't have permissions"), "the AWS message is not echoed");
    }

    @Test
    void aCallerOutsideAnyOrganisationIsToldToScanWithoutTheFlag() {
        server.resetAll();
        server.stubFor(post(anyUrl()).willReturn(json(400, "{\"__type\":\"AWSOrganizationsNotInUseException\","
                + "\"Message\":\"Your account is not a member of an organization.\"}")));
        ProviderException e = assertThrows(ProviderException.class,
                () -> new OrganizationScan("Audit", List.of(), List.of(), true).plan(api(), "111111111111", "aws"));
        assertTrue(e.inputError(), "exit 2: the command must change, not the cloud");
        assertEquals("--org-role-name: the caller's account 111111111111 belongs to no organisation"
                + " (AWSOrganizationsNotInUseException); scan it without --org-role-name", e.getMessage());
    }

    @Test
    void aThrottledListingIsRetriedAndSaidOnceOnStderr() {
        // Organizations throttles with 400 TooManyRequestsException: twice, then the page.
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128.ListAccounts")).withRequestBody(equalTo("{}"))
                .inScenario("throttled").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(json(400, "{\"__type\":\"TooManyRequestsException\"}")).willSetStateTo("again"));
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128.ListAccounts")).withRequestBody(equalTo("{}"))
                .inScenario("throttled").whenScenarioStateIs("again")
                .willReturn(json(400, "{\"__type\":\"TooManyRequestsException\"}")).willSetStateTo("served"));
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128.ListAccounts")).withRequestBody(equalTo("{}"))
                .inScenario("throttled").whenScenarioStateIs("served")
                .willReturn(json(200, "{\"Accounts\":[" + account("111111111111", "ACTIVE") + "]}")));
        List<String> notices = new java.util.ArrayList<>();
        AdaptiveConcurrency concurrency = AdaptiveConcurrency.upTo(64);
        ThrottlingRetry retry = new ThrottlingRetry(notices::add).onThrottlingInBody(concurrency::throttledAfterTheFact);
        OrganizationsApi api = new OrganizationsApi(URI.create("http://127.0.0.1:" + server.port()), "aws",
                MotoFixture.CREDENTIALS, http, new CallCounter(), retry);
        assertEquals(List.of(new OrganizationsApi.Account("111111111111", "n111111111111", "ACTIVE")),
                api.listAccounts());
        assertEquals(2, retry.throttledAnswers());
        assertEquals(List.of("AWS is throttling requests (TooManyRequestsException): retrying with back-off and fewer"
                + " requests in flight; the scan takes longer, its results do not change"), notices);
        assertEquals(2, concurrency.throttled(), "the requests in flight follow Organizations' throttling too");
    }

    @Test
    void mutatingOperationsAreRefusedBeforeTheyAreSent() {
        OrganizationsApi api = api();
        for (String op : List.of("CreateAccount", "LeaveOrganization", "InviteAccountToOrganization",
                "RemoveAccountFromOrganization", "TagResource")) {
            assertThrows(ReadOnlyGuard.MutationRefused.class, () -> api.call(op, new ObjectMapper()
                    .createObjectNode()));
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void badRoleNamesAndAccountIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OrganizationScan("bad name", List.of(), List.of(),
                true));
        assertThrows(IllegalArgumentException.class, () -> new OrganizationScan("Audit", List.of("12345"), List.of(),
                true));
        assertThrows(IllegalArgumentException.class, () -> new OrganizationScan("Audit", List.of(),
                List.of("abcdefghijkl"), true));
    }
}
