package dev.bucketguard.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One resource (a bucket, a storage account, a site) as a provider saw it: a neutral envelope that every cloud fills
 * the same way, and a typed {@link Details} object that the resource's cloud owns.
 *
 * <p>A fact is known when it was collected and no {@link Unknown} records a failure to read it; {@link #knows(Fact)}
 * tells, and {@link #whyUnknown(Fact)} says why not. The value of a known fact is never null (see {@link Details}), so
 * code that decides anything asks {@code knows} first and then reads the value.
 *
 * @param provider   the cloud's id ({@code aws}, {@code azure}, {@code gcp}, or any cloud an embedding tool adds)
 * @param account    the owner: the AWS account id, Azure subscription id, GCP project id
 * @param parents    the owner's parents by kind, sorted by kind: {@code organization} (AWS, GCP), {@code tenant}
 *                   (Azure); each cloud declares the kinds it has. The owner's parents count as the owner's own
 *                   side in the trust zone.
 * @param id         the bucket, account or site name
 * @param kind       what the resource is (a kind its cloud declares)
 * @param region     where it lives; may be null
 * @param collected  the facts the provider tried to read, sorted
 * @param unknowns   the facts it tried and could not read, with reasons
 * @param grants     every grant read from the collected facts
 * @param encryption encryption at rest ({@link Fact#ENCRYPTION}); null when not read
 * @param details    the cloud's own facts; null only when the provider collected none of them
 */
public record Resource(
        String provider,
        String account,
        Map<String, String> parents,
        String id,
        ResourceKind kind,
        String region,
        Set<Fact> collected,
        List<Unknown> unknowns,
        List<Grant> grants,
        Encryption encryption,
        Details details) {

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z][a-z0-9-]*");

    public Resource {
        requireText(provider, "provider");
        if (!PROVIDER_ID.matcher(provider).matches()) {
            throw new IllegalArgumentException("provider id '" + provider + "' is not lower-case letters, digits and -");
        }
        requireText(account, "account");
        requireText(id, "id");
        Objects.requireNonNull(kind, "missing required field 'kind'");
        parents = parents == null || parents.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parents));
        parents.forEach((k, v) -> {
            requireText(k, "parent kind");
            requireText(v, "parent '" + k + "'");
        });
        collected = collected == null || collected.isEmpty()
                ? Set.of() : SortedArraySet.copyOf(collected);
        unknowns = unknowns == null ? List.of() : List.copyOf(unknowns);
        grants = grants == null ? List.of() : List.copyOf(grants);
        for (Unknown u : unknowns) {
            if (!collected.contains(u.fact())) {
                throw new IllegalArgumentException("unknown fact " + u.fact() + " is not among the collected facts");
            }
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required field '" + name + "'");
        }
    }

    /** True when the fact was collected and read. */
    public boolean knows(Fact fact) {
        return collected.contains(fact) && unknowns.stream().noneMatch(u -> u.fact().equals(fact));
    }

    /** Why a fact is not known: the recorded failure, or "not collected"; empty when it is known. */
    public Optional<Unknown> whyUnknown(Fact fact) {
        if (!collected.contains(fact)) {
            return Optional.of(new Unknown(fact, null, null, "not collected"));
        }
        return unknowns.stream().filter(u -> u.fact().equals(fact)).findFirst();
    }

    /** The owner with its parents. */
    public Owner owner() {
        return new Owner(account, parents);
    }

    /**
     * The cloud's details as their type, or null when the resource has none.
     *
     * @throws IllegalStateException when the details are of another type (a resource of another cloud)
     */
    public <T extends Details> T details(Class<T> type) {
        if (details == null) {
            return null;
        }
        if (!type.isInstance(details)) {
            throw new IllegalStateException(ref() + " carries " + details.getClass().getSimpleName() + ", not "
                    + type.getSimpleName());
        }
        return type.cast(details);
    }

    /** A stable, human-readable reference: {@code aws:111122223333:my-bucket}. */
    public String ref() {
        return provider + ":" + account + ":" + id;
    }

    public static Builder builder(String provider, String account, String id) {
        return new Builder(provider, account, id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(provider, account, id);
        b.kind = kind;
        b.region = region;
        b.parents.putAll(parents);
        b.collected.addAll(collected);
        b.unknowns.addAll(unknowns);
        b.grants.addAll(grants);
        b.encryption = encryption;
        b.details = details;
        return b;
    }

    /**
     * The owner of a resource and the owner's parents.
     *
     * @param id      the account, subscription or project
     * @param parents the parents by kind ({@code organization}, {@code tenant})
     */
    public record Owner(String id, Map<String, String> parents) {
        public Owner {
            Objects.requireNonNull(id, "missing required field 'id'");
            parents = parents == null ? Map.of() : Map.copyOf(parents);
        }

        /** True when {@code other} is the owner itself or one of its parents. */
        public boolean is(String other) {
            return id.equals(other) || parents.containsValue(other);
        }
    }

    /** Assembles a resource fact by fact; providers and tests use it. Not thread-safe. */
    public static final class Builder {
        private final String provider;
        private final String account;
        private final String id;
        private ResourceKind kind;
        private String region;
        private final Map<String, String> parents = new TreeMap<>();
        private final Set<Fact> collected = new TreeSet<>();
        private final List<Unknown> unknowns = new ArrayList<>();
        private final List<Grant> grants = new ArrayList<>();
        private Encryption encryption;
        private Details details;

        private Builder(String provider, String account, String id) {
            this.provider = provider;
            this.account = account;
            this.id = id;
        }

        public Builder kind(ResourceKind v) { this.kind = v; return this; }
        public Builder region(String v) { this.region = v; return this; }
        /** Names a parent of the owner: {@code parent("organization", "o-a1b2c3d4e5")}. */
        public Builder parent(String parentKind, String parentId) { parents.put(parentKind, parentId); return this; }
        /** Marks facts as collected (tried). */
        public Builder collected(Fact... facts) { collected.addAll(List.of(facts)); return this; }
        public Builder collected(Set<Fact> facts) { collected.addAll(facts); return this; }
        /** Records that a fact could not be read; also marks it collected. */
        public Builder unknown(Unknown u) { collected.add(u.fact()); unknowns.add(u); return this; }
        public Builder unknown(Fact fact, String call, String permission, String error) {
            return unknown(new Unknown(fact, call, permission, error));
        }
        public Builder grant(Grant g) { grants.add(g); return this; }
        public Builder grants(List<Grant> gs) { grants.addAll(gs); return this; }
        public Builder encryption(Encryption v) { this.encryption = v; return this; }
        public Builder details(Details v) { this.details = v; return this; }

        public Resource build() {
            return new Resource(provider, account, parents, id, kind, region, collected, unknowns, grants,
                    encryption, details);
        }
    }
}
