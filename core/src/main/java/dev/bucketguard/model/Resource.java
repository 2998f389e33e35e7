package dev.bucketguard.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One storage resource (an S3 or GCS bucket, an Azure storage account or container) as a provider saw it.
 *
 * <p>Fact fields are null when the fact was not collected or could not be read; {@link #knows(Fact)} tells whether a
 * fact is known, and {@link #whyUnknown(Fact)} why not. Code that decides anything must ask {@code knows} first:
 * a null never means "absent" on its own.
 *
 * @param provider     {@code aws}, {@code azure}, {@code gcp}
 * @param account      the AWS account id, Azure subscription or GCP project
 * @param id           the bucket, account or container name
 * @param kind         what the resource is
 * @param region       where it lives; may be null
 * @param collected    the facts the provider tried to read
 * @param unknowns     the facts it tried and could not read, with reasons
 * @param grants       every grant read from the collected facts
 * @param guardrails   switches that override grants
 * @param policy       what is known of the resource policy beyond its grants; null when not read
 * @param encryption   encryption at rest; null when not read
 * @param tlsEnforced  whether plain-HTTP requests are refused; null when not read
 * @param logging      access logging; null when not read
 * @param versioning   versioning and retention; null when not read
 * @param website      static website hosting; null when not read
 * @param accessPoints S3 access points; empty when none or not read
 * @param properties   other provider facts as text (for example Azure minimumTlsVersion), sorted by key
 */
public record Resource(
        String provider,
        String account,
        String id,
        ResourceKind kind,
        String region,
        Set<Fact> collected,
        List<Unknown> unknowns,
        List<Grant> grants,
        Guardrails guardrails,
        PolicyFacts policy,
        Encryption encryption,
        Boolean tlsEnforced,
        Logging logging,
        Versioning versioning,
        Website website,
        List<AccessPoint> accessPoints,
        Map<String, String> properties) {

    public Resource {
        requireText(provider, "provider");
        requireText(account, "account");
        requireText(id, "id");
        Objects.requireNonNull(kind, "kind");
        collected = collected == null || collected.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(collected));
        unknowns = unknowns == null ? List.of() : List.copyOf(unknowns);
        grants = grants == null ? List.of() : List.copyOf(grants);
        guardrails = guardrails == null ? Guardrails.NONE : guardrails;
        accessPoints = accessPoints == null ? List.of() : List.copyOf(accessPoints);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
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
        return collected.contains(fact) && unknowns.stream().noneMatch(u -> u.fact() == fact);
    }

    /** Why a fact is not known: the recorded failure, or "not collected"; empty when it is known. */
    public Optional<Unknown> whyUnknown(Fact fact) {
        if (!collected.contains(fact)) {
            return Optional.of(new Unknown(fact, null, null, "not collected"));
        }
        return unknowns.stream().filter(u -> u.fact() == fact).findFirst();
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
        b.collected.addAll(collected);
        b.unknowns.addAll(unknowns);
        b.grants.addAll(grants);
        b.guardrails = guardrails;
        b.policy = policy;
        b.encryption = encryption;
        b.tlsEnforced = tlsEnforced;
        b.logging = logging;
        b.versioning = versioning;
        b.website = website;
        b.accessPoints.addAll(accessPoints);
        b.properties.putAll(properties);
        return b;
    }

    /** Assembles a resource fact by fact; providers and tests use it. Not thread-safe. */
    public static final class Builder {
        private final String provider;
        private final String account;
        private final String id;
        private ResourceKind kind = ResourceKind.BUCKET;
        private String region;
        private final Set<Fact> collected = EnumSet.noneOf(Fact.class);
        private final List<Unknown> unknowns = new ArrayList<>();
        private final List<Grant> grants = new ArrayList<>();
        private Guardrails guardrails = Guardrails.NONE;
        private PolicyFacts policy;
        private Encryption encryption;
        private Boolean tlsEnforced;
        private Logging logging;
        private Versioning versioning;
        private Website website;
        private final List<AccessPoint> accessPoints = new ArrayList<>();
        private final Map<String, String> properties = new TreeMap<>();

        private Builder(String provider, String account, String id) {
            this.provider = provider;
            this.account = account;
            this.id = id;
        }

        public Builder kind(ResourceKind v) { this.kind = v; return this; }
        public Builder region(String v) { this.region = v; return this; }
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
        public Builder guardrails(Guardrails v) { this.guardrails = v; return this; }
        public Builder policy(PolicyFacts v) { this.policy = v; return this; }
        public Builder encryption(Encryption v) { this.encryption = v; return this; }
        public Builder tlsEnforced(Boolean v) { this.tlsEnforced = v; return this; }
        public Builder logging(Logging v) { this.logging = v; return this; }
        public Builder versioning(Versioning v) { this.versioning = v; return this; }
        public Builder website(Website v) { this.website = v; return this; }
        public Builder accessPoint(AccessPoint v) { accessPoints.add(v); return this; }
        public Builder property(String key, String value) { properties.put(key, value); return this; }

        public Resource build() {
            return new Resource(provider, account, id, kind, region, collected, unknowns, grants, guardrails, policy,
                    encryption, tlsEnforced, logging, versioning, website, accessPoints, properties);
        }
    }
}
