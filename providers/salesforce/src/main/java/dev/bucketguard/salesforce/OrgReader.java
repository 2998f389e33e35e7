package dev.bucketguard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Workers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Reads an org, one query per kind of fact (SALESFORCE.md 1.6 and 5.1), except where Salesforce offers no other way:
 * field definitions and share-row counts, one query per object the guest can reach. Only the {@link Part}s asked
 * for are read. A query that fails is recorded with the permission it needs ({@link Read}), never as an empty list;
 * the queries that depend on it are not sent and carry the same reason.
 *
 * <p>Never reads record content: share rows are counted ({@code COUNT(Id)} grouped by guest and {@code RowCause}),
 * links are read without their URL or password, event log files without their body.
 */
final class OrgReader {
    /** What a scan can read; the provider turns the facts asked for into these. */
    enum Part {
        SCANNER, SITES, GUESTS, OBJECT_PERMISSIONS, FIELD_PERMISSIONS, APEX, FLOWS, ENTITIES, FIELD_DEFINITIONS,
        SHARE_COUNTS, LEGACY, MEMBERS, LINKS, EVENT_LOGS, HEALTH_CHECK,
        /** {@code EventSettings} through the Metadata API: only with {@code --metadata}. */
        EVENT_SETTINGS
    }

    static final String SITE_SOQL = "SELECT Id, Name, MasterLabel, Status, SiteType, UrlPathPrefix, GuestUserId,"
            + " GuestRecordDefaultOwnerId, OptionsAllowGuestSupportApi, OptionsAllowGuestPaymentsApi FROM Site";
    static final String NETWORK_SOQL = "SELECT Id, Name, Status, UrlPathPrefix, OptionsGuestFileAccessEnabled,"
            + " OptionsGuestMemberVisibility, OptionsGuestChatterEnabled, OptionsSelfRegistrationEnabled,"
            + " SelfRegProfileId FROM Network";
    /** What the scan can use, and the write-capable permissions a scanner should not hold (scan.permission-missing). */
    static final String SCANNER_SOQL = "SELECT PermissionsApiEnabled, PermissionsViewSetup, PermissionsViewAllData,"
            + " PermissionsModifyAllData, PermissionsQueryAllFiles, PermissionsViewEventLogFiles,"
            + " PermissionsCreateNetworks, PermissionsModifyMetadata, PermissionsCustomizeApplication,"
            + " PermissionsManageUsers, PermissionsAuthorApex FROM UserPermissionAccess";
    /** No URL and no password is ever selected: the flags and the count are enough. */
    static final String LINK_SOQL = "SELECT Id, Name, ContentDocumentId, OwnerId, RelatedRecordId,"
            + " PreferencesPasswordRequired, PreferencesExpires, ExpiryDate, PreferencesAllowOriginalDownload,"
            + " PreferencesAllowPDFDownload, PreferencesAllowViewInBrowser, PreferencesLinkLatestVersion, ViewCount,"
            + " FirstViewDate, LastViewDate, CreatedDate FROM ContentDistribution ORDER BY Id";
    static final String EVENT_LOG_SOQL = "SELECT EventType, Interval, MIN(LogDate) oldest, MAX(LogDate) newest,"
            + " COUNT(Id) files FROM EventLogFile GROUP BY EventType, Interval";
    static final String HEALTH_CHECK_SOQL = "SELECT Setting, SettingGroup, OrgValue, StandardValue, RiskType"
            + " FROM SecurityHealthCheckRisks";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15,18}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final int CHUNK = 100;

    private final SalesforceApi api;
    private final int concurrency;
    private final Progress progress;

    OrgReader(SalesforceApi api, int concurrency, Progress progress) {
        this.api = api;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    OrgData read(Set<Part> asked) {
        Set<Part> parts = asked.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(asked);
        OrgData d = new OrgData();
        d.organization = query("SELECT Id, Name, OrganizationType FROM Organization", Permissions.API)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
        if (parts.contains(Part.SCANNER) || parts.contains(Part.LINKS) || parts.contains(Part.SITES)) {
            d.scanner = query(SCANNER_SOQL, Permissions.API).map(rows -> rows.isEmpty() ? null : rows.get(0));
        }
        if (parts.contains(Part.SITES)) {
            d.sites = query(SITE_SOQL, Permissions.VIEW_SETUP);
            d.networks = query(NETWORK_SOQL, Permissions.NETWORKS);
            if (d.sites.ok()) {
                readGuests(d, parts);
            }
        }
        if (parts.contains(Part.LINKS)) {
            progress.report("reading public file links");
            d.distributions = query(LINK_SOQL, Permissions.QUERY_ALL_FILES);
            readKeyPrefixes(d);
        }
        if (parts.contains(Part.EVENT_LOGS)) {
            d.eventLogs = query(EVENT_LOG_SOQL, Permissions.EVENT_LOG_FILES);
        }
        if (parts.contains(Part.HEALTH_CHECK)) {
            d.healthCheck = tooling(HEALTH_CHECK_SOQL, Permissions.VIEW_SETUP);
        }
        if (parts.contains(Part.EVENT_SETTINGS)) {
            d.eventSettings = metadata("EventSettings", List.of("Event"));
        }
        return d;
    }

    /**
     * The objects of the links' related records whose key prefix is not a standard one known by heart (a custom
     * object's {@code a0X}): one Tooling query for them all, so a link to an applicant's record names its object.
     */
    private void readKeyPrefixes(OrgData d) {
        if (!d.distributions.ok()) {
            return;
        }
        Set<String> prefixes = new TreeSet<>();
        for (JsonNode l : d.distributions.value()) {
            String related = l.path("RelatedRecordId").asText("");
            if (ID.matcher(related).matches() && !OrgMapper.KEY_PREFIXES.containsKey(related.substring(0, 3))) {
                prefixes.add(related.substring(0, 3));
            }
        }
        if (!prefixes.isEmpty()) {
            d.keyPrefixes = queryIn("SELECT QualifiedApiName, KeyPrefix FROM EntityDefinition WHERE KeyPrefix IN (%s)",
                    prefixes, Permissions.VIEW_SETUP, true);
        }
    }

    /** The guests of the sites, their permission sets (and those of members), and what hangs off them. */
    private void readGuests(OrgData d, Set<Part> parts) {
        Set<String> guests = new TreeSet<>();
        for (JsonNode s : d.sites.value()) {
            addId(guests, s.path("GuestUserId"));
        }
        if (guests.isEmpty()) {
            return;
        }
        progress.report("reading the guest users of " + d.sites.value().size() + " sites");
        d.guestUsers = queryIn("SELECT Id, ProfileId, IsActive, UserType FROM User WHERE Id IN (%s)", guests,
                Permissions.API, false);
        d.assignments = queryIn("SELECT AssigneeId, PermissionSetId, PermissionSetGroupId FROM"
                + " PermissionSetAssignment WHERE AssigneeId IN (%s)", guests, Permissions.VIEW_SETUP, false);
        if (parts.contains(Part.LEGACY)) {
            d.groupMembers = queryIn("SELECT GroupId, UserOrGroupId FROM GroupMember WHERE UserOrGroupId IN (%s)",
                    guests, Permissions.VIEW_SETUP, false);
        }
        if (parts.contains(Part.MEMBERS)) {
            d.memberGroups = query("SELECT NetworkId, ParentId FROM NetworkMemberGroup", Permissions.VIEW_SETUP);
        }
        Set<String> profiles = new TreeSet<>();
        Set<String> sets = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        if (d.guestUsers.ok()) {
            d.guestUsers.value().forEach(u -> addId(profiles, u.path("ProfileId")));
        }
        if (d.assignments.ok()) {
            for (JsonNode a : d.assignments.value()) {
                addId(sets, a.path("PermissionSetId"));
                addId(groups, a.path("PermissionSetGroupId"));
            }
        }
        Set<String> guestProfiles = new TreeSet<>(profiles);
        if (d.memberGroups != null && d.memberGroups.ok()) {
            for (JsonNode m : d.memberGroups.value()) {
                String parent = m.path("ParentId").asText("");
                (parent.startsWith("00e") ? profiles : sets).add(parent);
            }
        }
        if (d.networks != null && d.networks.ok()) {
            d.networks.value().forEach(n -> addId(profiles, n.path("SelfRegProfileId")));
        }
        profiles.removeIf(p -> !ID.matcher(p).matches());
        sets.removeIf(p -> !ID.matcher(p).matches());
        Map<String, Set<String>> owners = new LinkedHashMap<>();
        owners.put("ProfileId", profiles);
        owners.put("Id", sets);
        owners.put("PermissionSetGroupId", groups);
        d.permissionSets = queryAnyOf("SELECT Id, Name, Label, Type, IsOwnedByProfile, ProfileId, Profile.Name,"
                + " PermissionSetGroupId, PermissionsApiEnabled, PermissionsViewAllData, PermissionsModifyAllData,"
                + " PermissionsViewAllUsers, PermissionsRunFlow FROM PermissionSet WHERE ", owners, false);
        if (!groups.isEmpty()) {
            d.groupComponents = queryIn("SELECT PermissionSetGroupId, PermissionSetId FROM"
                    + " PermissionSetGroupComponent WHERE PermissionSetGroupId IN (%s)", groups,
                    Permissions.VIEW_SETUP, false);
        }
        if (!d.permissionSets.ok()) {
            Read<List<JsonNode>> blocked = Read.failed(d.permissionSets.call(), d.permissionSets.permission(),
                    d.permissionSets.error());
            d.objectPermissions = blocked;
            d.fieldPermissions = blocked;
            d.setupEntityAccess = blocked;
            return;
        }
        Set<String> parents = new TreeSet<>();
        d.permissionSets.value().forEach(p -> addId(parents, p.path("Id")));
        Set<String> guestSets = guestSets(d, guestProfiles, sets, groups);
        if (d.groupComponents != null && d.groupComponents.ok()) {
            for (JsonNode c : d.groupComponents.value()) {
                String id = c.path("PermissionSetId").asText("");
                if (id.startsWith("0QM")) {
                    addId(parents, c.path("PermissionSetId"));
                }
            }
        }
        if (parts.contains(Part.OBJECT_PERMISSIONS) || parts.contains(Part.FIELD_DEFINITIONS)
                || parts.contains(Part.SHARE_COUNTS) || parts.contains(Part.ENTITIES)) {
            d.objectPermissions = queryIn("SELECT ParentId, SobjectType, PermissionsRead, PermissionsCreate,"
                    + " PermissionsEdit, PermissionsDelete, PermissionsViewAllRecords, PermissionsModifyAllRecords,"
                    + " LastModifiedDate FROM ObjectPermissions WHERE ParentId IN (%s)", parents,
                    Permissions.VIEW_SETUP, false);
        }
        if (parts.contains(Part.FIELD_PERMISSIONS)) {
            d.fieldPermissions = queryIn("SELECT ParentId, SobjectType, Field, PermissionsRead, PermissionsEdit FROM"
                    + " FieldPermissions"
                    + " WHERE ParentId IN (%s)", parents, Permissions.VIEW_SETUP, false);
        }
        if (parts.contains(Part.APEX) || parts.contains(Part.FLOWS)) {
            d.setupEntityAccess = queryIn("SELECT ParentId, SetupEntityId, SetupEntityType FROM SetupEntityAccess"
                    + " WHERE ParentId IN (%s)", guestSets, Permissions.VIEW_SETUP, false);
            readCode(d, parts);
        }
        Set<String> objects = reachable(d, guestSets);
        // Sharing defaults also for what members and self-registration read: step 6 needs them for those objects.
        Set<String> defaults = new TreeSet<>(objects);
        defaults.addAll(readByAnyone(d));
        if (parts.contains(Part.ENTITIES) && !defaults.isEmpty()) {
            d.entities = queryIn("SELECT QualifiedApiName, InternalSharingModel, ExternalSharingModel FROM"
                    + " EntityDefinition WHERE QualifiedApiName IN (%s)", defaults, Permissions.VIEW_SETUP, true);
        }
        readPerObject(d, parts, objects, guests);
    }

    /**
     * Rows matching any of several {@code FIELD IN (ids)} conditions: one query with them OR-ed while the ids are
     * few, one per condition and chunk beyond; rows are kept once, by id.
     */
    private Read<List<JsonNode>> queryAnyOf(String select, Map<String, Set<String>> conditions, boolean tooling) {
        String call = (tooling ? "tooling " : "query ") + SalesforceApi.object(select);
        int ids = conditions.values().stream().mapToInt(Set::size).sum();
        if (ids == 0) {
            return Read.ok(List.of(), call, Permissions.VIEW_SETUP);
        }
        if (ids <= CHUNK) {
            List<String> where = new ArrayList<>();
            conditions.forEach((field, values) -> {
                if (!values.isEmpty()) {
                    where.add(field + " IN (" + quoted(values) + ")");
                }
            });
            return run(select + String.join(" OR ", where), Permissions.VIEW_SETUP, tooling);
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> c : conditions.entrySet()) {
            Read<List<JsonNode>> r = queryIn(select + c.getKey() + " IN (%s)", c.getValue(), Permissions.VIEW_SETUP,
                    tooling);
            if (!r.ok()) {
                return r;
            }
            r.value().forEach(n -> byId.putIfAbsent(n.path("Id").asText(), n));
        }
        return Read.ok(new ArrayList<>(byId.values()), call, Permissions.VIEW_SETUP);
    }

    private static String quoted(Collection<String> ids) {
        return String.join(", ", ids.stream().map(id -> "'" + id + "'").toList());
    }

    /** Guest-callable Apex (classes granted, and controllers of Visualforce pages granted) and flows. */
    private void readCode(OrgData d, Set<Part> parts) {
        if (!d.setupEntityAccess.ok()) {
            d.apexClasses = d.setupEntityAccess;
            d.flows = d.setupEntityAccess;
            return;
        }
        Set<String> classes = new TreeSet<>();
        Set<String> pages = new TreeSet<>();
        Set<String> flows = new TreeSet<>();
        for (JsonNode a : d.setupEntityAccess.value()) {
            switch (a.path("SetupEntityType").asText("")) {
                case "ApexClass" -> addId(classes, a.path("SetupEntityId"));
                case "ApexPage" -> addId(pages, a.path("SetupEntityId"));
                case "FlowDefinition" -> addId(flows, a.path("SetupEntityId"));
                default -> { }
            }
        }
        if (parts.contains(Part.APEX)) {
            Set<String> controllers = new TreeSet<>();
            if (!pages.isEmpty()) {
                d.apexPages = queryIn("SELECT Id, Name, NamespacePrefix, ControllerKey, ControllerType FROM ApexPage"
                        + " WHERE Id IN (%s)", pages, Permissions.VIEW_SETUP, false);
                if (d.apexPages.ok()) {
                    for (JsonNode p : d.apexPages.value()) {
                        String c = p.path("ControllerKey").asText("");
                        if (NAME.matcher(c).matches()) {
                            controllers.add(c);
                        }
                    }
                }
            }
            Map<String, Set<String>> which = new LinkedHashMap<>();
            which.put("Id", classes);
            which.put("Name", controllers);
            d.apexClasses = queryAnyOf("SELECT Id, Name, NamespacePrefix, ApiVersion, Status, Body FROM ApexClass"
                    + " WHERE ", which, true);
        }
        if (parts.contains(Part.FLOWS)) {
            d.flows = queryIn("SELECT Id, DefinitionId, MasterLabel, Status, ProcessType, RunInMode FROM Flow"
                    + " WHERE Status = 'Active' AND DefinitionId IN (%s)", flows, Permissions.VIEW_SETUP, true);
            if (d.flows.ok()) {
                // The objects a flow reads live in its metadata, which Tooling returns one flow at a time.
                for (JsonNode f : d.flows.value()) {
                    String id = f.path("Id").asText("");
                    if (ID.matcher(id).matches()) {
                        d.flowMetadata.put(id, tooling("SELECT Id, Metadata FROM Flow WHERE Id = '" + id + "'",
                                Permissions.VIEW_SETUP));
                    }
                }
            }
        }
    }

    /** The permission sets of the guests: their profiles' own, and the sets and groups assigned to them. */
    private static Set<String> guestSets(OrgData d, Set<String> profiles, Set<String> sets, Set<String> groups) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode p : d.permissionSets.value()) {
            if (profiles.contains(p.path("ProfileId").asText("")) || sets.contains(p.path("Id").asText(""))
                    || groups.contains(p.path("PermissionSetGroupId").asText(""))) {
                ids.add(p.path("Id").asText(""));
            }
        }
        return ids;
    }

    /**
     * The objects a guest can reach: Read in one of the guests' permission sets, and the objects their callable
     * Apex names. Field definitions and share-row counts are read for these alone.
     */
    static Set<String> reachable(OrgData d, Set<String> guestSets) {
        Set<String> objects = new TreeSet<>();
        if (d.objectPermissions != null && d.objectPermissions.ok()) {
            for (JsonNode op : d.objectPermissions.value()) {
                String o = op.path("SobjectType").asText("");
                if (op.path("PermissionsRead").asBoolean(false) && NAME.matcher(o).matches()
                        && guestSets.contains(op.path("ParentId").asText(""))) {
                    objects.add(o);
                }
            }
        }
        d.flowMetadata.values().stream().filter(Read::ok).flatMap(r -> r.value().stream())
                .forEach(m -> objects.addAll(flowObjects(m)));
        if (d.apexClasses != null && d.apexClasses.ok()) {
            for (JsonNode c : d.apexClasses.value()) {
                String body = c.path("Body").asText("");
                for (String o : ApexSource.scan(body).objects()) {
                    if (NAME.matcher(o).matches()) {
                        objects.add(o);
                    }
                }
            }
        }
        return objects;
    }

    /** The objects any permission set read (guests', members', self-registration's) holds Read on. */
    private static Set<String> readByAnyone(OrgData d) {
        Set<String> objects = new TreeSet<>();
        if (d.objectPermissions != null && d.objectPermissions.ok()) {
            for (JsonNode op : d.objectPermissions.value()) {
                String o = op.path("SobjectType").asText("");
                if (op.path("PermissionsRead").asBoolean(false) && NAME.matcher(o).matches()) {
                    objects.add(o);
                }
            }
        }
        return objects;
    }

    /** The record elements of a flow's metadata whose {@code object} names what the flow reads or writes. */
    private static final List<String> FLOW_RECORD_ELEMENTS = List.of("recordLookups", "recordCreates",
            "recordUpdates", "recordDeletes", "dynamicChoiceSets");

    /**
     * The objects a flow's Tooling {@code Metadata} names: its record elements and its start's object. Every one
     * counts as read (an update or delete finds its records first).
     */
    static Set<String> flowObjects(JsonNode row) {
        JsonNode m = row.path("Metadata");
        Set<String> objects = new TreeSet<>();
        for (String element : FLOW_RECORD_ELEMENTS) {
            for (JsonNode e : m.path(element)) {
                addName(objects, e.path("object"));
            }
        }
        addName(objects, m.path("start").path("object"));
        return objects;
    }

    private static void addName(Set<String> into, JsonNode value) {
        String v = value == null || value.isNull() ? "" : value.asText("");
        if (NAME.matcher(v).matches()) {
            into.add(v);
        }
    }

    /** One query per object, at most {@code concurrency} at once: field definitions and share-row counts. */
    private void readPerObject(OrgData d, Set<Part> parts, Set<String> objects, Set<String> guests) {
        boolean fields = parts.contains(Part.FIELD_DEFINITIONS);
        boolean shares = parts.contains(Part.SHARE_COUNTS) || parts.contains(Part.LEGACY);
        if (objects.isEmpty() || !fields && !shares) {
            return;
        }
        Set<String> holders = new TreeSet<>(guests);
        if (d.groupMembers != null && d.groupMembers.ok()) {
            d.groupMembers.value().forEach(g -> addId(holders, g.path("GroupId")));
        }
        progress.report("reading field definitions and share-row counts of " + objects.size() + " objects");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, objects.size())), r -> {
            Thread t = new Thread(r, "bucketguard-salesforce");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Read<List<JsonNode>>>> fieldFutures = new LinkedHashMap<>();
            Map<String, Future<Read<List<JsonNode>>>> shareFutures = new LinkedHashMap<>();
            for (String o : objects) {
                if (fields) {
                    fieldFutures.put(o, pool.submit(() -> tooling("SELECT QualifiedApiName, DataType,"
                            + " SecurityClassification, ComplianceGroup FROM FieldDefinition WHERE"
                            + " EntityDefinition.QualifiedApiName = '" + o + "'", Permissions.VIEW_SETUP)));
                }
                if (shares) {
                    shareFutures.put(o, pool.submit(() -> queryIn("SELECT UserOrGroupId, RowCause, COUNT(Id) n"
                            + " FROM " + shareObject(o) + " WHERE UserOrGroupId IN (%s) GROUP BY UserOrGroupId,"
                            + " RowCause", holders, Permissions.SHARE_ROWS, false)));
                }
            }
            collect(fieldFutures, d.fieldDefinitions, Permissions.VIEW_SETUP);
            collect(shareFutures, d.shareCounts, Permissions.SHARE_ROWS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The per-object answers; a query that failed inside its task reads as failed, naming its permission. */
    private static void collect(Map<String, Future<Read<List<JsonNode>>>> futures,
                                Map<String, Read<List<JsonNode>>> into, String permission) {
        for (Map.Entry<String, Future<Read<List<JsonNode>>>> e : futures.entrySet()) {
            try {
                into.put(e.getKey(), Workers.result(e.getValue()));
            } catch (ExecutionException x) {
                into.put(e.getKey(), Read.failed("query " + e.getKey(), permission,
                        "internal error (" + x.getCause().getClass().getSimpleName() + ")"));
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                into.put(e.getKey(), Read.failed("query " + e.getKey(), permission, "interrupted"));
            }
        }
    }

    /** {@code Account} → {@code AccountShare}; {@code Applicant__c} → {@code Applicant__Share}. */
    static String shareObject(String object) {
        return object.endsWith("__c") ? object.substring(0, object.length() - 3) + "__Share" : object + "Share";
    }

    /** One readMetadata; a fault (or a refusal by the guard) is recorded with the permission it needs. */
    private Read<List<Map<String, String>>> metadata(String type, List<String> names) {
        String call = "readMetadata " + type;
        try {
            return Read.ok(api.readMetadata(type, names), call, Permissions.METADATA);
        } catch (IOException | IllegalArgumentException e) {
            return Read.failed(call, Permissions.METADATA, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
    }

    private Read<List<JsonNode>> query(String soql, String permission) {
        return run(soql, permission, false);
    }

    private Read<List<JsonNode>> tooling(String soql, String permission) {
        return run(soql, permission, true);
    }

    private Read<List<JsonNode>> run(String soql, String permission, boolean tooling) {
        String call = (tooling ? "tooling " : "query ") + SalesforceApi.object(soql);
        try {
            return Read.ok(tooling ? api.tooling(soql) : api.query(soql), call, permission);
        } catch (ApiException e) {
            return Read.failed(call, permission, e.getMessage());
        } catch (IOException e) {
            return Read.failed(call, permission, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
    }

    /**
     * A query with {@code %s} replaced by a quoted id list, in chunks of {@value #CHUNK} (a GET's URL stays short);
     * no call at all for an empty list.
     */
    private Read<List<JsonNode>> queryIn(String template, Collection<String> ids, String permission,
                                         boolean tooling) {
        String call = (tooling ? "tooling " : "query ") + SalesforceApi.object(template);
        List<String> list = new ArrayList<>(new TreeSet<>(ids));
        List<JsonNode> all = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            String in = quoted(list.subList(i, Math.min(list.size(), i + CHUNK)));
            Read<List<JsonNode>> r = run(template.replace("%s", in), permission, tooling);
            if (!r.ok()) {
                return r;
            }
            all.addAll(r.value());
        }
        return Read.ok(all, call, permission);
    }

    private static void addId(Set<String> into, JsonNode value) {
        String v = value == null || value.isNull() ? "" : value.asText("");
        if (ID.matcher(v).matches()) {
            into.add(v);
        }
    }

}
