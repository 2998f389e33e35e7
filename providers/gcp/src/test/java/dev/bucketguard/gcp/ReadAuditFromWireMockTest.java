package dev.bucketguard.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.gcp.WireMockGcs.PROJECT;
import static dev.bucketguard.gcp.WireMockGcs.dataRead;
import static dev.bucketguard.gcp.WireMockGcs.defaultSinks;
import static dev.bucketguard.gcp.WireMockGcs.deleteAfter;
import static dev.bucketguard.gcp.WireMockGcs.error;
import static dev.bucketguard.gcp.WireMockGcs.exclusion;
import static dev.bucketguard.gcp.WireMockGcs.logBucket;
import static dev.bucketguard.gcp.WireMockGcs.scan;
import static dev.bucketguard.gcp.WireMockGcs.sink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.gcp.DataAccessAudit;
import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.cloud.gcp.LogRoute;
import dev.bucketguard.cloud.gcp.LogRouting;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.ScanParameters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whether reads of a bucket are recorded and for how long: the IAM audit configuration of the project, its folder and
 * organisation (Resource Manager), the project's sinks and log buckets (Cloud Logging), and the usage log bucket's
 * lifecycle, from the documented JSON served by WireMock through the real transport and guard.
 */
class ReadAuditFromWireMockTest {
    static final Set<dev.bucketguard.model.Fact> FACTS = Set.of(GcpFacts.DATA_ACCESS_AUDIT, GcpFacts.LOG_ROUTING,
            GcpFacts.LOGGING);
    static final String DEFAULT_BUCKET = "projects/" + PROJECT + "/locations/global/buckets/_Default";

    private final WireMockGcs gcs = new WireMockGcs();

    @AfterEach
    void stop() {
        gcs.close();
    }

    private Resource only() {
        Inventory inv = scan(gcs.provider(0, false), FACTS);
        assertEquals(List.of(), inv.errors());
        assertEquals(1, inv.resources().size());
        return inv.resources().get(0);
    }

    private WireMockGcs cv() {
        return gcs.buckets("cv").bucket("cv", "enforced", true, "");
    }

    @Test
    void dataReadWithAnExemptedMemberGoesToTheThirtyDayDefaultBucket_WireMock() {
        cv().hierarchy("projects/" + PROJECT, null, dataRead("storage.googleapis.com",
                        "serviceAccount:etl@" + PROJECT + ".iam.gserviceaccount.com"))
                .logBuckets(logBucket("_Default", 30), logBucket("_Required", 400)).sinks(defaultSinks());

        GcpBucket b = only().details(GcpBucket.class);
        assertEquals(new DataAccessAudit(true, List.of("projects/" + PROJECT + " (storage.googleapis.com)"),
                List.of("serviceAccount:etl@" + PROJECT + ".iam.gserviceaccount.com"), List.of()), b.dataAccessAudit());
        LogRouting r = b.logRouting();
        assertEquals(List.of(new LogRoute("_Default", LogRoute.Kind.LOG_BUCKET, DEFAULT_BUCKET,
                Retention.days(30, "log bucket '_Default' keeps logs 30 days"))), r.routes());
        assertEquals(1, r.excluded().size(), "_Required takes only Admin Activity, System Event and Access"
                + " Transparency logs: " + r.excluded());
        assertTrue(r.excluded().get(0).startsWith("sink '_Required' filters them out"), r.excluded()::toString);
        assertEquals(List.of(), r.unevaluated());
    }

    @Test
    void aLogBucketCreatedWithRetentionZeroKeepsLogsThirtyDays_WireMock() {
        cv().hierarchy("projects/" + PROJECT, null).logBuckets(logBucket("_Default", 0)).sinks(defaultSinks());
        GcpBucket b = only().details(GcpBucket.class);
        assertEquals(Boolean.FALSE, b.dataAccessAudit().dataRead(), "enabled nowhere, and the project has no parent");
        assertEquals(Retention.days(30, "log bucket '_Default' keeps logs 30 days"),
                b.logRouting().routes().get(0).retention());
    }

    @Test
    void anOrganisationsAllServicesConfigReachesTheProjectThroughItsFolder_WireMock() {
        cv().hierarchy("projects/" + PROJECT, "folders/4711").hierarchy("folders/4711", "organizations/987654321")
                .hierarchy("organizations/987654321", null, dataRead("allServices", "group:auditors@example.com"))
                .logBuckets(logBucket("_Default", 30)).sinks(defaultSinks());
        DataAccessAudit a = only().details(GcpBucket.class).dataAccessAudit();
        assertEquals(Boolean.TRUE, a.dataRead());
        assertEquals(List.of("organizations/987654321 (allServices)"), a.enabledAt());
        assertEquals(List.of("group:auditors@example.com"), a.exemptedMembers());
    }

    @Test
    void anUnreadableFolderLeavesDataReadUndecidedNamingItsPermission_WireMock() {
        cv().hierarchy("projects/" + PROJECT, "folders/4711").hierarchy("folders/4711", "organizations/987654321")
                .hierarchy("organizations/987654321", null).logBuckets(logBucket("_Default", 30))
                .sinks(defaultSinks());
        gcs.server.stubFor(post(urlPathEqualTo("/v3/folders/4711:getIamPolicy")).willReturn(error(403,
                "forbidden")));
        DataAccessAudit a = only().details(GcpBucket.class).dataAccessAudit();
        assertEquals(null, a.dataRead(), "off on the project and the organisation, but the folder was not read");
        assertEquals(List.of("folders/4711: folders.getIamPolicy failed with HTTP 403 PERMISSION_DENIED (needs"
                + " resourcemanager.folders.getIamPolicy)"), a.unreadAncestors());
    }

    @Test
    void refusedReadsAreUnknownsNamingThePermission_WireMock() {
        cv();
        gcs.server.stubFor(post(urlPathEqualTo("/v3/projects/" + PROJECT + ":getIamPolicy"))
                .willReturn(error(403, "forbidden")));
        gcs.server.stubFor(get(urlPathEqualTo("/v2/projects/" + PROJECT + "/sinks")).willReturn(error(403,
                "forbidden")));
        Resource r = only();
        Unknown audit = r.whyUnknown(GcpFacts.DATA_ACCESS_AUDIT).orElseThrow();
        assertEquals("projects.getIamPolicy", audit.call());
        assertEquals("resourcemanager.projects.getIamPolicy", audit.permission());
        assertEquals("HTTP 403 PERMISSION_DENIED", audit.error());
        Unknown sinks = r.whyUnknown(GcpFacts.LOG_ROUTING).orElseThrow();
        assertEquals("logging.sinks.list", sinks.permission());
        assertEquals(null, r.details(GcpBucket.class).dataAccessAudit());
    }

    @Test
    void refusedLogBucketsLeaveTheDefaultRoutesRetentionUnknownNamingThePermission_WireMock() {
        cv().hierarchy("projects/" + PROJECT, null, dataRead("allServices")).sinks(defaultSinks());
        gcs.server.stubFor(get(urlPathEqualTo("/v2/projects/" + PROJECT + "/locations/-/buckets"))
                .willReturn(error(403, "forbidden")));
        LogRoute route = only().details(GcpBucket.class).logRouting().routes().get(0);
        assertEquals(Retention.unknown("projects.locations.buckets.list failed with HTTP 403 PERMISSION_DENIED"
                + " (needs logging.buckets.list)"), route.retention());
    }

    @Test
    void sinksToBigQueryAndToAStorageBucketAndAnExcludedDefault_WireMock() {
        String dataAccess = "LOG_ID(\"cloudaudit.googleapis.com/data_access\") AND resource.type=\"gcs_bucket\"";
        cv().hierarchy("projects/" + PROJECT, null, dataRead("storage.googleapis.com"))
                .logBuckets(logBucket("_Default", 30))
                .bucket("audit-archive", "enforced", true, deleteAfter(400, "cloudaudit.googleapis.com/"))
                .sinks(sink("_Default", "logging.googleapis.com/" + DEFAULT_BUCKET, WireMockGcs.DEFAULT_FILTER,
                                exclusion("no-data-access", "LOG_ID(\"cloudaudit.googleapis.com/data_access\")")),
                        sink("to-bigquery", "bigquery.googleapis.com/projects/" + PROJECT + "/datasets/audit",
                                dataAccess),
                        sink("to-archive", "storage.googleapis.com/audit-archive", dataAccess),
                        sink("warnings", "storage.googleapis.com/audit-archive", "severity>=WARNING"));

        LogRouting r = only().details(GcpBucket.class).logRouting();
        assertEquals(List.of(
                new LogRoute("to-archive", LogRoute.Kind.STORAGE_BUCKET, "audit-archive", Retention.days(400,
                        "a lifecycle rule of bucket 'audit-archive' deletes them after 400 days")),
                new LogRoute("to-bigquery", LogRoute.Kind.BIGQUERY, "projects/" + PROJECT + "/datasets/audit",
                        Retention.unknown("a BigQuery dataset: its tables' expiry is outside the scan"))), r.routes());
        assertEquals(List.of("sink '_Default' drops them by exclusion 'no-data-access':"
                + " LOG_ID(\"cloudaudit.googleapis.com/data_access\")"), r.excluded());
        assertEquals(List.of("sink 'warnings': filter not evaluated: severity>=WARNING"), r.unevaluated());
    }

    @Test
    void usageLogsAreKeptUntilTheLogBucketsLifecycleDeletesThem_WireMock() {
        gcs.buckets("cv", "statements")
                .bucket("cv", "enforced", true, "\"logging\":{\"logBucket\":\"usage-logs\",\"logObjectPrefix\":\"cv\"}")
                .bucket("statements", "enforced", true, "\"logging\":{\"logBucket\":\"usage-forever\"}")
                .bucket("usage-logs", "enforced", true, deleteAfter(90, "cv") + ",\"retentionPolicy\":"
                        + "{\"retentionPeriod\":\"864000\"}")
                .bucket("usage-forever", "enforced", true, deleteAfter(7, "other-bucket"));
        Inventory inv = scan(gcs.provider(0, false), Set.of(GcpFacts.LOGGING));
        Resource cv = inv.resources().stream().filter(r -> r.id().equals("cv")).findFirst().orElseThrow();
        Resource st = inv.resources().stream().filter(r -> r.id().equals("statements")).findFirst().orElseThrow();
        assertEquals(Retention.days(90, "a lifecycle rule of bucket 'usage-logs' deletes them after 90 days"),
                cv.details(GcpBucket.class).usageLogRetention());
        assertEquals(Retention.untilDeleted("no lifecycle rule of bucket 'usage-forever' deletes them"),
                st.details(GcpBucket.class).usageLogRetention(), "the rule's prefix does not reach 'statements'");
    }

    @Test
    void aRefusedLogBucketReadLeavesTheUsageLogRetentionUnknownNamingThePermission_WireMock() {
        gcs.buckets("cv").bucket("cv", "enforced", true, "\"logging\":{\"logBucket\":\"usage-logs\"}");
        gcs.server.stubFor(get(urlPathEqualTo("/storage/v1/b/usage-logs")).willReturn(error(403, "forbidden")));
        Resource cv = scan(gcs.provider(0, false), Set.of(GcpFacts.LOGGING)).resources().get(0);
        Retention r = cv.details(GcpBucket.class).usageLogRetention();
        assertEquals(Retention.Kind.UNKNOWN, r.kind());
        assertTrue(r.reason().endsWith("(needs storage.buckets.get)"), r::reason);
    }

    @Test
    void theProjectsSharedSettingsAreReadOnceForAllItsBuckets_WireMock() {
        gcs.buckets("a", "b", "c").hierarchy("projects/" + PROJECT, null, dataRead("allServices"))
                .logBuckets(logBucket("_Default", 30)).sinks(defaultSinks());
        for (String n : List.of("a", "b", "c")) {
            gcs.bucket(n, "enforced", true, "");
        }
        GcpProvider p = gcs.provider(0, false);
        scan(p, FACTS);
        assertEquals(1L, p.apiAttempts().get("projects.getIamPolicy"));
        assertEquals(1L, p.apiAttempts().get("projects.sinks.list"));
        assertEquals(1L, p.apiAttempts().get("projects.locations.buckets.list"));
    }

    @Test
    void aThirtyDayDefaultBucketFallsShortOfTheDefault365DaysAndAPublicBucketsAuditLogsRecordNothing_WireMock() {
        gcs.buckets("cv", "open").hierarchy("projects/" + PROJECT, null, dataRead("allServices"))
                .logBuckets(logBucket("_Default", 30), logBucket("_Required", 400)).sinks(defaultSinks())
                .bucket("cv", "enforced", true, "").iam("cv").orgPolicy(false)
                .bucket("open", "inherited", true, "").iam("open", WireMockGcs.binding("roles/storage.objectViewer",
                        "allUsers"));
        Set<dev.bucketguard.model.Fact> facts = new java.util.HashSet<>(FACTS);
        facts.addAll(GcpFacts.VERDICT);
        Inventory inv = scan(gcs.provider(0, false), facts);
        AuditContext context = AuditContext.of(ScanParameters.DEFAULTS);

        ReadAudit cv = new GcpCloud().readAudit(inv.resources().get(0), context);
        assertEquals(ReadsRecorded.YES, cv.recorded(), cv.explanation()::toString);
        assertEquals(Retention.days(30, "log bucket '_Default' keeps logs 30 days"), cv.retention());
        assertEquals(Boolean.FALSE, cv.retainedFor(ScanParameters.DEFAULTS.logRetentionDays()), "30 < 365");

        ReadAudit open = new GcpCloud().readAudit(inv.resources().get(1), context);
        assertEquals(ReadsRecorded.NO, open.recorded(), open.explanation()::toString);
        assertTrue(open.reasons().stream().anyMatch(r -> r.contains("records no access to a publicly shared"
                + " resource")), open.reasons()::toString);
    }

    @Test
    void getIamPolicyIsTheOnlyPostLetThroughAndOtherWritesNeverReachTheServer_WireMock() throws Exception {
        cv().hierarchy("projects/" + PROJECT, null, dataRead("allServices")).logBuckets(logBucket("_Default", 30))
                .sinks(defaultSinks());
        GcpProvider p = gcs.provider(0, false);
        scan(p, FACTS);
        List<String> writes = gcs.server.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getMethod().getName().equals("GET"))
                .map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
        assertEquals(List.of("POST /v3/projects/" + PROJECT + ":getIamPolicy"), writes);

        long before = gcs.requests();
        GcpClients clients = p.clients();
        GoogleRest rest = new GoogleRest(new GuardedTransport(new CallCounter(), 1), null, java.time.Duration.ZERO);
        String base = gcs.endpoint().toString();
        for (String url : List.of(base + "/v3/projects/" + PROJECT + ":setIamPolicy",
                base + "/v2/projects/" + PROJECT + "/sinks",
                base + "/v2/projects/" + PROJECT + "/locations/global/buckets?bucketId=short",
                base + "/v3/projects/" + PROJECT + ":getIamPolicy/../x:setIamPolicy",
                base + "/v3/projects/" + PROJECT + "%3AsetIamPolicy:getIamPolicy")) {
            assertThrows(GuardedTransport.MutationRefused.class, () -> rest.post(url, "{}"), url);
        }
        clients.close();
        assertEquals(before, gcs.requests(), "no refused request reached the server");
    }
}
