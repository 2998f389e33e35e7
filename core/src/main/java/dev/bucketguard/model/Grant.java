package dev.bucketguard.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One way someone other than the caller can reach the data.
 *
 * @param grantee     who
 * @param permissions what they may do; never empty
 * @param via         through what
 * @param source      where it is written, for people: "policy statement 'PublicRead'", "bucket ACL", "container 'docs'"
 * @param detail      why it means what it means, for people: "allows s3:GetObject to *; no condition restricts it";
 *                    may be null
 * @param conditions  the conditions that scope the grant, verbatim (for evidence); empty when unconditional
 * @param object      the object key, for {@link Channel#OBJECT_ACL}; null otherwise
 * @param accessPoint the access point name, for {@link Channel#ACCESS_POINT_POLICY}; null otherwise
 */
public record Grant(
        Grantee grantee,
        Set<Permission> permissions,
        Channel via,
        String source,
        String detail,
        List<String> conditions,
        String object,
        String accessPoint) {

    public Grant {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(source, "source");
        if (permissions == null || permissions.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one permission");
        }
        // An EnumSet iterates in declaration order; Set.copyOf's order changes from one JVM run to the next.
        permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public Grant(Grantee grantee, Set<Permission> permissions, Channel via, String source) {
        this(grantee, permissions, via, source, null, List.of(), null, null);
    }

    /** True when the grant carries conditions (GCS conditional binding, scoped policy statement). */
    public boolean conditional() {
        return !conditions.isEmpty();
    }

    public boolean allows(Permission p) {
        return permissions.contains(p);
    }

    /** True for WRITE or WRITE_ACP: someone can change data or who may reach it. */
    public boolean allowsWrite() {
        return permissions.contains(Permission.WRITE) || permissions.contains(Permission.WRITE_ACP);
    }

    /** The permissions in their declared order, for stable output. */
    public List<Permission> sortedPermissions() {
        return List.copyOf(permissions);
    }
}
