package dev.bucketguard.exposure;

import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts and organisations that count as "ours", like IAM Access Analyzer's zone of trust. The resource's
 * own account is always trusted.
 *
 * @param accounts      trusted account ids (AWS accounts, Azure tenants, GCP projects or domains)
 * @param organizations trusted organisation ids (for example {@code o-a1b2c3d4e5})
 */
public record TrustZone(Set<String> accounts, Set<String> organizations) {
    public static final TrustZone OWNER_ONLY = new TrustZone(Set.of(), Set.of());

    public TrustZone {
        accounts = accounts == null ? Set.of() : Set.copyOf(new TreeSet<>(accounts));
        organizations = organizations == null ? Set.of() : Set.copyOf(new TreeSet<>(organizations));
    }

    public boolean trustsAccount(String owner, String id) {
        return id.equals(owner) || accounts.contains(id);
    }

    public boolean trustsOrganization(String id) {
        return organizations.contains(id);
    }
}
