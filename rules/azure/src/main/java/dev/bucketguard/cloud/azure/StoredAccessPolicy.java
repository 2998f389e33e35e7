package dev.bucketguard.cloud.azure;

import java.util.Objects;

/**
 * A container's stored access policy (a signed identifier), which service SAS tokens can bind to.
 *
 * @param container   the container
 * @param id          the policy's identifier
 * @param start       when it starts (ISO-8601 as the service wrote it); null when not set
 * @param expiry      when it expires; null when not set (then the SAS carries its own expiry, or none binds it)
 * @param permissions the permissions as the service writes them ({@code rwdl}); may be empty
 */
public record StoredAccessPolicy(String container, String id, String start, String expiry, String permissions) {
    public StoredAccessPolicy {
        Objects.requireNonNull(container, "missing required field 'container'");
        Objects.requireNonNull(id, "missing required field 'id'");
        permissions = permissions == null ? "" : permissions;
    }
}
