package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.salesforce.WireMockOrg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bucketguard scan salesforce} end to end against a WireMock org on 127.0.0.1 serving the REST and Tooling
 * APIs' documented shapes, one fixture per behaviour: the real command, judged by what a user sees (exit code,
 * report, stderr).
 */
class ScanSalesforceCliTest {
    private static final String ORG = "00D000000000001AAA";
    private final ObjectMapper json = new ObjectMapper();
    private final WireMockOrg org = new WireMockOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    private Cli.Result scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "salesforce", "--instance-url", org.url().toString()));
        args.addAll(List.of(extra));
        return Cli.run(Map.of("NO_COLOR", "1", "SF_ACCESS_TOKEN", WireMockOrg.TOKEN), false,
                args.toArray(String[]::new));
    }

    /** A scan of a fresh org built from these fixtures, as JSON. */
    private Cli.Result scanWith(List<String> fixtures) {
        try (WireMockOrg other = new WireMockOrg()) {
            fixtures.forEach(other::fixture);
            return Cli.run(Map.of("NO_COLOR", "1", "SF_ACCESS_TOKEN", WireMockOrg.TOKEN), false, "scan", "salesforce",
                    "--instance-url", other.url().toString(), "--format", "json");
        }
    }

    private Map<String, JsonNode> resources(String report) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode r : json.readTree(report).get("resources")) {
            out.put(r.get("id").asText(), r);
        }
        return out;
    }

    /** The status of each rule's finding on a resource: ruleId to PASS, FAIL, UNKNOWN. */
    private static Map<String, String> findings(JsonNode resource) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : resource.get("findings")) {
            out.put(f.get("ruleId").asText(), f.get("status").asText());
        }
        return out;
    }

    private static void assertNoToken(Cli.Result r) {
        assertFalse(r.out().contains(WireMockOrg.TOKEN) || r.err().contains(WireMockOrg.TOKEN),
                "the access token reached the output");
        assertFalse(r.out().contains("CANARY") || r.err().contains("CANARY"), "a part of the token reached the output");
    }

    @Test
    void theBankCaseAGuestSharingRuleMakesTheAccountOpeningSitePublicWithItsPersonalFieldsNamedFromWireMock()
            throws Exception {
        org.fixture("account-opening-site").fixture("guest-sharing-rule");
        Cli.Result r = scan("--format", "json");
        assertNoToken(r);
        JsonNode site = resources(r.out()).get("Account Opening");
        assertEquals("PUBLIC", site.get("exposure").asText(), site.toString());
        assertEquals(ORG, site.get("account").asText());
        String reasons = site.get("exposureReasons").toString();
        assertTrue(reasons.contains("Applicant__c"), reasons);
        assertTrue(reasons.contains("Birthdate__c"), reasons);
        assertTrue(reasons.contains("37,176 records shared with the guest by guest sharing rules"), reasons);
        assertEquals(4, r.code(), r.err());
        Map<String, String> f = findings(site);
        assertEquals("FAIL", f.get("salesforce.guest.object-read"), f.toString());
        assertEquals("FAIL", f.get("salesforce.guest.field-read-personal"), f.toString());
        assertEquals("FAIL", f.get("salesforce.guest.sharing-rule"), f.toString());
        assertEquals("PASS", f.get("salesforce.guest.api-enabled"), f.toString());
        assertEquals(List.of(), org.mutatingRequests());
    }

    @Test
    void withoutASharingRuleTheSiteIsPrivateButLatentFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("no-sharing-rule");
        Cli.Result r = scan("--format", "json");
        JsonNode site = resources(r.out()).get("Account Opening");
        assertEquals("PRIVATE", site.get("exposure").asText(), site.toString());
        assertTrue(site.get("exposureTags").toString().contains("LATENT"), site.toString());
        assertTrue(site.get("exposureReasons").toString().contains("one sharing rule away"), site.toString());
        assertEquals("FAIL", findings(site).get("salesforce.guest.object-read-latent"), site.toString());
        assertEquals("PASS", findings(site).get("salesforce.guest.object-read"), site.toString());
        for (JsonNode f : site.get("findings")) {
            if (f.get("ruleId").asText().equals("salesforce.guest.object-read-latent")) {
                assertEquals("HIGH", f.get("severity").asText(), "the applicants' personal fields raise it: " + f);
            }
        }
        assertEquals(4, r.code(), "one sharing rule away from the bank case fails the default gate: " + r.err());
    }

    @Test
    void aGuestCallableWithoutSharingClassMakesTheObjectPublicFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("apex-without-sharing");
        Cli.Result r = scan("--format", "json");
        JsonNode site = resources(r.out()).get("Account Opening");
        assertEquals("PUBLIC", site.get("exposure").asText(), site.toString());
        String reasons = site.get("exposureReasons").toString();
        assertTrue(reasons.contains("ApplicantLookupController"), reasons);
        assertTrue(reasons.contains("Applicant__c"), reasons);
        assertEquals("FAIL", findings(site).get("salesforce.guest.apex-without-sharing"), site.toString());
        assertEquals(4, r.code(), r.err());
    }

    @Test
    void viewSetupDeniedIsUnknownNamingThePermissionAndInventsNoSiteFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("view-setup-denied");
        Cli.Result r = scan("--format", "json");
        assertEquals(5, r.code(), r.out() + r.err());
        Map<String, JsonNode> byId = resources(r.out());
        assertEquals(List.of(ORG), new ArrayList<>(byId.keySet()), "the org alone: no site is invented");
        JsonNode o = byId.get(ORG);
        assertEquals("UNKNOWN", o.get("exposure").asText(), o.toString());
        assertTrue(o.get("exposureReasons").toString().contains("query Site failed with HTTP 403 INSUFFICIENT_ACCESS"),
                o.toString());
        assertTrue(o.get("exposureReasons").toString().contains("needs View Setup and Configuration"), o.toString());
        assertEquals("UNKNOWN", findings(o).get("salesforce.scan.permission-missing"), o.toString());
        assertTrue(o.get("findings").toString().contains("lacks View Setup and Configuration"), o.toString());
    }

    @Test
    void anInactiveSiteIsPrivateOneSwitchFromExposureAndItsFindingsAreStillReportedFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").fixture("inactive-site");
        Cli.Result r = scan("--format", "json");
        JsonNode site = resources(r.out()).values().stream().filter(x -> x.get("kind").asText().equals("SITE"))
                .findFirst().orElseThrow();
        assertEquals("PRIVATE", site.get("exposure").asText(), site.toString());
        assertTrue(site.get("exposureReasons").toString().contains("inactive: one switch from exposure"),
                site.toString());
        assertEquals("FAIL", findings(site).get("salesforce.guest.object-read"), site.toString());
        assertTrue(site.get("findings").toString().contains("the site is inactive: one switch from exposure"),
                site.toString());
    }

    @Test
    void aPartialNetworkListIsAReasonNotAGuessFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("partial-network-list");
        Cli.Result r = scan("--format", "json");
        JsonNode site = resources(r.out()).get("Account_Opening");
        assertEquals("UNKNOWN", site.get("exposure").asText(), "an empty Network list is not 'no site': "
                + site);
        assertTrue(site.get("exposureTags").toString().contains("NETWORK_PARTIAL"), site.toString());
        assertTrue(site.get("exposureReasons").toString().contains("the Network list is partial"), site.toString());
    }

    @Test
    void pagedLinksAreAllReportedFromWireMock() throws Exception {
        org.fixture("paging");
        Cli.Result r = scan("--format", "json");
        long links = resources(r.out()).keySet().stream().filter(id -> id.startsWith("05D")).count();
        assertEquals(6, links, r.out());
    }

    @Test
    void anOpenLinkToAContactsFileIsPublicFromWireMock() throws Exception {
        org.fixture("link-open-contact");
        Cli.Result r = scan("--format", "json");
        JsonNode link = resources(r.out()).get("05D000000000LNK1AA");
        assertEquals("PUBLIC", link.get("exposure").asText(), link.toString());
        assertEquals("FAIL", findings(link).get("salesforce.files.link-no-password"), link.toString());
        assertEquals("FAIL", findings(link).get("salesforce.files.link-personal-record"), link.toString());
        assertTrue(link.get("findings").toString().contains("003000000000CON1AA (Contact)"), link.toString());
        assertEquals(4, r.code(), r.err());
    }

    @Test
    void aPasswordProtectedLinkIsCrossAccountFromWireMock() throws Exception {
        org.fixture("link-password");
        JsonNode link = resources(scan("--format", "json").out()).get("05D000000000LNK2AA");
        assertEquals("CROSS_ACCOUNT", link.get("exposure").asText(), link.toString());
        assertEquals("PASS", findings(link).get("salesforce.files.link-no-password"), link.toString());
    }

    @Test
    void anExpiredLinkIsPrivateFromWireMock() throws Exception {
        org.fixture("link-expired");
        JsonNode link = resources(scan("--format", "json").out()).get("05D000000000LNK3AA");
        assertEquals("PRIVATE", link.get("exposure").asText(), link.toString());
        assertEquals("PASS", findings(link).get("salesforce.files.link-no-password"), link.toString());
    }

    @Test
    void eventLogsOfOneDayWhileASiteIsPublicAreReportedOnTheOrgFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").fixture("event-logs-one-day");
        Cli.Result r = scan("--format", "json");
        JsonNode o = resources(r.out()).get(ORG);
        assertTrue(o.get("exposureReasons").toString().contains("public: Account Opening"), o.toString());
        assertEquals("FAIL", findings(o).get("salesforce.logging.retention-short"), o.toString());
        assertEquals("FAIL", findings(o).get("salesforce.logging.guest-reads-unlogged"), o.toString());
        Cli.Result thirty = scanWith(List.of("account-opening-site", "guest-sharing-rule"));
        JsonNode logged = resources(thirty.out()).get(ORG);
        assertEquals("PASS", findings(logged).get("salesforce.logging.guest-reads-unlogged"), logged.toString());
    }

    /** The text report's read-audit line under the site, its wrapped lines joined: "reads recorded: ...". */
    private static String readsRecordedUnderTheSite(List<String> fixtures) {
        try (WireMockOrg other = new WireMockOrg()) {
            fixtures.forEach(other::fixture);
            Cli.Result r = Cli.run(Map.of("NO_COLOR", "1", "SF_ACCESS_TOKEN", WireMockOrg.TOKEN), false, "scan",
                    "salesforce", "--instance-url", other.url().toString());
            String text = r.out().replaceAll("\\s+", " ");
            int site = text.indexOf("salesforce:" + ORG + ":Account Opening ");
            assertTrue(site >= 0, r.out());
            int line = text.indexOf("reads recorded: ", site);
            return text.substring(line, text.indexOf(" because ", line));
        }
    }

    @Test
    void underTheSiteTheTextReportSaysWhetherAGuestsReadsWouldBeRecordedAndForHowLongFromWireMock() {
        List<String> site = List.of("account-opening-site", "guest-sharing-rule");
        assertEquals("reads recorded: yes, kept 30 days (event log files (AuraRequest, URI, VisualforceRequest), kept 30"
                + " days; ⚠ retention approximated by the span of the event log files present (the retention itself,"
                + " in EventSettings, was not read))", readsRecordedUnderTheSite(site));

        List<String> oneDay = new ArrayList<>(site);
        oneDay.add("event-logs-one-day");
        assertEquals("reads recorded: no (no AuraRequest, LightningPageView, RestApi, URI or VisualforceRequest event"
                + " log is produced, so a guest's reads are not logged; the org's event logs are ApiTotalUsage, Login,"
                + " kept 1 day (⚠ approximate))", readsRecordedUnderTheSite(oneDay));

        List<String> denied = new ArrayList<>(site);
        denied.add("event-logs-denied");
        assertEquals("reads recorded: unknown (could not read EVENT_LOGS: query EventLogFile failed with HTTP 403"
                + " INSUFFICIENT_ACCESS: Insufficient Privileges (needs View Event Log Files))",
                readsRecordedUnderTheSite(denied));
    }

    @Test
    void theTokenNeverReachesTheOutputNotEvenWhenTheOrgRefusesEverythingFromWireMock(@TempDir Path dir)
            throws Exception {
        org.fixture("every-read-refused");
        Path snapshot = dir.resolve("org.json");
        Path sarif = dir.resolve("org.sarif");
        Cli.Result r = scan("--format", "json,sarif", "-o", "-", "-o", sarif.toString(), "--save-snapshot",
                snapshot.toString(), "--verbose", "--metadata");
        assertEquals(1, org.requests().stream().filter(q -> q.getBodyAsString().contains(WireMockOrg.TOKEN)).count(),
                "the token travelled in one readMetadata envelope, and the refusal did not echo it");
        assertNoToken(r);
        for (Path f : List.of(snapshot, sarif)) {
            String text = Files.readString(f);
            assertFalse(text.contains(WireMockOrg.TOKEN) || text.contains("CANARY"), f + " holds the token");
        }
        Cli.Result refused = Cli.run(Map.of("NO_COLOR", "1", "SF_ACCESS_TOKEN", "00D1!CANARY-wrong-token"), false,
                "scan", "salesforce", "--instance-url", org.url().toString());
        assertTrue(refused.err().contains("INVALID_SESSION_ID"), refused.err());
        assertFalse(refused.err().contains("CANARY") || refused.out().contains("CANARY"), refused.err());
    }

    @Test
    void theSavedSnapshotRescansToTheSameBytesFromWireMock(@TempDir Path dir) throws Exception {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").fixture("link-open-contact")
                .fixture("link-password");
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Cli.Result live = scan("--format", "json", "--save-snapshot", first.toString());
        Cli.Result offline = Cli.run("scan", "snapshot", first.toString(), "--format", "json", "--save-snapshot",
                second.toString());
        assertEquals(live.code(), offline.code(), offline.err());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(json.readTree(live.out()).get("resources"), json.readTree(offline.out()).get("resources"));
    }

    @Test
    void aSavedOrgIsJudgedAgainWithAnotherLinkStaleThresholdFromWireMock(@TempDir Path dir) throws Exception {
        org.fixture("link-open-contact");
        Path saved = dir.resolve("org.json");
        String link = "05D000000000LNK1AA";
        Cli.Result live = scan("--format", "json", "--save-snapshot", saved.toString());
        assertEquals("FAIL", findings(resources(live.out()).get(link)).get("salesforce.files.link-stale"),
                "last viewed 2026-06-02: more than the default 90 days before the scan");
        assertFalse(Files.readString(saved).contains("staleAfterDays"), "the threshold is the scan's, not the link's");
        Cli.Result lenient = Cli.run("scan", "snapshot", saved.toString(), "--format", "json", "--link-stale-days",
                "36500");
        assertEquals("PASS", findings(resources(lenient.out()).get(link)).get("salesforce.files.link-stale"),
                lenient.out());
        assertTrue(lenient.out().contains("threshold 36500 days"), lenient.out());
        Cli.Result again = Cli.run("scan", "snapshot", saved.toString(), "--format", "json");
        assertEquals("FAIL", findings(resources(again.out()).get(link)).get("salesforce.files.link-stale"));
        Cli.Result liveLenient = scan("--format", "json", "--link-stale-days", "36500");
        assertEquals("PASS", findings(resources(liveLenient.out()).get(link)).get("salesforce.files.link-stale"));
        Cli.Result zero = Cli.run("scan", "snapshot", saved.toString(), "--link-stale-days", "0");
        assertEquals(2, zero.code(), zero.err());
        assertTrue(zero.err().startsWith("bucketguard: error: "), zero.err());
    }

    @Test
    void withMetadataDeletableEventLogsFailAndWithoutItTheSettingIsUnknownNamedFromWireMock() throws Exception {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").readMetadata("EventSettings",
                Map.of("fullName", "Event", "enableDeleteMonitoringData", "true", "eventLogRetentionDuration", "30"),
                null);
        JsonNode plain = resources(scan("--format", "json").out()).get(ORG);
        assertEquals("UNKNOWN", findings(plain).get("salesforce.logging.deletable"), plain.toString());
        assertTrue(plain.toString().contains("Metadata API reads are opt-in (--metadata)"), plain.toString());
        assertEquals(List.of(), org.readMetadataRequests(), "no POST without --metadata");

        Cli.Result r = scan("--format", "json", "--metadata");
        assertNoToken(r);
        JsonNode o = resources(r.out()).get(ORG);
        assertEquals("FAIL", findings(o).get("salesforce.logging.deletable"), o.toString());
        assertTrue(o.toString().contains("enableDeleteMonitoringData: true"), o.toString());
        assertEquals(1, org.readMetadataRequests().size());
        assertEquals(List.of(), org.mutatingRequests(), "the readMetadata envelope is the only POST");
        JsonNode site = resources(r.out()).get("Account Opening");
        assertTrue(site.toString().contains("with --metadata this version reads EventSettings only"),
                "the guest sharing rule definitions stay unknown, named: " + site);
    }

    @Test
    void plainHttpToAnotherHostIsAUsageErrorAndCostsNoCallAtWireMock() {
        Cli.Result r = Cli.run(Map.of("SF_ACCESS_TOKEN", WireMockOrg.TOKEN), false, "scan", "salesforce",
                "--instance-url", "http://bank.my.salesforce.com");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("bucketguard: error: "), r.err());
        assertTrue(r.err().contains("https://"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(0, org.requests().size());
    }

    @Test
    void twoWaysInAreAUsageErrorAndNoneIsTooAndNothingReachesWireMock() {
        Cli.Result both = Cli.run("scan", "salesforce", "--instance-url", org.url().toString(), "--target-org", "x");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("alternatives"), both.err());
        Cli.Result none = Cli.run("scan", "salesforce");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--instance-url"), none.err());
        Cli.Result noToken = Cli.run("scan", "salesforce", "--instance-url", org.url().toString());
        assertEquals(2, noToken.code(), noToken.err());
        assertTrue(noToken.err().contains("SF_ACCESS_TOKEN"), noToken.err());
        assertEquals(0, org.requests().size());
    }

    @Test
    void aRequestLimitStopsTheScanWithExitFiveAndSaysWhichLimitFromWireMock() {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").fixture("request-limit");
        Cli.Result r = scan("--concurrency", "1");
        assertEquals(5, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("TotalRequests"), r.err());
    }
}
