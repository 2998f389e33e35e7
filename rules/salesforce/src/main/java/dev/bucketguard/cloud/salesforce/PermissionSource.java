package dev.bucketguard.cloud.salesforce;

/**
 * A permission set in the guest's union: the one its profile owns, one assigned to it, or a group's aggregate.
 *
 * @param id   the {@code PermissionSet} id
 * @param name the profile's or permission set's name, as people see it
 * @param type where it comes from
 */
public record PermissionSource(String id, String name, Type type) {
    /** Where a permission set of the guest's union comes from. */
    public enum Type { PROFILE, PERMISSION_SET, PERMISSION_SET_GROUP }

    public PermissionSource {
        Lists.require(name, "name");
        java.util.Objects.requireNonNull(type, "missing required field 'type'");
    }

    /** "profile 'Applicants Profile'", "permission set 'Guest Extras'". */
    public String describe() {
        return switch (type) {
            case PROFILE -> "profile '" + name + "'";
            case PERMISSION_SET -> "permission set '" + name + "'";
            case PERMISSION_SET_GROUP -> "permission set group '" + name + "'";
        };
    }
}
