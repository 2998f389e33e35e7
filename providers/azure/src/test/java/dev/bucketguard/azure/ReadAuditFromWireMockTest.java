package dev.bucketguard.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.azure.ArmStub.accountId;
import static dev.bucketguard.azure.ArmStub.armError;
import static dev.bucketguard.azure.ArmStub.deleteRule;
import static dev.bucketguard.azure.ArmStub.diagnosticSetting;
import static dev.bucketguard.azure.ArmStub.workspaceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.Context;
import com.azure.resourcemanager.storage.fluent.models.ManagementPolicyInner;
import com.azure.resourcemanager.storage.models.ManagementPolicyName;
import dev.bucketguard.cloud.azure.AnalyticsLogging;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.cloud.azure.DiagnosticSetting;
import dev.bucketguard.cloud.azure.LogDestination;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.ScanParameters;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whether an account's reads are recorded and for how long: the blob service's diagnostic settings (Azure Monitor),
 * the Log Analytics workspace and lifecycle policy they send to, and classic logging, read through the real pipeline
 * from the documented JSON served by WireMock.
 */
class ReadAuditFromWireMockTest {
    static final String SUB = ArmFromWireMockTest.SUB_A;
    static final String TENANT = ArmFromWireMockTest.TENANT_A;
    static final String WORKSPACE = workspaceId(SUB, "law-security");
    static final String LOG_ACCOUNT = accountId(SUB, "auditlogs");

    private final ArmStub arm = new ArmStub();

    @AfterEach
    void stop() {
        arm.close();
    }

    private Inventory scan(AzureProvider p) {
        return p.collect(FactSelection.only(AzureCloud.ID, Set.of(AzureFacts.DIAGNOSTIC_SETTINGS, AzureFacts.LOGGING)),
                Progress.NONE);
    }

    private static Resource find(Inventory inv, String id) {
        return inv.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<LogDestination> destinations(Resource r) {
        return r.details(StorageAccount.class).diagnosticSettings().stream()
                .flatMap(s -> s.destinations().stream()).toList();
    }

    private void accounts(String... names) {
        arm.subscriptions(Map.of(SUB, TENANT));
        arm.accounts(SUB, java.util.Arrays.stream(names).map(n -> arm.account(SUB, n, Map.of())).toList());
    }

    @Test
    void storageReadToAWorkspaceIsKeptForTheWorkspacesRetentionAndReadOnceForEveryAccount() {
        accounts("applicants", "statements");
        for (String name : List.of("applicants", "statements")) {
            arm.diagnosticSettings(SUB, name, diagnosticSetting(SUB, name, "to-law",
                    Map.of("StorageRead", true, "StorageWrite", true, "StorageDelete", false),
                    Map.of("workspaceId", WORKSPACE)));
        }
        arm.workspace(WORKSPACE, 30);

        AzureProvider p = arm.provider(List.of(), false);
        Inventory inv = scan(p);
        assertEquals(List.of(), inv.errors());
        Resource r = find(inv, "applicants");
        assertTrue(r.knows(AzureFacts.DIAGNOSTIC_SETTINGS));
        DiagnosticSetting s = r.details(StorageAccount.class).diagnosticSettings().get(0);
        assertEquals("to-law", s.name());
        assertEquals(List.of("StorageRead", "StorageWrite"), s.enabledLogs(), "the disabled category is left out");
        assertTrue(s.recordsReads());
        assertEquals(List.of(new LogDestination(LogDestination.Kind.LOG_ANALYTICS, WORKSPACE, Retention.days(30,
                "workspace 'law-security' keeps its data 30 days"))), s.destinations());
        assertEquals(1L, p.apiCalls().get("Workspaces.get"), "one workspace, read once for both accounts");
        assertEquals(2L, p.apiCalls().get("DiagnosticSettings.list"));
    }

    @Test
    void theStorageBlobLogsTablesOwnTotalRetentionWinsOverTheWorkspaceDefault() {
        accounts("applicants");
        arm.diagnosticSettings(SUB, "applicants", diagnosticSetting(SUB, "applicants", "audit-group",
                Map.of("group:audit", true), Map.of("workspaceId", WORKSPACE)));
        arm.workspace(WORKSPACE, 30);
        arm.storageBlobLogsTable(WORKSPACE, 90, 400);

        Resource r = find(scan(arm.provider(List.of(), false)), "applicants");
        DiagnosticSetting s = r.details(StorageAccount.class).diagnosticSettings().get(0);
        assertTrue(s.recordsReads(), "the audit category group includes StorageRead");
        assertEquals(Retention.days(400, "workspace 'law-security' keeps its StorageBlobLogs table 400 days"),
                s.destinations().get(0).retention(), "the table keeps StorageBlobLogs 400 days (90 + archive)");
    }

    @Test
    void aDestinationAccountKeepsTheLogsUntilTheShortestLifecycleRuleThatReachesTheReadLogContainer() {
        accounts("applicants", "statements");
        String keepsForever = accountId(SUB, "forever");
        arm.diagnosticSettings(SUB, "applicants", diagnosticSetting(SUB, "applicants", "archive",
                Map.of("group:allLogs", true), Map.of("storageAccountId", LOG_ACCOUNT)));
        arm.diagnosticSettings(SUB, "statements", diagnosticSetting(SUB, "statements", "archive",
                Map.of("StorageRead", true), Map.of("storageAccountId", keepsForever)));
        arm.managementPolicy(LOG_ACCOUNT, List.of(
                deleteRule("block-blobs-only", 7, List.of("blockBlob"), List.of()),
                deleteRule("other-logs", 14, List.of("appendBlob"), List.of("insights-logs-storagewrite")),
                deleteRule("read-logs", 180, List.of("appendBlob", "blockBlob"), List.of("insights-logs-storageread")),
                deleteRule("everything", 365, List.of("appendBlob"), List.of())));
        arm.server.stubFor(arm.managementPolicyPath(keepsForever).willReturn(armError(404,
                "ManagementPolicyNotFound")));

        Inventory inv = scan(arm.provider(List.of(), false));
        assertEquals(List.of(new LogDestination(LogDestination.Kind.STORAGE_ACCOUNT, LOG_ACCOUNT, Retention.days(180,
                "lifecycle rule 'read-logs' of account 'auditlogs' deletes the read logs after 180 days"))),
                destinations(find(inv, "applicants")),
                "block blobs and the write logs' container are not the read logs; 180 days is the shortest rule left");
        assertEquals(List.of(new LogDestination(LogDestination.Kind.STORAGE_ACCOUNT, keepsForever,
                Retention.untilDeleted("account 'forever' has no lifecycle management policy"))),
                destinations(find(inv, "statements")), "no lifecycle policy: nothing deletes them");
    }

    @Test
    void anEventHubDestinationLeavesAzuresViewSoItsRetentionIsUnknown() {
        accounts("applicants");
        String rule = "/subscriptions/" + SUB + "/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/"
                + "siem/authorizationrules/RootManageSharedAccessKey";
        arm.diagnosticSettings(SUB, "applicants", diagnosticSetting(SUB, "applicants", "to-siem",
                Map.of("StorageRead", true), Map.of("eventHubAuthorizationRuleId", rule, "eventHubName", "blob-logs")));

        LogDestination d = destinations(find(scan(arm.provider(List.of(), false)), "applicants")).get(0);
        assertEquals(LogDestination.Kind.EVENT_HUB, d.kind());
        assertEquals(Retention.unknown("an event hub ('blob-logs') passes the logs on outside Azure's view"),
                d.retention());
    }

    @Test
    void theReadAuditOfAnEventHubOnlyAccountRecordsReadsButCannotTellForHowLong() {
        accounts("applicants");
        arm.diagnosticSettings(SUB, "applicants", diagnosticSetting(SUB, "applicants", "to-siem",
                Map.of("StorageRead", true), Map.of("eventHubAuthorizationRuleId", "/subscriptions/" + SUB
                        + "/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/siem/authorizationrules/send")));
        arm.serviceProperties("applicants", false, false, true, 30, 0);
        Resource r = find(scan(arm.provider(List.of(), false)), "applicants");
        ReadAudit a = new AzureCloud().readAudit(r, AuditContext.of(ScanParameters.DEFAULTS));
        assertEquals(ReadsRecorded.YES, a.recorded(), a.explanation()::toString);
        assertEquals(Retention.Kind.UNKNOWN, a.retention().kind());
        assertEquals(null, a.retainedFor(365), "an event hub keeps them outside Azure's view");
        assertTrue(a.reasons().contains("classic Storage Analytics logging records writes and deletes, not reads"),
                a.reasons()::toString);
    }

    @Test
    void aSettingWithoutStorageReadDoesNotRecordReads() {
        accounts("applicants");
        arm.diagnosticSettings(SUB, "applicants", diagnosticSetting(SUB, "applicants", "writes-only",
                Map.of("StorageRead", false, "StorageWrite", true), Map.of("workspaceId", WORKSPACE)));
        arm.workspace(WORKSPACE, 730);
        DiagnosticSetting s = find(scan(arm.provider(List.of(), false)), "applicants")
                .details(StorageAccount.class).diagnosticSettings().get(0);
        assertFalse(s.recordsReads());
    }

    @Test
    void refusedReadsNameThePermissionTheyNeed() {
        accounts("denied", "workspacedenied", "policydenied");
        arm.server.stubFor(arm.diagnosticSettingsPath(SUB, "denied").willReturn(armError(403, "AuthorizationFailed")));
        arm.diagnosticSettings(SUB, "workspacedenied", diagnosticSetting(SUB, "workspacedenied", "to-law",
                Map.of("StorageRead", true), Map.of("workspaceId", WORKSPACE)));
        arm.server.stubFor(get(urlPathEqualTo(WORKSPACE + "/tables/StorageBlobLogs")).willReturn(armError(404,
                "ResourceNotFound")));
        arm.server.stubFor(get(urlPathEqualTo(WORKSPACE)).willReturn(armError(403, "AuthorizationFailed")));
        arm.diagnosticSettings(SUB, "policydenied", diagnosticSetting(SUB, "policydenied", "archive",
                Map.of("StorageRead", true), Map.of("storageAccountId", LOG_ACCOUNT)));
        arm.server.stubFor(arm.managementPolicyPath(LOG_ACCOUNT).willReturn(armError(403, "AuthorizationFailed")));

        Inventory inv = scan(arm.provider(List.of(), false));
        Resource denied = find(inv, "denied");
        Unknown u = denied.whyUnknown(AzureFacts.DIAGNOSTIC_SETTINGS).orElseThrow();
        assertEquals("DiagnosticSettings.list", u.call());
        assertEquals("Microsoft.Insights/diagnosticSettings/read", u.permission());
        assertEquals("403 AuthorizationFailed", u.error());
        assertTrue(denied.knows(AzureFacts.LOGGING), "classic logging is still read");

        assertEquals("Workspaces.get failed with 403 AuthorizationFailed (needs"
                + " Microsoft.OperationalInsights/workspaces/read)",
                destinations(find(inv, "workspacedenied")).get(0).retention().reason());
        assertEquals("ManagementPolicies.get failed with 403 AuthorizationFailed (needs"
                + " Microsoft.Storage/storageAccounts/managementPolicies/read)",
                destinations(find(inv, "policydenied")).get(0).retention().reason());
    }

    @Test
    void classicLoggingSaysWhetherReadsAreLoggedAndForHowLong() {
        accounts("readslogged", "writesonly", "keptforever");
        arm.serviceProperties("readslogged", false, true, true, 30, 0);
        arm.serviceProperties("writesonly", false, false, true, 365, 0);
        arm.serviceProperties("keptforever", false, true, false, 0, 0);

        Inventory inv = scan(arm.provider(List.of(), false));
        assertEquals(new AnalyticsLogging(true, true, true, 30),
                find(inv, "readslogged").details(StorageAccount.class).analyticsLogging());
        assertEquals(new AnalyticsLogging(false, true, true, 365),
                find(inv, "writesonly").details(StorageAccount.class).analyticsLogging());
        assertEquals(new AnalyticsLogging(true, false, false, null),
                find(inv, "keptforever").details(StorageAccount.class).analyticsLogging(),
                "no retention policy: the logs stay until someone deletes them");
    }

    @Test
    void aConnectionStringScanCannotReadDiagnosticSettingsAndSaysSo() {
        Resource r = AccountReader.readConnectionString("devstoreaccount1", null,
                Set.of(AzureFacts.DIAGNOSTIC_SETTINGS), false);
        Unknown u = r.whyUnknown(AzureFacts.DIAGNOSTIC_SETTINGS).orElseThrow();
        assertEquals("Microsoft.Insights/diagnosticSettings/read", u.permission());
        assertTrue(u.error().contains("connection string reaches the data plane only"), u::toString);
    }

    @Test
    void theReadAuditSendsOnlyGetsAndTheGuardRefusesWritesToTheSameResourcesBeforeTheyAreSent() {
        accounts("applicants");
        arm.diagnosticSettings(SUB, "applicants", diagnosticSetting(SUB, "applicants", "both",
                Map.of("StorageRead", true), Map.of("workspaceId", WORKSPACE, "storageAccountId", LOG_ACCOUNT)));
        arm.workspace(WORKSPACE, 90);
        arm.managementPolicy(LOG_ACCOUNT, List.of(deleteRule("read-logs", 400, List.of("appendBlob"), List.of())));
        AzureProvider p = arm.provider(List.of(), false);
        scan(p);
        assertEquals(Set.of("GET"), arm.requests().stream().map(r -> r.getMethod().getName())
                .collect(java.util.stream.Collectors.toSet()));
        int before = arm.requests().size();

        var pipeline = p.armPipeline();
        String settings = arm.endpoint() + accountId(SUB, "applicants")
                + "/blobServices/default/providers/Microsoft.Insights/diagnosticSettings/both?api-version=2021-05-01-preview";
        for (HttpMethod m : List.of(HttpMethod.PUT, HttpMethod.DELETE)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> pipeline.sendSync(
                    new HttpRequest(m, settings).setBody("{\"properties\":{\"logs\":[]}}"), Context.NONE));
            assertInstanceOf(ReadOnlyGuard.MutationRefused.class, e, m + " of a diagnostic setting");
        }
        RuntimeException ws = assertThrows(RuntimeException.class, () -> pipeline.sendSync(new HttpRequest(
                HttpMethod.PATCH, arm.endpoint() + WORKSPACE + "?api-version=2022-10-01")
                .setBody("{\"properties\":{\"retentionInDays\":7}}"), Context.NONE));
        assertInstanceOf(ReadOnlyGuard.MutationRefused.class, ws, "shortening the workspace's retention");
        var storage = p.storage(pipeline, SUB, TENANT);
        RuntimeException policy = assertThrows(RuntimeException.class, () -> storage.getManagementPolicies()
                .createOrUpdate(ArmStub.RG, "auditlogs", ManagementPolicyName.DEFAULT, new ManagementPolicyInner()));
        assertTrue(ErrorCodes.of(policy).equals("refused by the read-only guard"), ErrorCodes.of(policy));
        assertEquals(before, arm.requests().size(), "no refused request reached the server");
    }
}
