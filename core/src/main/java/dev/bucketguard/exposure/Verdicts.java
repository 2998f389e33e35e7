package dev.bucketguard.exposure;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Shared steps of the per-cloud verdicts: grant effects, the cross-account step, the reason texts. */
abstract class Verdicts {
    protected final Resource resource;
    protected final TrustZone trust;
    protected final List<String> reasons = new ArrayList<>();
    protected final Set<ExposureTag> tags = EnumSet.noneOf(ExposureTag.class);
    protected final List<GrantEffect> effects = new ArrayList<>();
    /** Outsiders that reach the data other than through a grant (for example the owner of an access point). */
    protected final Set<String> otherOutsiders = new TreeSet<>();

    Verdicts(Resource resource, TrustZone trust) {
        this.resource = resource;
        this.trust = trust;
    }

    abstract Assessment assess();

    static Assessment unsupported(Resource r) {
        return new Assessment(Exposure.UNKNOWN,
                List.of("no exposure rules are defined for provider '" + r.provider() + "'"),
                Set.of(), List.of(), List.of());
    }

    protected Assessment done(Exposure exposure) {
        Set<String> all = new TreeSet<>(outsiders(true));
        all.addAll(otherOutsiders);
        return new Assessment(exposure, reasons, tags, effects, List.copyOf(all));
    }

    /** True when the grantee lies outside the owner and the trust zone. */
    protected boolean outsider(Grant g) {
        return switch (g.grantee().kind()) {
            case ACCOUNT -> !trust.trustsAccount(resource.account(), g.grantee().id());
            case ORGANIZATION -> !trust.trustsOrganization(g.grantee().id());
            case ANONYMOUS, ANY_AUTHENTICATED -> true;
            case OWNER, SERVICE, NETWORK -> false;
        };
    }

    private static boolean namedOutsiderKind(Grant g) {
        return g.grantee().kind() == GranteeKind.ACCOUNT || g.grantee().kind() == GranteeKind.ORGANIZATION;
    }

    /** Named outside grantees (accounts, organisations) whose grants are in force, or also undecided ones. */
    protected List<String> outsiders(boolean inForceOnly) {
        return effects.stream()
                .filter(e -> inForceOnly ? e.inForce() : e.effect() == GrantEffect.Effect.UNDECIDED)
                .map(GrantEffect::grant)
                .filter(g -> namedOutsiderKind(g) && outsider(g))
                .map(g -> g.grantee().id())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /**
     * The cross-account step shared by all clouds: CROSS_ACCOUNT when a named outsider's grant is in force; UNKNOWN
     * when one is undecided or when a fact that could hold such grants is unknown; null to go on.
     */
    protected Exposure crossAccountStep(List<Fact> factsThatHoldGrants) {
        List<String> inForce = outsiders(true);
        if (!inForce.isEmpty()) {
            for (GrantEffect e : effects) {
                Grant g = e.grant();
                if (e.inForce() && namedOutsiderKind(g) && outsider(g)) {
                    reasons.add(describe(g) + " (outside the owner account and the trusted set)");
                }
            }
            return Exposure.CROSS_ACCOUNT;
        }
        List<String> undecided = outsiders(false);
        if (!undecided.isEmpty()) {
            for (GrantEffect e : effects) {
                if (e.effect() == GrantEffect.Effect.UNDECIDED && namedOutsiderKind(e.grant()) && outsider(e.grant())) {
                    reasons.add(describe(e.grant()) + ", but whether it is in force is unknown: " + e.why());
                }
            }
            return Exposure.UNKNOWN;
        }
        boolean unknown = false;
        for (Fact f : factsThatHoldGrants) {
            if (!resource.knows(f)) {
                resource.whyUnknown(f).map(Unknown::describe).ifPresent(reasons::add);
                unknown = true;
            }
        }
        return unknown ? Exposure.UNKNOWN : null;
    }

    /** "policy statement 'X' grants read, list to anyone: detail". */
    static String describe(Grant g) {
        StringBuilder b = new StringBuilder(g.source());
        b.append(" grants ").append(permissions(g)).append(" to ").append(g.grantee().describe());
        if (g.detail() != null && !g.detail().isBlank()) {
            b.append(" (").append(g.detail()).append(')');
        }
        return b.toString();
    }

    static String permissions(Grant g) {
        return g.sortedPermissions().stream().map(Permission::name).map(String::toLowerCase)
                .collect(Collectors.joining(", "));
    }

    /** "on at bucket" / "off at bucket and account" style text for a three-valued setting. */
    static String state(String setting, Boolean bucket, Boolean account, String bucketLevel, String accountLevel) {
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        (bucket == null ? unread : bucket ? on : off).add(bucketLevel);
        (account == null ? unread : account ? on : off).add(accountLevel);
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
