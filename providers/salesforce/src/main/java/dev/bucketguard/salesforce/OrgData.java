package dev.bucketguard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one scan read from an org, query by query, before it is mapped onto the model: each query's rows or
 * why it could not be read. Per-object queries (field definitions, share-row counts) are keyed by object.
 */
final class OrgData {
    Read<JsonNode> organization;
    Read<JsonNode> scanner;
    Read<List<JsonNode>> sites;
    Read<List<JsonNode>> networks;
    Read<List<JsonNode>> guestUsers;
    Read<List<JsonNode>> assignments;
    Read<List<JsonNode>> groupComponents;
    Read<List<JsonNode>> groupMembers;
    Read<List<JsonNode>> memberGroups;
    Read<List<JsonNode>> permissionSets;
    Read<List<JsonNode>> objectPermissions;
    Read<List<JsonNode>> fieldPermissions;
    Read<List<JsonNode>> setupEntityAccess;
    Read<List<JsonNode>> apexPages;
    Read<List<JsonNode>> apexClasses;
    Read<List<JsonNode>> flows;
    Read<List<JsonNode>> entities;
    final Map<String, Read<List<JsonNode>>> fieldDefinitions = new TreeMap<>();
    /** Per active guest-runnable flow version id, its Tooling {@code Metadata} (one row: Tooling allows no more). */
    final Map<String, Read<List<JsonNode>>> flowMetadata = new TreeMap<>();
    final Map<String, Read<List<JsonNode>>> shareCounts = new TreeMap<>();
    Read<List<JsonNode>> distributions;
    /** {@code EntityDefinition} rows of the key prefixes of the links' related records not known by heart. */
    Read<List<JsonNode>> keyPrefixes;
    Read<List<JsonNode>> eventLogs;
    Read<List<JsonNode>> healthCheck;
    /** {@code EventSettings} through readMetadata ({@code --metadata}); null when not asked. */
    Read<List<Map<String, String>>> eventSettings;
}
