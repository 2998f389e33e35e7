package dev.bucketguard.cloud.gcp;

import dev.bucketguard.model.Permission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What each predefined IAM role lets its members do with a bucket's data, read the same way wherever a binding comes
 * from (the GCP provider, a Terraform plan). A custom or unlisted role is taken as allowing everything: what it
 * allows is not known here, so the worst is assumed.
 */
public final class GcsRoles {
    private static final Map<String, Set<Permission>> ROLES = Map.ofEntries(
            Map.entry("roles/storage.objectViewer", EnumSet.of(Permission.READ, Permission.LIST)),
            Map.entry("roles/storage.legacyObjectReader", EnumSet.of(Permission.READ)),
            Map.entry("roles/storage.legacyBucketReader", EnumSet.of(Permission.LIST)),
            Map.entry("roles/storage.objectCreator", EnumSet.of(Permission.WRITE)),
            Map.entry("roles/storage.legacyBucketWriter", EnumSet.of(Permission.LIST, Permission.WRITE)),
            Map.entry("roles/storage.objectUser", EnumSet.of(Permission.READ, Permission.LIST, Permission.WRITE)),
            Map.entry("roles/storage.objectAdmin", EnumSet.of(Permission.READ, Permission.LIST, Permission.WRITE,
                    Permission.READ_ACP, Permission.WRITE_ACP)),
            Map.entry("roles/storage.legacyObjectOwner", EnumSet.of(Permission.READ, Permission.READ_ACP,
                    Permission.WRITE_ACP)),
            Map.entry("roles/storage.legacyBucketOwner", EnumSet.of(Permission.LIST, Permission.WRITE,
                    Permission.READ_ACP, Permission.WRITE_ACP)),
            Map.entry("roles/viewer", EnumSet.of(Permission.READ, Permission.LIST)));

    /** Basic roles that reach every bucket's data of the project they are granted on, besides roles/viewer. */
    private static final Set<String> BASIC_WRITERS = Set.of("roles/editor", "roles/owner");

    private GcsRoles() {
    }

    /**
     * True when a role granted on a whole project reaches its buckets' data: a storage role, or a basic role (viewer,
     * editor, owner).
     */
    public static boolean reachesData(String role) {
        return role.startsWith("roles/storage.") || ROLES.containsKey(role) || BASIC_WRITERS.contains(role);
    }

    /** True when a policy's JSON text names a role that {@link #reachesData reaches data}. */
    public static boolean namedIn(String policy) {
        return policy.contains("roles/storage.") || Stream.concat(ROLES.keySet().stream(), BASIC_WRITERS.stream())
                .anyMatch(r -> policy.contains("\"" + r + "\""));
    }

    /** What the role allows on the data; every permission for a role this class does not know. */
    public static Set<Permission> permissions(String role) {
        Set<Permission> known = ROLES.get(role);
        return known != null ? EnumSet.copyOf(known) : EnumSet.allOf(Permission.class);
    }

    /** The note a grant through a role this class does not know carries; null for a known role. */
    public static String unknownRoleNote(String role) {
        return ROLES.containsKey(role) ? null
                : "role " + role + " is not one bucketguard knows: taken as allowing everything";
    }

    /**
     * What an ACL entry's role allows: on a bucket's ACL, listing (READER), writing (WRITER) and the ACL itself
     * (OWNER); on an object's or the default object ACL, reading, writing and the ACL. An unknown role reads as READER.
     *
     * @param role   OWNER, WRITER or READER, in any case
     * @param bucket true for the bucket's own ACL
     */
    public static Set<Permission> aclPermissions(String role, boolean bucket) {
        String r = role == null ? "READER" : role.toUpperCase(java.util.Locale.ROOT);
        return switch (r) {
            case "OWNER" -> bucket ? EnumSet.of(Permission.LIST, Permission.WRITE, Permission.READ_ACP,
                    Permission.WRITE_ACP) : EnumSet.of(Permission.READ, Permission.READ_ACP, Permission.WRITE_ACP);
            case "WRITER" -> bucket ? EnumSet.of(Permission.LIST, Permission.WRITE)
                    : EnumSet.of(Permission.READ, Permission.WRITE);
            default -> bucket ? EnumSet.of(Permission.LIST) : EnumSet.of(Permission.READ);
        };
    }
}
