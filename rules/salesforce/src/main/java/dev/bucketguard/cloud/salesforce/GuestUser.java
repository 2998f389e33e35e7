package dev.bucketguard.cloud.salesforce;

import java.util.Comparator;
import java.util.List;

/**
 * The site's guest user and the permission sets whose union is its access ({@link SalesforceFacts#GUEST_USER}).
 *
 * @param userId        the guest {@code User} id
 * @param active        {@code User.IsActive}
 * @param profileId     its {@code ProfileId}
 * @param profileName   the profile's name
 * @param sets          the profile's own permission set, every permission set and group assigned to the guest, sorted
 * @param mutingSets    names of muting permission sets already subtracted from the groups, for evidence
 */
public record GuestUser(
        String userId,
        boolean active,
        String profileId,
        String profileName,
        List<PermissionSource> sets,
        List<String> mutingSets) {

    public GuestUser {
        Lists.require(userId, "userId");
        sets = Lists.sorted(sets, Comparator.comparing(PermissionSource::type).thenComparing(PermissionSource::name));
        mutingSets = Lists.names(mutingSets);
    }

    /** The permission sets and groups assigned to the guest beyond its profile. */
    public List<PermissionSource> assigned() {
        return sets.stream().filter(s -> s.type() != PermissionSource.Type.PROFILE).toList();
    }
}
