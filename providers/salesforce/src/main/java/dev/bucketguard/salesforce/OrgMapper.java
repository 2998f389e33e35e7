package dev.bucketguard.salesforce;

import static dev.bucketguard.cloud.salesforce.SalesforceFacts.APEX_CLASSES;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.CONTENT_DISTRIBUTION;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.EVENT_LOGS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.EVENT_SETTINGS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.EXTERNAL_SHARING;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.FIELD_CLASSIFICATION;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.FIELD_PERMISSIONS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.FLOWS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.GUEST_USER;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.HEALTH_CHECK;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.LEGACY_ACCESS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.MEMBER_ACCESS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.OBJECT_PERMISSIONS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.PUBLIC_ACCESS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.SCANNER_PERMISSIONS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.SHARE_COUNTS;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.SHARING_RULES;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.SITES;
import static dev.bucketguard.cloud.salesforce.SalesforceFacts.SYSTEM_PERMISSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bucketguard.cloud.salesforce.ApexClassAccess;
import dev.bucketguard.cloud.salesforce.ApexEntryPoint;
import dev.bucketguard.cloud.salesforce.ApexSharing;
import dev.bucketguard.cloud.salesforce.ExperienceNetwork;
import dev.bucketguard.cloud.salesforce.ExternalSharing;
import dev.bucketguard.cloud.salesforce.FieldAccess;
import dev.bucketguard.cloud.salesforce.FieldClassification;
import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.cloud.salesforce.FlowAccess;
import dev.bucketguard.cloud.salesforce.GuestUser;
import dev.bucketguard.cloud.salesforce.LegacyRecords;
import dev.bucketguard.cloud.salesforce.MemberAccess;
import dev.bucketguard.cloud.salesforce.ObjectAccess;
import dev.bucketguard.cloud.salesforce.OrgDetails;
import dev.bucketguard.cloud.salesforce.PermissionSource;
import dev.bucketguard.cloud.salesforce.SalesforceGrants;
import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.cloud.salesforce.ShareCount;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.cloud.salesforce.SiteSettings;
import dev.bucketguard.cloud.salesforce.SystemPermission;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps what {@link OrgReader} read onto rules/salesforce's model: one SITE per site (an Experience site's two
 * {@code Site} rows and its {@code Network} are one), one FILE_LINK per public link, and the ORG. A site fact is
 * known when every query behind it was read; otherwise it is an {@link Unknown} naming the query and the permission.
 * The ORG collects every fact asked for and carries, per fact, the first query that failed anywhere in the org: it
 * is where the permissions the scanning user lacks are listed.
 */
final class OrgMapper {
    /** The facts a SITE collects. */
    static final Set<Fact> SITE_FACTS = Set.of(SITES, GUEST_USER, SYSTEM_PERMISSIONS, OBJECT_PERMISSIONS,
            FIELD_PERMISSIONS, FIELD_CLASSIFICATION, SHARING_RULES, SHARE_COUNTS, LEGACY_ACCESS, APEX_CLASSES, FLOWS,
            EXTERNAL_SHARING, MEMBER_ACCESS, PUBLIC_ACCESS);

    /** Record key prefixes of the objects a public link can be related to. */
    static final Map<String, String> KEY_PREFIXES = Map.of("001", "Account", "003", "Contact", "00Q", "Lead",
            "500", "Case", "006", "Opportunity", "701", "Campaign", "02s", "EmailMessage", "0XB", "ListEmail");

    private static final String METADATA_CALL_RULES = "readMetadata SharingRules";
    private static final String METADATA_CALL_BUNDLE = "retrieve ExperienceBundle";
    private static final String METADATA_CALL_EVENTS = "readMetadata EventSettings";

    private final OrgData d;
    private final Set<Fact> facts;
    private final String account;
    private final boolean metadata;
    private final Instant readAt;
    /** Per fact, the first failure anywhere in the org, for the ORG resource. */
    private final Map<Fact, Unknown> orgUnknowns = new TreeMap<>();

    OrgMapper(OrgData d, Set<Fact> facts, String fallbackAccount, boolean metadata, Instant readAt) {
        this.d = d;
        this.facts = facts;
        String org = d.organization != null && d.organization.ok() && d.organization.value() != null
                ? d.organization.value().path("Id").asText("") : "";
        this.account = org.isBlank() ? fallbackAccount : org;
        this.metadata = metadata;
        this.readAt = readAt;
    }

    String account() {
        return account;
    }

    /** The resources: the sites by id, then the links by id, then the org. */
    List<Resource> resources() {
        List<Resource> sites = sites();
        List<Resource> links = links();
        List<Resource> out = new ArrayList<>(sites);
        out.addAll(links);
        out.add(org(sites, links));
        return out;
    }

    // ---------------------------------------------------------------- sites

    /** One site resource's rows: the representative {@code Site} row, and its network (or why none). */
    private record SiteRows(String id, JsonNode site, boolean experience, JsonNode network, String networkProblem) {
    }

    private List<Resource> sites() {
        if (d.sites == null) {
            return List.of();
        }
        if (!d.sites.ok()) {
            orgUnknown(SITES, d.sites);
            return List.of();
        }
        Map<String, Resource> byId = new TreeMap<>();
        for (SiteRows rows : group()) {
            Resource r = site(rows);
            byId.putIfAbsent(r.id(), r);
        }
        return new ArrayList<>(byId.values());
    }

    /** Plain sites one by one; an Experience site's rows grouped by guest user, matched to one Network. */
    private List<SiteRows> group() {
        List<SiteRows> out = new ArrayList<>();
        Map<String, List<JsonNode>> experience = new TreeMap<>();
        for (JsonNode s : d.sites.value()) {
            String type = text(s, "SiteType");
            if (type != null && type.startsWith("ChatterNetwork")) {
                String key = Objects.requireNonNullElse(text(s, "GuestUserId"), text(s, "Id"));
                experience.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>()).add(s);
            } else {
                out.add(new SiteRows(name(s), s, false, null, null));
            }
        }
        for (List<JsonNode> rows : experience.values()) {
            JsonNode main = rows.stream().filter(s -> "ChatterNetwork".equals(text(s, "SiteType"))).findFirst()
                    .orElse(rows.get(0));
            Set<String> prefixes = new TreeSet<>();
            rows.forEach(s -> prefixes.add(prefix(text(s, "UrlPathPrefix"))));
            List<JsonNode> matches = new ArrayList<>();
            if (d.networks != null && d.networks.ok()) {
                for (JsonNode n : d.networks.value()) {
                    if (prefixes.contains(prefix(text(n, "UrlPathPrefix")))) {
                        matches.add(n);
                    }
                }
            }
            if (matches.size() == 1) {
                out.add(new SiteRows(name(matches.get(0)), main, true, matches.get(0), null));
            } else {
                out.add(new SiteRows(name(main), main, true, null, networkProblem(main, matches)));
            }
        }
        return out;
    }

    private static String name(JsonNode row) {
        String n = text(row, "Name");
        return n != null ? n : Objects.requireNonNullElse(text(row, "Id"), "unnamed");
    }

    /** A path prefix without the Experience site's Visualforce suffix ({@code applyvforcesite}) or a sub-path. */
    static String prefix(String p) {
        if (p == null) {
            return "";
        }
        String s = p.strip();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        return s.endsWith("vforcesite") ? s.substring(0, s.length() - "vforcesite".length()) : s;
    }

    private String networkProblem(JsonNode site, List<JsonNode> matches) {
        String prefix = Objects.requireNonNullElse(text(site, "UrlPathPrefix"), "");
        if (matches.size() > 1) {
            List<String> names = matches.stream().map(OrgMapper::name).sorted().toList();
            return "ambiguous: " + matches.size() + " Networks (" + String.join(", ", names) + ") match guest user "
                    + text(site, "GuestUserId") + " and path prefix '" + prefix + "'; none was chosen";
        }
        if (d.networks == null || !d.networks.ok()) {
            return "the Network list could not be read: " + describe(d.networks);
        }
        if (!scannerHolds("PermissionsViewAllData") && !scannerHolds("PermissionsCreateNetworks")) {
            return "the Network list is partial: the scanning user lacks View All Data and Create and Set Up"
                    + " Experiences, and no listed Network has the path prefix '" + prefix + "'";
        }
        return "no Network has the path prefix '" + prefix + "'";
    }

    private boolean scannerHolds(String permission) {
        return d.scanner != null && d.scanner.ok() && d.scanner.value() != null
                && d.scanner.value().path(permission).asBoolean(false);
    }

    /** The permission sets of one guest's union, and the muting sets subtracted from its groups. */
    private record Union(Map<String, PermissionSource> sets, Set<String> muting) {
        String describe(String id) {
            PermissionSource s = sets.get(id);
            return s == null ? id : s.describe();
        }
    }

    private Resource site(SiteRows rows) {
        Resource.Builder b = Resource.builder(SalesforceCloud.ID, account, rows.id()).kind(SalesforceCloud.SITE);
        Set<Fact> asked = new TreeSet<>(facts);
        asked.retainAll(SITE_FACTS);
        b.collected(asked);
        String guestId = text(rows.site(), "GuestUserId");

        SiteSettings settings = asked.contains(SITES) ? settings(rows) : null;

        // The guest's union: its user, profile, assignments and permission sets.
        Read<Union> union = union(guestId);
        GuestUser guest = null;
        if (asked.contains(GUEST_USER)) {
            if (union.ok()) {
                guest = guestUser(guestId, union.value());
            } else {
                unknown(b, GUEST_USER, union);
            }
        }
        Union u = union.ok() ? union.value() : null;

        List<SystemPermission> system = null;
        if (asked.contains(SYSTEM_PERMISSIONS)) {
            system = u != null ? systemPermissions(u) : unknownList(b, SYSTEM_PERMISSIONS, union);
        }
        // What this guest's union grants, worked out once: the reported lists and the objects it reaches use it.
        List<ObjectAccess> granted = u != null && ok(d.objectPermissions) ? objectAccess(u, d.objectPermissions.value())
                : null;
        List<ApexClassAccess> callable = u != null && ok(d.setupEntityAccess) && ok(d.apexClasses) ? apexClasses(u)
                : null;
        List<FlowAccess> runnable = u != null && ok(d.setupEntityAccess) && ok(d.flows) ? flows(u) : null;
        List<ObjectAccess> objects = null;
        if (asked.contains(OBJECT_PERMISSIONS)) {
            objects = granted != null ? granted : unknownList(b, OBJECT_PERMISSIONS,
                    u != null ? d.objectPermissions : union.map(x -> List.of()));
        }
        List<ApexClassAccess> apex = null;
        if (asked.contains(APEX_CLASSES)) {
            apex = callable != null && (d.apexPages == null || d.apexPages.ok()) ? callable : unknownList(b,
                    APEX_CLASSES, firstFailure(union, d.setupEntityAccess, d.apexPages, d.apexClasses));
        }
        List<FlowAccess> flows = null;
        if (asked.contains(FLOWS)) {
            flows = runnable != null ? runnable
                    : unknownList(b, FLOWS, firstFailure(union, d.setupEntityAccess, d.flows));
        }
        // The objects this guest reaches: Read in its union, or named by its callable Apex and runnable flows.
        Set<String> reached = new TreeSet<>();
        if (granted != null) {
            granted.stream().filter(ObjectAccess::read).forEach(o -> reached.add(o.object()));
        }
        if (callable != null) {
            callable.forEach(c -> reached.addAll(c.objects()));
        }
        if (runnable != null) {
            runnable.forEach(f -> reached.addAll(f.objects()));
        }

        List<FieldAccess> fields = null;
        if (asked.contains(FIELD_PERMISSIONS)) {
            Read<List<JsonNode>> fps = u != null ? d.fieldPermissions : union.map(x -> List.of());
            fields = fps != null && fps.ok() ? fieldAccess(u, fps.value(), asked.contains(FIELD_CLASSIFICATION))
                    : unknownList(b, FIELD_PERMISSIONS, fps);
        }
        if (asked.contains(FIELD_CLASSIFICATION)) {
            Read<?> failed = u == null ? union : firstFailure(reached.stream().map(d.fieldDefinitions::get)
                    .filter(Objects::nonNull).toArray(Read[]::new));
            if (failed != null && !failed.ok()) {
                unknown(b, FIELD_CLASSIFICATION, failed);
            }
        }
        List<ShareCount> shares = null;
        if (asked.contains(SHARE_COUNTS)) {
            shares = u != null ? shareCounts(guestId, reached) : unknownList(b, SHARE_COUNTS, union);
        }
        List<LegacyRecords> legacy = null;
        List<String> groups = null;
        if (asked.contains(LEGACY_ACCESS)) {
            if (u != null && ok(d.groupMembers)) {
                groups = groupsOf(guestId);
                legacy = legacyRecords(guestId, groups, reached);
            } else {
                legacy = unknownList(b, LEGACY_ACCESS, firstFailure(union, d.groupMembers));
            }
        }
        MemberAccess members = null;
        if (asked.contains(MEMBER_ACCESS)) {
            Read<?> failed = !rows.experience() ? null : rows.network() == null
                    ? Read.failed("query Network", Permissions.NETWORKS, rows.networkProblem())
                    : firstFailure(d.memberGroups, d.permissionSets, d.objectPermissions);
            if (failed == null || failed.ok()) {
                members = memberAccess(rows.network());
            } else {
                unknown(b, MEMBER_ACCESS, failed);
            }
        }
        List<ExternalSharing> external = null;
        if (asked.contains(EXTERNAL_SHARING)) {
            // The defaults of what the guest reaches, and of what members and self-registration read (step 6).
            Set<String> involved = new TreeSet<>(reached);
            if (members != null) {
                involved.addAll(members.objectsRead());
                involved.addAll(members.selfRegObjectsRead());
            }
            Read<?> failed = u == null ? union : involved.isEmpty() ? null : firstFailure(d.entities);
            external = failed == null || failed.ok() ? externalSharing(involved) : unknownList(b, EXTERNAL_SHARING,
                    failed);
        }
        if (asked.contains(SHARING_RULES)) {
            metadataUnknown(b, SHARING_RULES, METADATA_CALL_RULES);
        }
        if (asked.contains(PUBLIC_ACCESS)) {
            metadataUnknown(b, PUBLIC_ACCESS, METADATA_CALL_BUNDLE);
        }
        SiteDetails details = new SiteDetails(settings, guest, system, objects, fields,
                asked.contains(SHARING_RULES) ? null : List.of(), shares, legacy, groups, apex, flows, external,
                members, null);
        return b.grants(SalesforceGrants.site(details)).details(SalesforceDetails.of(details)).build();
    }

    private SiteSettings settings(SiteRows rows) {
        JsonNode s = rows.site();
        JsonNode n = rows.network();
        ExperienceNetwork network = n == null ? null : new ExperienceNetwork(text(n, "Id"), name(n),
                Objects.requireNonNullElse(text(n, "Status"), "unknown"), text(n, "UrlPathPrefix"),
                bool(n, "OptionsGuestFileAccessEnabled"), bool(n, "OptionsGuestMemberVisibility"),
                bool(n, "OptionsGuestChatterEnabled"), bool(n, "OptionsSelfRegistrationEnabled"),
                text(n, "SelfRegProfileId"));
        return new SiteSettings(text(s, "Id"), name(s), text(s, "SiteType"),
                Objects.requireNonNullElse(text(s, "Status"), "unknown"), text(s, "UrlPathPrefix"),
                text(s, "GuestUserId"), text(s, "GuestRecordDefaultOwnerId"), bool(s, "OptionsAllowGuestSupportApi"),
                bool(s, "OptionsAllowGuestPaymentsApi"), rows.experience(), network, rows.networkProblem());
    }

    private Read<Union> union(String guestId) {
        if (guestId == null) {
            return Read.failed("query Site", Permissions.VIEW_SETUP, "the site names no guest user");
        }
        Read<?> failed = firstFailure(d.guestUsers, d.assignments, d.permissionSets, d.groupComponents);
        if (d.guestUsers == null) {
            failed = Read.failed("query User", Permissions.API, "not read");
        }
        if (failed != null && !failed.ok()) {
            return Read.failed(failed.call(), failed.permission(), failed.error());
        }
        JsonNode user = d.guestUsers.value().stream().filter(x -> guestId.equals(text(x, "Id"))).findFirst()
                .orElse(null);
        if (user == null) {
            return Read.failed("query User", Permissions.API, "the guest user " + guestId + " was not returned");
        }
        String profile = text(user, "ProfileId");
        // Hash sets: a row's id may be null, and a TreeSet cannot even be asked about null.
        Set<String> assigned = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (JsonNode a : d.assignments.value()) {
            if (guestId.equals(text(a, "AssigneeId"))) {
                add(assigned, text(a, "PermissionSetId"));
                add(groups, text(a, "PermissionSetGroupId"));
            }
        }
        Map<String, PermissionSource> sets = new TreeMap<>();
        for (JsonNode p : d.permissionSets.value()) {
            String id = text(p, "Id");
            if (id == null) {
                continue;
            }
            if (profile != null && profile.equals(text(p, "ProfileId")) && p.path("IsOwnedByProfile").asBoolean(true)) {
                String name = Objects.requireNonNullElse(text(p.path("Profile"), "Name"), name(p));
                sets.put(id, new PermissionSource(id, name, PermissionSource.Type.PROFILE));
            } else if (groups.contains(text(p, "PermissionSetGroupId"))) {
                sets.put(id, new PermissionSource(id, label(p), PermissionSource.Type.PERMISSION_SET_GROUP));
            } else if (assigned.contains(id)) {
                sets.put(id, new PermissionSource(id, label(p), PermissionSource.Type.PERMISSION_SET));
            }
        }
        Set<String> muting = new HashSet<>();
        if (d.groupComponents != null) {
            for (JsonNode c : d.groupComponents.value()) {
                String id = text(c, "PermissionSetId");
                if (groups.contains(text(c, "PermissionSetGroupId")) && id != null && id.startsWith("0QM")) {
                    muting.add(id);
                }
            }
        }
        return Read.ok(new Union(new LinkedHashMap<>(sets), muting), "query PermissionSet", Permissions.VIEW_SETUP);
    }

    private static String label(JsonNode p) {
        return Objects.requireNonNullElse(text(p, "Label"), name(p));
    }

    private GuestUser guestUser(String guestId, Union u) {
        JsonNode user = d.guestUsers.value().stream().filter(x -> guestId.equals(text(x, "Id"))).findFirst()
                .orElseThrow();
        PermissionSource profile = u.sets().values().stream()
                .filter(s -> s.type() == PermissionSource.Type.PROFILE).findFirst().orElse(null);
        return new GuestUser(guestId, user.path("IsActive").asBoolean(true), text(user, "ProfileId"),
                profile == null ? null : profile.name(), new ArrayList<>(u.sets().values()),
                new ArrayList<>(u.muting()));
    }

    private static final String[][] SYSTEM = {{"PermissionsApiEnabled", SystemPermission.API_ENABLED},
        {"PermissionsViewAllData", SystemPermission.VIEW_ALL_DATA},
        {"PermissionsModifyAllData", SystemPermission.MODIFY_ALL_DATA},
        {"PermissionsViewAllUsers", SystemPermission.VIEW_ALL_USERS},
        {"PermissionsRunFlow", SystemPermission.RUN_FLOWS}};

    private List<SystemPermission> systemPermissions(Union u) {
        List<SystemPermission> out = new ArrayList<>();
        for (String[] p : SYSTEM) {
            List<String> sources = new ArrayList<>();
            for (JsonNode ps : d.permissionSets.value()) {
                if (u.sets().containsKey(text(ps, "Id")) && ps.path(p[0]).asBoolean(false)) {
                    sources.add(u.describe(text(ps, "Id")));
                }
            }
            if (!sources.isEmpty()) {
                out.add(new SystemPermission(p[1], sources));
            }
        }
        return out;
    }

    private static final String[] OBJECT_FLAGS = {"PermissionsRead", "PermissionsCreate", "PermissionsEdit",
        "PermissionsDelete", "PermissionsViewAllRecords", "PermissionsModifyAllRecords"};

    /** OR over the union's rows per object, minus what a muting set of its groups removes. */
    private static List<ObjectAccess> objectAccess(Union u, List<JsonNode> rows) {
        Map<String, boolean[]> flags = new TreeMap<>();
        Map<String, boolean[]> muted = new TreeMap<>();
        Map<String, List<String>> sources = new TreeMap<>();
        Map<String, Instant> modified = new TreeMap<>();
        for (JsonNode r : rows) {
            String parent = text(r, "ParentId");
            String object = text(r, "SobjectType");
            if (object == null || parent == null) {
                continue;
            }
            boolean mute = u.muting().contains(parent);
            if (!mute && !u.sets().containsKey(parent)) {
                continue;
            }
            boolean[] f = (mute ? muted : flags).computeIfAbsent(object, k -> new boolean[OBJECT_FLAGS.length]);
            for (int i = 0; i < OBJECT_FLAGS.length; i++) {
                f[i] |= r.path(OBJECT_FLAGS[i]).asBoolean(false);
            }
            if (!mute) {
                sources.computeIfAbsent(object, k -> new ArrayList<>()).add(u.describe(parent));
                Instant m = Dates.instant(r.get("LastModifiedDate"));
                if (m != null) {
                    modified.merge(object, m, (a, c) -> a.isAfter(c) ? a : c);
                }
            }
        }
        List<ObjectAccess> out = new ArrayList<>();
        flags.forEach((object, f) -> {
            boolean[] m = muted.getOrDefault(object, new boolean[OBJECT_FLAGS.length]);
            Instant last = modified.get(object);
            out.add(new ObjectAccess(object, f[0] && !m[0], f[1] && !m[1], f[2] && !m[2], f[3] && !m[3],
                    f[4] && !m[4], f[5] && !m[5], sources.get(object), last == null ? null : last.toString()));
        });
        return out;
    }

    private List<FieldAccess> fieldAccess(Union u, List<JsonNode> rows, boolean classify) {
        Map<String, boolean[]> flags = new TreeMap<>();
        Map<String, Boolean> muted = new TreeMap<>();
        Map<String, List<String>> sources = new TreeMap<>();
        for (JsonNode r : rows) {
            String parent = text(r, "ParentId");
            String field = text(r, "Field");
            if (field == null || parent == null || !field.contains(".")) {
                continue;
            }
            if (u.muting().contains(parent)) {
                muted.merge(field, r.path("PermissionsRead").asBoolean(false), Boolean::logicalOr);
                continue;
            }
            if (!u.sets().containsKey(parent)) {
                continue;
            }
            boolean[] f = flags.computeIfAbsent(field, k -> new boolean[2]);
            f[0] |= r.path("PermissionsRead").asBoolean(false);
            f[1] |= r.path("PermissionsEdit").asBoolean(false);
            sources.computeIfAbsent(field, k -> new ArrayList<>()).add(u.describe(parent));
        }
        List<FieldAccess> out = new ArrayList<>();
        flags.forEach((qualified, f) -> {
            String object = qualified.substring(0, qualified.indexOf('.'));
            String field = qualified.substring(qualified.indexOf('.') + 1);
            boolean read = f[0] && !muted.getOrDefault(qualified, false);
            if (read || f[1]) {
                out.add(new FieldAccess(object, field, read, f[1], sources.get(qualified),
                        classify ? classification(object, field) : null));
            }
        });
        return out;
    }

    private FieldClassification classification(String object, String field) {
        Read<List<JsonNode>> defs = d.fieldDefinitions.get(object);
        if (defs == null || !defs.ok()) {
            return null;
        }
        for (JsonNode def : defs.value()) {
            if (field.equalsIgnoreCase(text(def, "QualifiedApiName"))) {
                String groups = text(def, "ComplianceGroup");
                return new FieldClassification(text(def, "SecurityClassification"), groups == null ? List.of()
                        : Arrays.stream(groups.split(";")).map(String::strip).filter(g -> !g.isEmpty()).toList());
            }
        }
        return FieldClassification.UNCLASSIFIED;
    }

    /** Classes granted to the union (or controlling a page granted to it) that a guest can call into. */
    private List<ApexClassAccess> apexClasses(Union u) {
        Map<String, List<String>> via = new TreeMap<>();
        Set<String> pages = new HashSet<>();
        for (JsonNode a : d.setupEntityAccess.value()) {
            if (!u.sets().containsKey(text(a, "ParentId")) || text(a, "SetupEntityId") == null) {
                continue;
            }
            String type = text(a, "SetupEntityType");
            if ("ApexClass".equals(type)) {
                via.computeIfAbsent(text(a, "SetupEntityId"), k -> new ArrayList<>()).add(u.describe(text(a,
                        "ParentId")));
            } else if ("ApexPage".equals(type)) {
                pages.add(text(a, "SetupEntityId"));
            }
        }
        Map<String, List<String>> controllerOf = new TreeMap<>();
        if (d.apexPages != null && d.apexPages.ok()) {
            for (JsonNode p : d.apexPages.value()) {
                if (pages.contains(text(p, "Id")) && text(p, "ControllerKey") != null) {
                    controllerOf.computeIfAbsent(text(p, "ControllerKey"), k -> new ArrayList<>())
                            .add("Visualforce page '" + name(p) + "'");
                }
            }
        }
        List<ApexClassAccess> out = new ArrayList<>();
        for (JsonNode c : d.apexClasses.value()) {
            String id = text(c, "Id");
            String name = name(c);
            List<String> paths = new ArrayList<>(id == null ? List.of() : via.getOrDefault(id, List.of()));
            List<String> pageVia = controllerOf.getOrDefault(name, List.of());
            paths.addAll(pageVia);
            if (paths.isEmpty()) {
                continue;
            }
            String namespace = text(c, "NamespacePrefix");
            String body = text(c, "Body");
            boolean hidden = body == null || body.isBlank() || "(hidden)".equals(body.strip());
            ApexSource src = hidden ? new ApexSource(Set.of(), null, Set.of(), false, false) : ApexSource.scan(body);
            List<ApexEntryPoint> entries = new ArrayList<>();
            for (String e : src.entryPoints()) {
                entries.add(switch (e) {
                    case "@auraenabled" -> ApexEntryPoint.AURA_ENABLED;
                    case "@restresource" -> ApexEntryPoint.REST_RESOURCE;
                    case "@invocablemethod" -> ApexEntryPoint.INVOCABLE_METHOD;
                    default -> ApexEntryPoint.WEBSERVICE;
                });
            }
            if (!pageVia.isEmpty()) {
                entries.add(ApexEntryPoint.VISUALFORCE_CONTROLLER);
            }
            if (entries.isEmpty() && !hidden) {
                continue; // no way in for a guest
            }
            ApexSharing sharing = hidden ? ApexSharing.UNREAD : src.sharing() == null ? ApexSharing.OMITTED
                    : switch (src.sharing()) {
                        case "with" -> ApexSharing.WITH_SHARING;
                        case "without" -> ApexSharing.WITHOUT_SHARING;
                        default -> ApexSharing.INHERITED_SHARING;
                    };
            String version = c.path("ApiVersion").isNumber() ? String.format(java.util.Locale.ROOT, "%.1f",
                    c.path("ApiVersion").asDouble()) : text(c, "ApiVersion");
            out.add(new ApexClassAccess(id, namespace == null ? name : namespace + "__" + name, namespace, version,
                    sharing, entries, new ArrayList<>(src.objects()), src.dynamicSoql(), src.userMode(), hidden,
                    paths));
        }
        return out;
    }

    private List<FlowAccess> flows(Union u) {
        Map<String, List<String>> via = new TreeMap<>();
        for (JsonNode a : d.setupEntityAccess.value()) {
            if (u.sets().containsKey(text(a, "ParentId")) && "FlowDefinition".equals(text(a, "SetupEntityType"))
                    && text(a, "SetupEntityId") != null) {
                via.computeIfAbsent(text(a, "SetupEntityId"), k -> new ArrayList<>()).add(u.describe(text(a,
                        "ParentId")));
            }
        }
        List<FlowAccess> out = new ArrayList<>();
        via.forEach((definition, paths) -> {
            JsonNode active = d.flows.value().stream().filter(f -> definition.equals(text(f, "DefinitionId")))
                    .findFirst().orElse(null);
            if (active == null) {
                out.add(new FlowAccess(definition, definition, false, null, null, List.of(), true, paths));
                return;
            }
            Read<List<JsonNode>> metadata = d.flowMetadata.get(text(active, "Id"));
            boolean read = metadata != null && metadata.ok() && !metadata.value().isEmpty()
                    && metadata.value().get(0).path("Metadata").isObject();
            List<String> objects = read ? new ArrayList<>(OrgReader.flowObjects(metadata.value().get(0))) : List.of();
            out.add(new FlowAccess(definition, Objects.requireNonNullElse(text(active, "MasterLabel"), definition),
                    true, text(active, "ProcessType"), text(active, "RunInMode"), objects, !read, paths));
        });
        return out;
    }

    /** The guest's share rows per object and cause; GuestRule is always listed (0 when there is none). */
    private List<ShareCount> shareCounts(String guestId, Set<String> objects) {
        List<ShareCount> out = new ArrayList<>();
        for (String object : objects) {
            Read<List<JsonNode>> r = d.shareCounts.get(object);
            if (r == null) {
                continue;
            }
            if (!r.ok()) {
                out.add(new ShareCount(object, ShareCount.GUEST_RULE, null, describe(r)));
                continue;
            }
            Map<String, Long> byCause = new TreeMap<>();
            byCause.put(ShareCount.GUEST_RULE, 0L);
            for (JsonNode row : r.value()) {
                String cause = text(row, "RowCause");
                if (guestId.equals(text(row, "UserOrGroupId")) && (ShareCount.GUEST_RULE.equals(cause)
                        || ShareCount.GUEST_PARENT_IMPLICIT.equals(cause))) {
                    byCause.merge(cause, count(row), Long::sum);
                }
            }
            byCause.forEach((cause, n) -> out.add(new ShareCount(object, cause, n, null)));
        }
        return out;
    }

    private List<String> groupsOf(String guestId) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : d.groupMembers.value()) {
            if (guestId.equals(text(g, "UserOrGroupId")) && text(g, "GroupId") != null) {
                out.add(text(g, "GroupId"));
            }
        }
        return out;
    }

    /** Owner rows of the guest, and rows to it or its groups with a cause other than the guest rules. */
    private List<LegacyRecords> legacyRecords(String guestId, List<String> groups, Set<String> objects) {
        List<LegacyRecords> out = new ArrayList<>();
        for (String object : objects) {
            Read<List<JsonNode>> r = d.shareCounts.get(object);
            if (r == null) {
                continue;
            }
            if (!r.ok()) {
                out.add(new LegacyRecords(object, null, null, describe(r)));
                continue;
            }
            long owned = 0;
            long shared = 0;
            for (JsonNode row : r.value()) {
                String holder = text(row, "UserOrGroupId");
                String cause = Objects.requireNonNullElse(text(row, "RowCause"), "");
                if (guestId.equals(holder) && cause.equals("Owner")) {
                    owned += count(row);
                } else if ((guestId.equals(holder) || groups.contains(holder)) && !cause.equals(ShareCount.GUEST_RULE)
                        && !cause.equals(ShareCount.GUEST_PARENT_IMPLICIT) && !cause.equals("Owner")) {
                    shared += count(row);
                }
            }
            out.add(new LegacyRecords(object, owned, shared, null));
        }
        return out;
    }

    private List<ExternalSharing> externalSharing(Set<String> objects) {
        List<ExternalSharing> out = new ArrayList<>();
        if (d.entities == null || !d.entities.ok()) {
            return out;
        }
        for (JsonNode e : d.entities.value()) {
            String object = text(e, "QualifiedApiName");
            if (object != null && objects.contains(object)) {
                out.add(new ExternalSharing(object, text(e, "InternalSharingModel"), text(e, "ExternalSharingModel")));
            }
        }
        return out;
    }

    /** The network's member profiles and permission sets, what they read, and what self-registration reads. */
    private MemberAccess memberAccess(JsonNode network) {
        if (network == null) {
            return new MemberAccess(List.of(), List.of(), List.of());
        }
        String networkId = text(network, "Id");
        Set<String> parents = new HashSet<>();
        if (d.memberGroups != null) {
            for (JsonNode m : d.memberGroups.value()) {
                if (Objects.equals(networkId, text(m, "NetworkId"))) {
                    add(parents, text(m, "ParentId"));
                }
            }
        }
        List<String> names = new ArrayList<>();
        Set<String> memberSets = new HashSet<>();
        Set<String> selfRegSets = new HashSet<>();
        String selfReg = Boolean.TRUE.equals(bool(network, "OptionsSelfRegistrationEnabled"))
                ? text(network, "SelfRegProfileId") : null;
        for (JsonNode p : d.permissionSets.value()) {
            String id = text(p, "Id");
            String profile = text(p, "ProfileId");
            boolean owned = p.path("IsOwnedByProfile").asBoolean(false);
            if (id != null && (owned && parents.contains(profile) || !owned && parents.contains(id))) {
                memberSets.add(id);
                names.add(owned ? "profile '" + Objects.requireNonNullElse(text(p.path("Profile"), "Name"), profile)
                        + "'" : "permission set '" + label(p) + "'");
            }
            if (owned && id != null && selfReg != null && selfReg.equals(profile)) {
                selfRegSets.add(id);
            }
        }
        return new MemberAccess(names, readObjects(memberSets), readObjects(selfRegSets));
    }

    private List<String> readObjects(Set<String> sets) {
        Set<String> out = new TreeSet<>();
        for (JsonNode r : d.objectPermissions.value()) {
            if (sets.contains(text(r, "ParentId")) && r.path("PermissionsRead").asBoolean(false)) {
                add(out, text(r, "SobjectType"));
            }
        }
        return new ArrayList<>(out);
    }

    // ---------------------------------------------------------------- links

    private List<Resource> links() {
        if (d.distributions == null) {
            return List.of();
        }
        if (!d.distributions.ok()) {
            orgUnknown(CONTENT_DISTRIBUTION, d.distributions);
            return List.of();
        }
        Map<String, Resource> byId = new TreeMap<>();
        for (JsonNode l : d.distributions.value()) {
            String id = text(l, "Id");
            if (id == null) {
                continue;
            }
            Resource.Builder b = Resource.builder(SalesforceCloud.ID, account, id).kind(SalesforceCloud.FILE_LINK);
            if (facts.contains(CONTENT_DISTRIBUTION)) {
                b.collected(CONTENT_DISTRIBUTION);
                FileLink link = link(l);
                b.details(SalesforceDetails.of(link));
                Grant grant = SalesforceGrants.link(link);
                if (grant != null) {
                    b.grant(grant);
                }
            }
            byId.put(id, b.build());
        }
        return new ArrayList<>(byId.values());
    }

    private FileLink link(JsonNode l) {
        String related = text(l, "RelatedRecordId");
        String relatedObject = related == null || related.length() < 3 ? null : relatedObject(related.substring(0, 3));
        return new FileLink(text(l, "Id"), text(l, "Name"), text(l, "ContentDocumentId"), text(l, "OwnerId"),
                related, relatedObject, l.path("PreferencesPasswordRequired").asBoolean(false),
                l.path("PreferencesExpires").asBoolean(false), Dates.iso(l.get("ExpiryDate")),
                l.path("PreferencesAllowOriginalDownload").asBoolean(false),
                l.path("PreferencesAllowPDFDownload").asBoolean(false),
                l.path("PreferencesAllowViewInBrowser").asBoolean(false),
                l.path("PreferencesLinkLatestVersion").asBoolean(false), Math.max(0, l.path("ViewCount").asLong(0)),
                Dates.iso(l.get("FirstViewDate")), Dates.iso(l.get("LastViewDate")), Dates.iso(l.get("CreatedDate")),
                readAt.toString());
    }

    /** The object of a key prefix: a standard one known by heart, else as EntityDefinition answered; null if not. */
    private String relatedObject(String prefix) {
        String known = KEY_PREFIXES.get(prefix);
        if (known != null || d.keyPrefixes == null || !d.keyPrefixes.ok()) {
            return known;
        }
        return d.keyPrefixes.value().stream().filter(e -> prefix.equals(text(e, "KeyPrefix")))
                .map(e -> text(e, "QualifiedApiName")).filter(Objects::nonNull).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- org

    private Resource org(List<Resource> sites, List<Resource> links) {
        Resource.Builder b = Resource.builder(SalesforceCloud.ID, account, account).kind(SalesforceCloud.ORG);
        b.collected(facts);
        // Every site-level failure, once per fact, on the org: the permissions the scanning user lacks.
        for (Resource s : sites) {
            for (Unknown u : s.unknowns()) {
                orgUnknowns.putIfAbsent(u.fact(), u);
            }
        }
        if (facts.contains(SITES) && d.sites == null) {
            orgUnknowns.putIfAbsent(SITES, new Unknown(SITES, "query Site", Permissions.VIEW_SETUP, "not read"));
        }
        if (facts.contains(SITES) && d.networks != null && !d.networks.ok()) {
            orgUnknown(SITES, d.networks);
        }
        OrgDetails.EventLogs events = null;
        if (facts.contains(EVENT_LOGS)) {
            if (ok(d.eventLogs)) {
                events = eventLogs(d.eventLogs.value());
            } else {
                orgUnknown(EVENT_LOGS, d.eventLogs == null ? Read.failed("query EventLogFile",
                        Permissions.EVENT_LOG_FILES, "not read") : d.eventLogs);
            }
        }
        OrgDetails.EventSettings eventSettings = null;
        if (facts.contains(EVENT_SETTINGS)) {
            if (!metadata || d.eventSettings == null) {
                orgUnknowns.putIfAbsent(EVENT_SETTINGS, metadataUnknown(EVENT_SETTINGS, METADATA_CALL_EVENTS));
            } else if (d.eventSettings.ok()) {
                eventSettings = eventSettings(d.eventSettings.value());
            } else {
                orgUnknown(EVENT_SETTINGS, d.eventSettings);
            }
        }
        List<OrgDetails.HealthCheckRisk> health = null;
        if (facts.contains(HEALTH_CHECK)) {
            if (ok(d.healthCheck)) {
                health = new ArrayList<>();
                for (JsonNode h : d.healthCheck.value()) {
                    if (text(h, "Setting") != null && text(h, "RiskType") != null) {
                        health.add(new OrgDetails.HealthCheckRisk(text(h, "Setting"), text(h, "SettingGroup"),
                                text(h, "OrgValue"), text(h, "StandardValue"), text(h, "RiskType")));
                    }
                }
            } else {
                orgUnknown(HEALTH_CHECK, d.healthCheck);
            }
        }
        OrgDetails.ScannerPermissions scanner = null;
        if (facts.contains(SCANNER_PERMISSIONS)) {
            if (d.scanner != null && d.scanner.ok() && d.scanner.value() != null) {
                List<String> held = new ArrayList<>();
                d.scanner.value().fields().forEachRemaining(e -> {
                    if (e.getKey().startsWith("Permissions") && e.getValue().asBoolean(false)) {
                        held.add(e.getKey().substring("Permissions".length()));
                    }
                });
                scanner = new OrgDetails.ScannerPermissions(held);
            } else {
                orgUnknown(SCANNER_PERMISSIONS, d.scanner == null ? Read.failed("query UserPermissionAccess",
                        Permissions.API, "not read") : d.scanner);
            }
        }
        OrgDetails.LinkInventory inventory = null;
        if (facts.contains(CONTENT_DISTRIBUTION) && ok(d.distributions)) {
            inventory = new OrgDetails.LinkInventory(links.size(), scannerHolds("PermissionsQueryAllFiles"));
        }
        orgUnknowns.values().stream().filter(u -> facts.contains(u.fact())).forEach(b::unknown);
        List<String> siteIds = sites.stream().map(Resource::id).toList();
        List<String> publicSites = new ArrayList<>();
        SalesforceCloud cloud = new SalesforceCloud();
        for (Resource s : sites) {
            if (cloud.verdict(s, TrustZone.OWNER_ONLY).exposure() == Exposure.PUBLIC) {
                publicSites.add(s.id());
            }
        }
        return b.details(SalesforceDetails.of(new OrgDetails(facts.contains(SITES) && ok(d.sites) ? siteIds : null,
                publicSites, events, eventSettings, health, scanner, inventory))).build();
    }

    /** {@code EventSettings} as readMetadata answered it; a field the answer leaves out (or an empty answer) is null. */
    static OrgDetails.EventSettings eventSettings(List<Map<String, String>> records) {
        Map<String, String> r = records.isEmpty() ? Map.of() : records.get(0);
        Integer retention = null;
        String days = r.get("eventLogRetentionDuration");
        if (days != null && days.matches("\\d{1,5}")) {
            retention = Integer.parseInt(days);
        }
        return new OrgDetails.EventSettings(retention, flag(r.get("enableEventLogGeneration")),
                flag(r.get("enableDeleteMonitoringData")));
    }

    private static Boolean flag(String text) {
        return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
    }

    /**
     * Event types and the span of days the files cover, from one aggregate row per type and interval. The span is
     * measured between the oldest and the newest file (not to the clock), so the same answers give the same model.
     */
    static OrgDetails.EventLogs eventLogs(List<JsonNode> rows) {
        Instant newest = null;
        Instant oldest = null;
        Map<String, Instant> newestByType = new TreeMap<>();
        for (JsonNode r : rows) {
            Instant o = Dates.instant(r.get("oldest"));
            Instant n = Dates.instant(r.get("newest"));
            String type = text(r, "EventType");
            if (o == null || n == null || type == null) {
                continue;
            }
            oldest = oldest == null || o.isBefore(oldest) ? o : oldest;
            newest = newest == null || n.isAfter(newest) ? n : newest;
            newestByType.merge(type, n, (a, c) -> a.isAfter(c) ? a : c);
        }
        if (newest == null) {
            return new OrgDetails.EventLogs(List.of(), null);
        }
        Instant cutoff = newest.minus(Duration.ofDays(2));
        List<String> recent = newestByType.entrySet().stream().filter(e -> e.getValue().isAfter(cutoff))
                .map(Map.Entry::getKey).toList();
        int days = (int) Duration.between(oldest, newest).toDays() + 1;
        return new OrgDetails.EventLogs(recent, days);
    }

    // ---------------------------------------------------------------- unknowns

    private void metadataUnknown(Resource.Builder b, Fact fact, String call) {
        b.unknown(metadataUnknown(fact, call));
    }

    private Unknown metadataUnknown(Fact fact, String call) {
        return new Unknown(fact, call, Permissions.METADATA, metadata
                ? "not sent: with --metadata this version reads EventSettings only"
                : "not sent: Metadata API reads are opt-in (--metadata)");
    }

    private void unknown(Resource.Builder b, Fact fact, Read<?> failed) {
        b.unknown(fact, failed.call(), failed.permission(), failed.error());
    }

    private <T> List<T> unknownList(Resource.Builder b, Fact fact, Read<?> failed) {
        if (failed == null || failed.ok()) {
            failed = Read.failed("query", Permissions.VIEW_SETUP, "not read");
        }
        unknown(b, fact, failed);
        return null;
    }

    private void orgUnknown(Fact fact, Read<?> failed) {
        orgUnknowns.putIfAbsent(fact, new Unknown(fact, failed.call(), failed.permission(), failed.error()));
    }

    /** The first of these reads that failed, or null when all that were made succeeded. */
    @SafeVarargs
    private static Read<?> firstFailure(Read<?>... reads) {
        for (Read<?> r : reads) {
            if (r != null && !r.ok()) {
                return r;
            }
        }
        return null;
    }

    private static boolean ok(Read<?> r) {
        return r != null && r.ok();
    }

    private static String describe(Read<?> r) {
        return r == null ? "not read" : r.call() + " failed with " + r.error() + " (needs " + r.permission() + ")";
    }

    private static long count(JsonNode row) {
        for (String f : List.of("n", "expr0")) {
            if (row.has(f)) {
                return Math.max(0, row.path(f).asLong(0));
            }
        }
        return 0;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isBoolean() ? null : v.asBoolean();
    }

    private static void add(Set<String> into, String value) {
        if (value != null) {
            into.add(value);
        }
    }
}
