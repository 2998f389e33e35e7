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
 * @param via         through what (a channel the resource's cloud declares)
 * @param source      where it is written, for people: "policy statement 'PublicRead'", "bucket ACL", "container 'docs'"
 * @param detail      why it means what it means, for people: "allows s3:GetObject to *; no condition restricts it";
 *                    may be null
 * @param conditions  the conditions that scope the grant, verbatim (for evidence); empty when unconditional
 * @param scope       the part of the resource the grant is limited to, where the channel has one: an object key (object
 *                    ACLs), an access point, a container; null when the grant covers the whole resource
 */
public record Grant(
        Grantee grantee,
        Set<Permission> permissions,
        Channel via,
        String source,
        String detail,
        List<String> conditions,
        String scope) {

    public Grant {
        Objects.requireNonNull(grantee, "missing required field 'grantee'");
        Objects.requireNonNull(via, "missing required field 'via'");
        Objects.requireNonNull(source, "missing required field 'source'");
        if (permissions == null || permissions.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one permission");
        }
        // An EnumSet iterates in declaration order; Set.copyOf's order changes from one JVM run to the next.
        permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public Grant(Grantee grantee, Set<Permission> permissions, Channel via, String source) {
        this(grantee, permissions, via, source, null, List.of(), null);
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
