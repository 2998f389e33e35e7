package dev.bucketguard.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.cloud.azure.DiagnosticSetting;
import dev.bucketguard.cloud.azure.LogDestination;
import dev.bucketguard.forensics.Retention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Azure Monitor's side of a scan: the diagnostic settings of each account's blob service, and how long each
 * destination keeps what they send (a Log Analytics workspace's retention, a storage account's lifecycle rules). Plain
 * GETs on the scan's guarded ARM pipeline (no monitor SDK); each destination is read once per scan, however many
 * accounts send to it.
 */
final class Diagnostics {
    static final String SETTINGS_CALL = "DiagnosticSettings.list";
    static final String SETTINGS_READ = "Microsoft.Insights/diagnosticSettings/read";
    static final String WORKSPACE_CALL = "Workspaces.get";
    static final String WORKSPACE_READ = "Microsoft.OperationalInsights/workspaces/read";
    static final String TABLE_CALL = "Tables.get";
    static final String TABLE_READ = "Microsoft.OperationalInsights/workspaces/tables/read";
    static final String POLICY_CALL = "ManagementPolicies.get";
    static final String POLICY_READ = "Microsoft.Storage/storageAccounts/managementPolicies/read";
    /** The table the StorageRead category lands in, in a workspace. */
    static final String READ_TABLE = "StorageBlobLogs";
    /** The container the StorageRead category lands in, in a destination account. */
    static final String READ_CONTAINER = "insights-logs-storageread";

    private static final String SETTINGS_VERSION = "2021-05-01-preview";
    private static final String WORKSPACE_VERSION = "2022-10-01";
    private static final String STORAGE_VERSION = "2023-05-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEGMENT = "[^/?#%]+";
    private static final Pattern WORKSPACE = Pattern.compile("/subscriptions/" + SEGMENT + "/resourceGroups/"
            + SEGMENT + "/providers/Microsoft\\.OperationalInsights/workspaces/" + SEGMENT, Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCOUNT = Pattern.compile("/subscriptions/" + SEGMENT + "/resourceGroups/"
            + SEGMENT + "/providers/Microsoft\\.Storage/storageAccounts/" + SEGMENT, Pattern.CASE_INSENSITIVE);

    private final HttpPipeline pipeline;
    private final String base;
    private final Map<String, LogDestination> destinations = new ConcurrentHashMap<>();

    /**
     * @param pipeline the scan's guarded ARM pipeline
     * @param base     ARM's base URL, with or without a trailing slash
     */
    Diagnostics(HttpPipeline pipeline, String base) {
        this.pipeline = pipeline;
        this.base = base.replaceAll("/+$", "");
    }

    /**
     * The diagnostic settings of the account's blob service, each destination with its retention.
     *
     * @throws RuntimeException when the settings could not be listed ({@link ErrorCodes}-readable)
     */
    List<DiagnosticSetting> settings(String accountId) {
        JsonNode answer = get(accountId + "/blobServices/default/providers/Microsoft.Insights/diagnosticSettings",
                SETTINGS_VERSION, false);
        List<DiagnosticSetting> out = new ArrayList<>();
        for (JsonNode s : answer.path("value")) {
            JsonNode p = s.path("properties");
            List<String> logs = new ArrayList<>();
            for (JsonNode l : p.path("logs")) {
                if (l.path("enabled").asBoolean(false)) {
                    String name = text(l, "category") != null ? text(l, "category") : text(l, "categoryGroup");
                    if (name != null) {
                        logs.add(name);
                    }
                }
            }
            List<LogDestination> to = new ArrayList<>();
            String workspace = text(p, "workspaceId");
            if (workspace != null) {
                to.add(destinations.computeIfAbsent(workspace.toLowerCase(Locale.ROOT), k -> workspace(workspace)));
            }
            String account = text(p, "storageAccountId");
            if (account != null) {
                to.add(destinations.computeIfAbsent(account.toLowerCase(Locale.ROOT), k -> lifecycle(account)));
            }
            String hub = text(p, "eventHubAuthorizationRuleId");
            if (hub != null) {
                String name = text(p, "eventHubName");
                to.add(new LogDestination(LogDestination.Kind.EVENT_HUB, hub, Retention.unknown("an event hub"
                        + (name == null ? "" : " ('" + name + "')") + " passes the logs on outside Azure's view")));
            }
            String partner = text(p, "marketplacePartnerId");
            if (partner != null) {
                to.add(new LogDestination(LogDestination.Kind.PARTNER, partner,
                        Retention.unknown("a partner solution keeps the logs outside Azure's view")));
            }
            out.add(new DiagnosticSetting(text(s, "name") == null ? "(unnamed)" : text(s, "name"), logs, to));
        }
        out.sort(java.util.Comparator.comparing(DiagnosticSetting::name));
        return out;
    }

    /** True for a storage account's ARM id: nothing else is put into a URL. */
    static boolean accountId(String id) {
        return id != null && ACCOUNT.matcher(id).matches();
    }

    /** A workspace's retention for the StorageBlobLogs table: the table's total retention, else the workspace's. */
    private LogDestination workspace(String id) {
        return new LogDestination(LogDestination.Kind.LOG_ANALYTICS, id, workspaceRetention(id));
    }

    private Retention workspaceRetention(String id) {
        if (!WORKSPACE.matcher(id).matches()) {
            return Retention.unknown("not a Log Analytics workspace id: not read");
        }
        String name = id.substring(id.lastIndexOf('/') + 1);
        JsonNode table;
        try {
            table = get(id + "/tables/" + READ_TABLE, WORKSPACE_VERSION, true);
        } catch (RuntimeException e) {
            return Retention.unknown(failure(TABLE_CALL, TABLE_READ, e));
        }
        if (table != null) {
            JsonNode p = table.path("properties");
            int days = p.path("totalRetentionInDays").asInt(p.path("retentionInDays").asInt(-1));
            if (days >= 0) {
                return Retention.days(days, "workspace '" + name + "' keeps its " + READ_TABLE + " table " + days
                        + " days");
            }
        }
        JsonNode ws;
        try {
            ws = get(id, WORKSPACE_VERSION, false);
        } catch (RuntimeException e) {
            return Retention.unknown(failure(WORKSPACE_CALL, WORKSPACE_READ, e));
        }
        JsonNode days = ws.path("properties").path("retentionInDays");
        return days.canConvertToInt() ? Retention.days(days.asInt(), "workspace '" + name + "' keeps its data "
                + days.asInt() + " days") : Retention.unknown(WORKSPACE_CALL + " answered no retentionInDays");
    }

    /**
     * A destination account's lifecycle management policy: the shortest delete age of the enabled rules that reach
     * the {@value #READ_CONTAINER} container's append blobs; none (or no policy) means nothing deletes the logs.
     */
    private LogDestination lifecycle(String id) {
        return new LogDestination(LogDestination.Kind.STORAGE_ACCOUNT, id, lifecycleRetention(id));
    }

    private Retention lifecycleRetention(String id) {
        if (!accountId(id)) {
            return Retention.unknown("not a storage account id: not read");
        }
        JsonNode policy;
        try {
            policy = get(id + "/managementPolicies/default", STORAGE_VERSION, true);
        } catch (RuntimeException e) {
            return Retention.unknown(failure(POLICY_CALL, POLICY_READ, e));
        }
        String account = id.substring(id.lastIndexOf('/') + 1);
        return policy == null ? Retention.untilDeleted("account '" + account + "' has no lifecycle management policy")
                : shortestDelete(account, policy.path("properties").path("policy"));
    }

    /** The shortest base-blob delete age of the enabled rules that reach the read logs; until deleted when none does. */
    static Retention shortestDelete(String account, JsonNode policy) {
        Integer shortest = null;
        String by = null;
        for (JsonNode rule : policy.path("rules")) {
            JsonNode d = rule.path("definition");
            if (!rule.path("enabled").asBoolean(true) || !reachesReadLogs(d.path("filters"))) {
                continue;
            }
            JsonNode delete = d.path("actions").path("baseBlob").path("delete");
            for (String age : List.of("daysAfterModificationGreaterThan", "daysAfterCreationGreaterThan",
                    "daysAfterLastAccessTimeGreaterThan")) {
                JsonNode n = delete.path(age);
                if (n.isNumber() && (shortest == null || n.asLong() < shortest)) {
                    shortest = (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.asLong()));
                    by = rule.path("name").asText("(unnamed)");
                }
            }
        }
        return shortest == null ? Retention.untilDeleted("no lifecycle rule of account '" + account
                + "' deletes the read logs") : Retention.days(shortest, "lifecycle rule '" + by + "' of account '"
                + account + "' deletes the read logs after " + shortest + " days");
    }

    /**
     * True when a rule's filters may select the read logs: append blobs (the type logs are written as) under
     * {@value #READ_CONTAINER}. A prefix that names part of the container counts: it deletes some of the logs.
     */
    static boolean reachesReadLogs(JsonNode filters) {
        JsonNode types = filters.path("blobTypes");
        if (types.isArray() && types.size() > 0) {
            boolean append = false;
            for (JsonNode t : types) {
                append |= "appendBlob".equalsIgnoreCase(t.asText());
            }
            if (!append) {
                return false;
            }
        }
        JsonNode prefixes = filters.path("prefixMatch");
        if (!prefixes.isArray() || prefixes.isEmpty()) {
            return true;
        }
        String container = READ_CONTAINER + "/";
        for (JsonNode p : prefixes) {
            String prefix = p.asText().toLowerCase(Locale.ROOT);
            if (container.startsWith(prefix) || prefix.startsWith(container)) {
                return true;
            }
        }
        return false;
    }

    private static String failure(String call, String permission, RuntimeException e) {
        return call + " failed with " + ErrorCodes.of(e) + (ErrorCodes.denied(e) ? " (needs " + permission + ")"
                : "");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /**
     * One GET on the guarded pipeline.
     *
     * @param absentIsNull answer null for a 404 instead of failing
     * @throws ManagementException for any other answer than 2xx, with ARM's error code
     */
    private JsonNode get(String path, String apiVersion, boolean absentIsNull) {
        String url = base + path + "?api-version=" + apiVersion;
        try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
            int status = r.getStatusCode();
            if (status == 404 && absentIsNull) {
                return null;
            }
            String body = r.getBodyAsBinaryData() == null ? "" : r.getBodyAsBinaryData().toString();
            if (status / 100 != 2) {
                throw new ManagementException("ARM answered " + status, r, new ManagementError(code(body), null));
            }
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ARM's error code from an error body, never its message. */
    private static String code(String body) {
        try {
            JsonNode code = JSON.readTree(body).path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
