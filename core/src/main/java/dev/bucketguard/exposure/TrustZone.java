package dev.bucketguard.exposure;

import dev.bucketguard.model.Resource;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts and organisations that count as "ours", like IAM Access Analyzer's zone of trust. The resource's own
 * owner, and the owner's parents (its organisation, its tenant), always count.
 *
 * @param accounts      trusted owner ids: AWS accounts, Azure tenants or subscriptions, GCP projects or domains
 * @param organizations trusted organisation ids (for example {@code o-a1b2c3d4e5})
 */
public record TrustZone(Set<String> accounts, Set<String> organizations) {
    public static final TrustZone OWNER_ONLY = new TrustZone(Set.of(), Set.of());

    public TrustZone {
        accounts = accounts == null ? Set.of() : Set.copyOf(new TreeSet<>(accounts));
        organizations = organizations == null ? Set.of() : Set.copyOf(new TreeSet<>(organizations));
    }

    /** True when {@code id} is the owner, one of its parents, or a trusted account. */
    public boolean trustsAccount(Resource.Owner owner, String id) {
        return owner.is(id) || accounts.contains(id);
    }

    /** True when {@code id} is one of the owner's parents or a trusted organisation. */
    public boolean trustsOrganization(Resource.Owner owner, String id) {
        return owner.parents().containsValue(id) || organizations.contains(id);
    }

    /** True when the zone names nothing beyond the owner and its parents. */
    public boolean ownerOnly() {
        return accounts.isEmpty() && organizations.isEmpty();
    }
}
