package dev.bucketguard.exposure;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The steps every cloud's verdict shares, for implementers of {@code dev.bucketguard.spi.Cloud#verdict}: one instance
 * per resource, filled by the subclass's {@link #verdict()} (grant effects, reasons, tags), closed with
 * {@link #done(Exposure)}, which always records the cross-account dimension as well.
 *
 * <p>Subclasses set {@link #grantFacts(List)} to the facts that could hold grants to outsiders (a policy, an ACL, a
 * network rule); the cross-account dimension reports each of them that could not be read.
 */
public abstract class VerdictBuilder {
    protected final Resource resource;
    protected final TrustZone trust;
    protected final List<String> reasons = new ArrayList<>();
    protected final Set<ExposureTag> tags = new TreeSet<>();
    protected final List<GrantEffect> effects = new ArrayList<>();
    /** Outsiders that reach the data other than through a grant (for example the owner of an access point). */
    protected final Set<String> otherOutsiders = new TreeSet<>();
    private final List<Fact> grantFacts = new ArrayList<>();

    protected VerdictBuilder(Resource resource, TrustZone trust) {
        this.resource = resource;
        this.trust = trust;
    }

    /** Computes the verdict; called once. */
    public abstract Verdict verdict();

    /** The facts that could hold grants to outsiders, for the cross-account dimension. */
    protected final void grantFacts(List<Fact> facts) {
        grantFacts.clear();
        grantFacts.addAll(facts);
    }

    /** Closes the verdict: the exposure, the reasons and tags so far, and the cross-account dimension. */
    protected Verdict done(Exposure exposure) {
        Set<String> all = new TreeSet<>(outsiders(true));
        all.addAll(otherOutsiders);
        List<String> unread = new ArrayList<>();
        for (Fact f : grantFacts) {
            if (!resource.knows(f)) {
                resource.whyUnknown(f).map(Unknown::describe).ifPresent(unread::add);
            }
        }
        return new Verdict(exposure, reasons, tags, effects, List.copyOf(all), outsiders(false), unread);
    }

    /** True when the grantee lies outside the owner, its parents and the trust zone. */
    protected boolean outsider(Grant g) {
        return switch (g.grantee().kind()) {
            case ACCOUNT -> !trust.trustsAccount(resource.owner(), g.grantee().id());
            case ORGANIZATION -> !trust.trustsOrganization(resource.owner(), g.grantee().id());
            case NETWORK -> !trust.trustsNetwork(g.grantee().id());
            case ANONYMOUS, ANY_AUTHENTICATED -> true;
            case OWNER, SERVICE -> false;
        };
    }

    /**
     * True for a grantee named by an id: an account, an organisation, or a network (an IP range, a VPC or endpoint:
     * whoever sends requests from it, which is not "nobody outside the owner" unless the network is trusted).
     */
    public static boolean named(Grant g) {
        GranteeKind k = g.grantee().kind();
        return k == GranteeKind.ACCOUNT || k == GranteeKind.ORGANIZATION || k == GranteeKind.NETWORK;
    }

    /** Named outside grantees (accounts, organisations) whose grants are in force, or else the undecided ones. */
    protected List<String> outsiders(boolean inForceOnly) {
        return effects.stream()
                .filter(e -> inForceOnly ? e.inForce() : e.effect() == GrantEffect.Effect.UNDECIDED)
                .map(GrantEffect::grant)
                .filter(g -> named(g) && outsider(g))
                .map(g -> g.grantee().id())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /**
     * The cross-account step shared by all clouds: CROSS_ACCOUNT when a named outsider's grant is in force; UNKNOWN
     * when one is undecided or when a fact that could hold such grants (see {@link #grantFacts(List)}) is unknown;
     * null to go on. Adds the reasons.
     */
    protected Exposure crossAccountStep() {
        List<String> inForce = outsiders(true);
        if (!inForce.isEmpty()) {
            // A source that names many parties gets one summary line, not one line per party.
            Map<String, List<Grant>> bySource = new LinkedHashMap<>();
            for (GrantEffect e : effects) {
                if (e.inForce() && named(e.grant())) {
                    bySource.computeIfAbsent(e.grant().source(), k -> new ArrayList<>()).add(e.grant());
                }
            }
            Set<String> summarised = new HashSet<>();
            bySource.forEach((source, grants) -> {
                if (grants.size() > LISTED_PARTIES) {
                    summarised.add(source);
                    reasons.add(summary(source, grants));
                }
            });
            for (GrantEffect e : effects) {
                Grant g = e.grant();
                if (e.inForce() && named(g) && outsider(g) && !summarised.contains(g.source())) {
                    if (g.grantee().kind() == GranteeKind.NETWORK) {
                        tags.add(ExposureTag.NETWORK_SCOPED);
                        reasons.add(describe(g) + " (whoever sends requests from that network, which is not"
                                + " declared trusted; list it with --trusted-networks if it is yours)");
                    } else {
                        reasons.add(describe(g) + " (outside the owner account and the trusted set)");
                    }
                }
            }
            return Exposure.CROSS_ACCOUNT;
        }
        List<String> undecided = outsiders(false);
        if (!undecided.isEmpty()) {
            for (GrantEffect e : effects) {
                if (e.effect() == GrantEffect.Effect.UNDECIDED && named(e.grant()) && outsider(e.grant())) {
                    reasons.add(describe(e.grant()) + ", but whether it is in force is unknown: " + e.why());
                }
            }
            return Exposure.UNKNOWN;
        }
        Set<String> unread = new LinkedHashSet<>();
        for (Fact f : grantFacts) {
            if (!resource.knows(f)) {
                resource.whyUnknown(f).map(Unknown::describe).ifPresent(unread::add);
            }
        }
        reasons.addAll(unread);
        return unread.isEmpty() ? null : Exposure.UNKNOWN;
    }

    /** Parties of one source listed one reason each up to this many; beyond, one summary reason. */
    private static final int LISTED_PARTIES = 5;

    /** "policy statement 'X' grants read to 1,300 parties, 3 outside the owner and the trusted set: a, b, c". */
    private String summary(String source, List<Grant> grants) {
        List<String> outside = grants.stream().filter(this::outsider).map(g -> g.grantee().id()).distinct().sorted()
                .toList();
        if (grants.stream().anyMatch(g -> g.grantee().kind() == GranteeKind.NETWORK && outsider(g))) {
            tags.add(ExposureTag.NETWORK_SCOPED);
        }
        Set<String> perms = new TreeSet<>();
        grants.forEach(g -> perms.add(permissions(g)));
        String shown = String.join(", ", outside.subList(0, Math.min(outside.size(), 10)))
                + (outside.size() > 10 ? " and " + count(outside.size() - 10) + " more" : "");
        return source + " grants " + String.join("; ", perms) + " to " + count(grants.size()) + " named parties, "
                + count(outside.size()) + " outside the owner account and the trusted set: " + shown;
    }

    private static String count(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** "policy statement 'X' grants read, list to anyone (detail)". */
    public static String describe(Grant g) {
        StringBuilder b = new StringBuilder(g.source());
        b.append(" grants ").append(permissions(g)).append(" to ").append(g.grantee().describe());
        if (g.detail() != null && !g.detail().isBlank()) {
            b.append(" (").append(g.detail()).append(')');
        }
        return b.toString();
    }

    public static String permissions(Grant g) {
        return g.sortedPermissions().stream().map(Permission::name).map(String::toLowerCase)
                .collect(Collectors.joining(", "));
    }

    /** "on at bucket" / "off at bucket and account" style text for a three-valued setting at two levels. */
    public static String state(String setting, Boolean first, Boolean second, String firstLevel, String secondLevel) {
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        (first == null ? unread : first ? on : off).add(firstLevel);
        (second == null ? unread : second ? on : off).add(secondLevel);
        StringBuilder b = new StringBuilder(setting);
        if (!on.isEmpty()) {
            b.append(" is on at ").append(String.join(" and ", on));
        } else if (!off.isEmpty()) {
            b.append(" is off at ").append(String.join(" and ", off));
        }
        if (!unread.isEmpty()) {
            b.append(on.isEmpty() && off.isEmpty() ? " could not be read at " : "; could not be read at ")
                    .append(String.join(" and ", unread));
        }
        return b.toString();
    }
}
