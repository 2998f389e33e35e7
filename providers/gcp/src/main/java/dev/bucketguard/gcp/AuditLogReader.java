package dev.bucketguard.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bucketguard.cloud.gcp.DataAccessAudit;
import dev.bucketguard.cloud.gcp.LogRoute;
import dev.bucketguard.cloud.gcp.LogRouting;
import dev.bucketguard.forensics.Retention;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, once per project, whether Cloud Storage's Data Access audit logs record reads and where they go: the IAM audit
 * configuration of the project and its folders and organisation (Resource Manager v3 {@code getIamPolicy}, a POST
 * that is a read by definition and the one POST the guard lets through besides {@code testIamPermissions}; ancestry by
 * {@code projects.get} and {@code folders.get}), and the project's log sinks and log buckets (Cloud Logging v2).
 */
final class AuditLogReader {
    static final String IAM_CALL = "projects.getIamPolicy";
    static final String IAM_PERMISSION = "resourcemanager.projects.getIamPolicy";
    static final String SINKS_CALL = "projects.sinks.list";
    static final String SINKS_PERMISSION = "logging.sinks.list";
    static final String BUCKETS_CALL = "projects.locations.buckets.list";
    static final String BUCKETS_PERMISSION = "logging.buckets.list";
    static final String STORAGE_SERVICE = "storage.googleapis.com";
    static final String ALL_SERVICES = "allServices";
    /** A log bucket created with retention 0 keeps logs this long (Cloud Logging's default, {@code _Default}'s). */
    static final int DEFAULT_LOG_BUCKET_DAYS = 30;
    /** Where a sink to a storage bucket writes Data Access audit logs. */
    static final String DATA_ACCESS_PREFIX = SinkFilter.DATA_ACCESS_LOG + "/";

    private static final String RESOURCE_MANAGER = "https://cloudresourcemanager.googleapis.com";
    private static final String LOGGING = "https://logging.googleapis.com";
    private static final String POLICY_OPTIONS = "{\"options\":{\"requestedPolicyVersion\":3}}";
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9.:-]{0,99}");
    private static final Pattern ANCESTOR = Pattern.compile("(folders|organizations)/[0-9]{1,30}");
    private static final Pattern LOG_BUCKET = Pattern.compile("logging\\.googleapis\\.com/(projects/([^/]+)"
            + "/locations/[^/]+/buckets/[^/]+)");
    private static final int MAX_DEPTH = 12;

    private final GoogleRest rest;
    private final String resourceManager;
    private final String logging;

    private final Map<String, Ancestor> ancestors = new ConcurrentHashMap<>();

    AuditLogReader(GoogleRest rest, URI endpoint) {
        this.rest = rest;
        this.resourceManager = endpoint == null ? RESOURCE_MANAGER : endpoint.toString();
        this.logging = endpoint == null ? LOGGING : endpoint.toString();
    }

    /**
     * The project's Data Access audit configuration for reads of Cloud Storage, with its ancestors' where readable.
     *
     * @throws IOException when the project's own IAM policy could not be read ({@link ErrorCodes}-readable)
     */
    DataAccessAudit dataAccess(String project) throws IOException {
        checkProject(project);
        Set<String> enabledAt = new TreeSet<>();
        Set<String> exempted = new TreeSet<>();
        List<String> unread = new ArrayList<>();
        collect(rest.post(resourceManager + "/v3/projects/" + project + ":getIamPolicy", POLICY_OPTIONS),
                "projects/" + project, enabledAt, exempted);
        String parent;
        try {
            parent = text(rest.get(resourceManager + "/v3/projects/" + project), "parent");
        } catch (IOException | RuntimeException e) {
            unread.add("the project's folders and organisation: " + failure("projects.get",
                    "resourcemanager.projects.get", e));
            parent = null;
        }
        for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
            if (!ANCESTOR.matcher(parent).matches()) {
                unread.add(parent + ": not a folder or organisation name, not read");
                break;
            }
            Ancestor a = ancestors.computeIfAbsent(parent, this::ancestor);
            enabledAt.addAll(a.enabledAt());
            exempted.addAll(a.exempted());
            unread.addAll(a.unread());
            parent = a.parent();
        }
        Boolean dataRead = !enabledAt.isEmpty() ? Boolean.TRUE : unread.isEmpty() ? Boolean.FALSE : null;
        return new DataAccessAudit(dataRead, List.copyOf(enabledAt), List.copyOf(exempted), unread);
    }

    /**
     * What a folder or organisation adds to the audit configuration of the projects under it, and its own parent
     * (null for an organisation, or when unreadable); read once per scan, however many projects share it.
     */
    private record Ancestor(Set<String> enabledAt, Set<String> exempted, List<String> unread, String parent) {
    }

    private Ancestor ancestor(String name) {
        String kind = name.substring(0, name.indexOf('/'));
        Set<String> enabledAt = new TreeSet<>();
        Set<String> exempted = new TreeSet<>();
        List<String> unread = new ArrayList<>();
        try {
            collect(rest.post(resourceManager + "/v3/" + name + ":getIamPolicy", POLICY_OPTIONS), name, enabledAt,
                    exempted);
        } catch (IOException | RuntimeException e) {
            unread.add(name + ": " + failure(kind + ".getIamPolicy", "resourcemanager." + kind + ".getIamPolicy", e));
        }
        String parent = null;
        if (!kind.equals("organizations")) {
            try {
                parent = text(rest.get(resourceManager + "/v3/" + name), "parent");
            } catch (IOException | RuntimeException e) {
                unread.add("the ancestors of " + name + ": " + failure("folders.get", "resourcemanager.folders.get",
                        e));
            }
        }
        return new Ancestor(Set.copyOf(enabledAt), Set.copyOf(exempted), List.copyOf(unread), parent);
    }

    /** The DATA_READ entries of a policy's audit configs for Cloud Storage (or all services). */
    static void collect(JsonNode policy, String where, Set<String> enabledAt, Set<String> exempted) {
        for (JsonNode config : policy.path("auditConfigs")) {
            String service = config.path("service").asText("");
            if (!service.equals(STORAGE_SERVICE) && !service.equals(ALL_SERVICES)) {
                continue;
            }
            for (JsonNode log : config.path("auditLogConfigs")) {
                if ("DATA_READ".equals(log.path("logType").asText())) {
                    enabledAt.add(where + " (" + service + ")");
                    log.path("exemptedMembers").forEach(m -> exempted.add(m.asText()));
                }
            }
        }
    }

    /**
     * The project's sinks that route Cloud Storage's Data Access audit logs, each with its destination's retention.
     *
     * @param storageRetention how long a storage bucket keeps objects under a prefix (its lifecycle rules)
     * @throws IOException when the sinks could not be listed ({@link ErrorCodes}-readable)
     */
    LogRouting routing(String project, Function<String, Retention> storageRetention) throws IOException {
        checkProject(project);
        List<JsonNode> sinks = pages(logging + "/v2/projects/" + project + "/sinks", "sinks");
        Map<String, Integer> buckets = new HashMap<>();
        String bucketsUnread = null;
        try {
            for (JsonNode b : pages(logging + "/v2/projects/" + project + "/locations/-/buckets", "buckets")) {
                int days = b.path("retentionDays").asInt(0);
                buckets.put(b.path("name").asText().toLowerCase(Locale.ROOT), days > 0 ? days
                        : DEFAULT_LOG_BUCKET_DAYS);
            }
        } catch (IOException | RuntimeException e) {
            bucketsUnread = failure(BUCKETS_CALL, BUCKETS_PERMISSION, e);
        }
        List<LogRoute> routes = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> unevaluated = new ArrayList<>();
        for (JsonNode sink : sinks) {
            String name = sink.path("name").asText("(unnamed)");
            name = name.substring(name.lastIndexOf('/') + 1);
            if (sink.path("disabled").asBoolean(false)) {
                excluded.add("sink '" + name + "' is disabled");
                continue;
            }
            String filter = sink.path("filter").asText("");
            SinkFilter.Decision d = SinkFilter.of(filter);
            if (d == SinkFilter.Decision.EXCLUDES) {
                excluded.add("sink '" + name + "' filters them out: " + SinkFilter.shown(filter));
                continue;
            }
            if (d == SinkFilter.Decision.UNCLEAR) {
                unevaluated.add("sink '" + name + "': filter not evaluated: " + SinkFilter.shown(filter));
                continue;
            }
            Exclusion x = dropping(sink.path("exclusions"));
            if (x != null && x.decision() == SinkFilter.Decision.ROUTES) {
                excluded.add("sink '" + name + "' drops them by exclusion '" + x.name() + "': "
                        + SinkFilter.shown(x.filter()));
                continue;
            }
            if (x != null) {
                unevaluated.add("sink '" + name + "': exclusion '" + x.name() + "' not evaluated: "
                        + SinkFilter.shown(x.filter()));
                continue;
            }
            routes.add(route(name, sink.path("destination").asText(""), project, buckets, bucketsUnread,
                    storageRetention));
        }
        routes.sort(java.util.Comparator.comparing(LogRoute::sink));
        return new LogRouting(routes, excluded, unevaluated);
    }

    /** An exclusion of a sink, and what its filter does to the storage Data Access logs. */
    private record Exclusion(String name, String filter, SinkFilter.Decision decision) {
    }

    /**
     * The first enabled exclusion that drops every storage Data Access log (its filter matches them all), else the
     * first one bucketguard cannot judge, else null.
     */
    private static Exclusion dropping(JsonNode exclusions) {
        Exclusion unclear = null;
        for (JsonNode x : exclusions) {
            if (x.path("disabled").asBoolean(false)) {
                continue;
            }
            String filter = x.path("filter").asText("");
            Exclusion e = new Exclusion(x.path("name").asText("(unnamed)"), filter, SinkFilter.of(filter));
            if (e.decision() == SinkFilter.Decision.ROUTES) {
                return e;
            }
            if (e.decision() == SinkFilter.Decision.UNCLEAR && unclear == null) {
                unclear = e;
            }
        }
        return unclear;
    }

    private static LogRoute route(String sink, String destination, String project, Map<String, Integer> buckets,
                                  String bucketsUnread, Function<String, Retention> storageRetention) {
        Matcher m = LOG_BUCKET.matcher(destination);
        if (m.matches()) {
            String bucket = m.group(1);
            String name = bucket.substring(bucket.lastIndexOf('/') + 1);
            Retention r;
            if (!m.group(2).equals(project)) {
                r = Retention.unknown("a log bucket of project " + m.group(2) + ", outside the scan");
            } else if (buckets.containsKey(bucket.toLowerCase(Locale.ROOT))) {
                int days = buckets.get(bucket.toLowerCase(Locale.ROOT));
                r = Retention.days(days, "log bucket '" + name + "' keeps logs " + days + " days");
            } else {
                r = Retention.unknown(bucketsUnread != null ? bucketsUnread
                        : "log bucket '" + name + "' is not among the project's log buckets");
            }
            return new LogRoute(sink, LogRoute.Kind.LOG_BUCKET, bucket, r);
        }
        int slash = destination.indexOf('/');
        String host = slash < 0 ? destination : destination.substring(0, slash);
        String rest = slash < 0 ? "" : destination.substring(slash + 1);
        return switch (host) {
            case "storage.googleapis.com" -> new LogRoute(sink, LogRoute.Kind.STORAGE_BUCKET, rest,
                    storageRetention.apply(rest));
            case "bigquery.googleapis.com" -> new LogRoute(sink, LogRoute.Kind.BIGQUERY, rest,
                    Retention.unknown("a BigQuery dataset: its tables' expiry is outside the scan"));
            case "pubsub.googleapis.com" -> new LogRoute(sink, LogRoute.Kind.PUBSUB, rest,
                    Retention.unknown("a Pub/Sub topic passes the logs on outside the scan"));
            default -> new LogRoute(sink, LogRoute.Kind.OTHER, destination.isEmpty() ? "(none)" : destination,
                    Retention.unknown("a destination outside the scan"));
        };
    }

    /** Every item of a paged Cloud Logging listing. */
    private List<JsonNode> pages(String url, String field) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 1000; page++) {
            JsonNode answer = rest.get(url + "?pageSize=200" + (token == null ? ""
                    : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            answer.path(field).forEach(out::add);
            token = text(answer, "nextPageToken");
            if (token == null) {
                break;
            }
        }
        return out;
    }

    private static void checkProject(String project) throws IOException {
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new IOException("not a project id");
        }
    }

    static String failure(String call, String permission, Throwable e) {
        return call + " failed with " + ErrorCodes.of(e) + (ErrorCodes.denied(e) ? " (needs " + permission + ")" : "");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
