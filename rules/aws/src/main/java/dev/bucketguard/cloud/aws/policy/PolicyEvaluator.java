package dev.bucketguard.cloud.aws.policy;

import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.policy.ConditionKeys.Admits;
import dev.bucketguard.cloud.aws.policy.ConditionKeys.Party;
import dev.bucketguard.cloud.aws.policy.ConditionKeys.PartyKind;
import dev.bucketguard.cloud.aws.policy.PolicyDocument.Condition;
import dev.bucketguard.cloud.aws.policy.PolicyDocument.Principal;
import dev.bucketguard.cloud.aws.policy.PolicyDocument.PrincipalKind;
import dev.bucketguard.cloud.aws.policy.PolicyDocument.Statement;
import dev.bucketguard.cloud.aws.policy.S3Actions.Action;
import dev.bucketguard.cloud.aws.policy.S3Actions.Level;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides what an S3 bucket or access-point policy grants, as {@code docs/exposure.md} defines "public".
 * Stateless and thread-safe.
 *
 * <p>Deny statements are applied only where their effect can be shown from the text alone: an unconditional Deny to
 * everyone removes what it covers; a Deny to everyone whose conditions are all negated fixed-value tests of
 * restricting keys (a "fence", e.g. StringNotEquals aws:PrincipalOrgID) narrows a public grant to the parties inside
 * the fence. Any other Deny that overlaps a public grant leaves the grant in place and says why in
 * {@link PolicyAnalysis#undecided()}, since S3 itself may find that it strips all untrusted access.
 */
public final class PolicyEvaluator {
    /** Enough to show the pattern; a policy with more such Deny statements gets a count instead. */
    private static final int MAX_UNDECIDED = 20;
    private final String ownerAccount;

    /** @param ownerAccount the account that owns the bucket (always trusted) */
    public PolicyEvaluator(String ownerAccount) {
        this.ownerAccount = ownerAccount;
    }

    /**
     * @param policyJson  the policy document as S3 returns it
     * @param via         {@link S3Channels#POLICY} or {@link S3Channels#ACCESS_POINT_POLICY}
     * @param accessPoint the access point name for ACCESS_POINT_POLICY, else null
     */
    public PolicyAnalysis evaluate(String policyJson, Channel via, String accessPoint) throws MalformedPolicyException {
        return evaluate(policyJson, via, accessPoint, null);
    }

    /**
     * As {@link #evaluate(String, Channel, String)}, with the bucket's name so that statements about other buckets'
     * ARNs are told apart; without it the bucket is taken from the policy's own resources.
     */
    public PolicyAnalysis evaluate(String policyJson, Channel via, String accessPoint, String bucket)
            throws MalformedPolicyException {
        if (!S3Channels.POLICY.equals(via) && !S3Channels.ACCESS_POINT_POLICY.equals(via)) {
            throw new IllegalArgumentException("a policy reaches data through POLICY or ACCESS_POINT_POLICY, not "
                    + via);
        }
        PolicyDocument doc = PolicyDocument.parse(policyJson);
        return new Run(doc, via, accessPoint, bucket).analyse();
    }

    /** One evaluation: the state shared by its steps. */
    private final class Run {
        private final PolicyDocument doc;
        private final Channel via;
        private final String accessPoint;
        private final boolean apPolicy;
        private final String base;
        private final Map<String, Set<String>> unproven = new TreeMap<>();
        /** Per statement label: why S3 calls a statement public that reaches only named parties. */
        private final Map<String, String> publicToS3 = new TreeMap<>();
        /** Deny statements on plain HTTP that leave part of the bucket open, one line each. */
        private final List<String> tlsGaps = new ArrayList<>();

        Run(PolicyDocument doc, Channel via, String accessPoint, String bucket) {
            this.doc = doc;
            this.via = via;
            this.accessPoint = accessPoint;
            this.apPolicy = S3Channels.ACCESS_POINT_POLICY.equals(via);
            if (apPolicy) {
                this.base = accessPoint != null ? "accesspoint/" + accessPoint : inferBase(doc, true);
            } else {
                this.base = bucket != null ? bucket : inferBase(doc, false);
            }
        }

        PolicyAnalysis analyse() {
            List<Candidate> candidates = new ArrayList<>();
            List<DenyRule> denies = new ArrayList<>();
            boolean tls = false;
            for (Statement s : doc.statements()) {
                if (s.allow()) {
                    candidates.addAll(allow(s));
                } else {
                    DenyRule d = deny(s);
                    denies.add(d);
                    tls |= enforcesTls(d);
                }
            }
            List<Candidate> narrowed = new ArrayList<>();
            for (Candidate c : candidates) {
                narrowed.addAll(c.grantee.isPublic() ? narrowPublic(c, denies) : List.of(c));
            }
            for (Candidate c : narrowed) {
                if (!c.grantee.isPublic()) {
                    removeForNamed(c, denies);
                }
            }
            // A grant whose public reach no unprovable Deny touches settles the question: the policy is public,
            // and the doubts about the other actions go into the grants' details instead of leaving it undecided.
            boolean provenPublic = narrowed.stream().anyMatch(c -> c.grantee.isPublic() && c.actions.stream()
                    .anyMatch(a -> !c.uncertain.contains(a) && a.permission() != null));
            for (Candidate c : narrowed) {
                for (Map.Entry<String, Set<String>> d : c.doubts.entrySet()) {
                    if (provenPublic) {
                        c.detail = c.detail + "; " + d.getKey() + " for " + String.join(", ", d.getValue());
                    } else {
                        unproven.computeIfAbsent(d.getKey(), k -> new TreeSet<>()).add(c.statement.label());
                    }
                }
            }
            List<String> undecided = new ArrayList<>();
            for (Map.Entry<String, Set<String>> e : unproven.entrySet()) {
                if (undecided.size() == MAX_UNDECIDED) {
                    undecided.add("and " + (unproven.size() - MAX_UNDECIDED) + " more Deny statements like these");
                    break;
                }
                List<String> grants = e.getValue().stream().limit(3).toList();
                undecided.add(e.getKey() + "; so whether the public grant of " + String.join(", ", grants)
                        + (e.getValue().size() > 3 ? " and " + (e.getValue().size() - 3) + " more" : "")
                        + " survives is undecided");
            }
            List<String> s3Public = publicToS3.entrySet().stream()
                    .filter(e -> narrowed.stream().anyMatch(c -> c.statement.label().equals(e.getKey())))
                    .map(Map.Entry::getValue).toList();
            return new PolicyAnalysis(merge(narrowed), undecided, tls, s3Public, tls ? List.of() : tlsGaps);
        }

        // ---- Allow statements -------------------------------------------------------------------------------

        private List<Candidate> allow(Statement s) {
            ResourceScope scope = ResourceScope.of(s.resources(), s.notResource(), base, apPolicy, true);
            Set<Action> actions = reachable(s, scope);
            if (actions.isEmpty()) {
                return List.of();
            }
            String what = "allows " + actionText(s);
            String partial = scope.partialObjects();
            String onWhat = partial == null ? "" : " on " + partial;
            List<Candidate> out = new ArrayList<>();
            Admits best = null;
            Condition bestCondition = null;
            boolean limitedForBpa = false;
            List<String> notes = new ArrayList<>();
            for (Condition c : s.conditions()) {
                Admits a = ConditionKeys.allowRestriction(c, apPolicy);
                if (a.fixed() && ConditionKeys.broadRanges(a).isEmpty()) {
                    limitedForBpa |= ConditionKeys.countsForBlockPublicAccess(c.key());
                    if (best == null || a.rank() < best.rank()) {
                        best = a;
                        bestCondition = c;
                    }
                } else if (a.fixed()) {
                    notes.add("aws:SourceIp " + String.join(", ", ConditionKeys.broadRanges(a))
                            + " is broader than /8 (IPv4) or /32 (IPv6) and not private, so it is public");
                } else if (ConditionKeys.restrictingKey(c.key())) {
                    notes.add(a.why());
                }
            }
            String limit = best == null ? "" : "; limited by " + bestCondition.text();
            if (best != null && !limitedForBpa && !publicPrincipals(s).isEmpty()) {
                String note = label(s) + " opens " + (s.notPrincipal() ? "NotPrincipal" : "Principal *")
                        + " only to callers carrying " + bestCondition.keyText() + ", which S3's Block Public"
                        + " Access does not count among the keys that make a policy non-public: S3 calls the policy"
                        + " public, and RestrictPublicBuckets would cut every grant of it";
                publicToS3.put(s.label(), note);
                limit += "; S3 still calls this statement public (" + bestCondition.keyText() + " is not a key"
                        + " Block Public Access accepts), so RestrictPublicBuckets would cut it";
            }
            for (Principal p : publicPrincipals(s)) {
                String who = s.notPrincipal() ? "* except " + s.principals().stream().map(Principal::value)
                        .collect(Collectors.joining(", ")) + " (NotPrincipal)"
                        : p.kind() == PrincipalKind.WEB_IDENTITY ? "anyone signed in with " + p.value() + " (Federated)"
                        : "*";
                if (best == null) {
                    String why = notes.isEmpty() ? "no condition restricts it" : String.join("; ", notes);
                    out.add(new Candidate(s, Grantee.anonymous(), actions, scope, what + " to " + who + onWhat + "; "
                            + why));
                } else {
                    for (Party party : best.parties()) {
                        out.add(new Candidate(s, grantee(party), actions, scope, what + " to " + who + onWhat + limit));
                    }
                }
            }
            if (!s.notPrincipal()) {
                for (Principal p : s.principals()) {
                    if (p.kind() == PrincipalKind.ANY || p.kind() == PrincipalKind.WEB_IDENTITY) {
                        continue;
                    }
                    for (Grantee g : named(p, s)) {
                        String actingFor = p.kind() == PrincipalKind.SERVICE && g.kind() != GranteeKind.SERVICE
                                ? " acting for " + (g.display() != null ? g.display() : g.describe()) : "";
                        out.add(new Candidate(s, g, actions, scope, what + " to " + p.value() + actingFor + onWhat
                                + (g.kind() == GranteeKind.SERVICE ? serviceNote(s) : "")));
                    }
                }
            }
            return out;
        }

        private List<Principal> publicPrincipals(Statement s) {
            if (s.notPrincipal()) {
                // NotPrincipal with Allow reaches everyone but the listed principals, anonymous callers too.
                return s.principals().stream().anyMatch(p -> p.kind() == PrincipalKind.ANY) ? List.of()
                        : List.of(new Principal(PrincipalKind.ANY, "*", null, false));
            }
            List<Principal> out = new ArrayList<>();
            for (Principal p : s.principals()) {
                if (p.kind() == PrincipalKind.ANY && out.stream().noneMatch(o -> o.kind() == PrincipalKind.ANY)) {
                    out.add(p);
                } else if (p.kind() == PrincipalKind.WEB_IDENTITY) {
                    out.add(p);
                }
            }
            return out;
        }

        private String serviceNote(Statement s) {
            boolean scoped = s.conditions().stream().anyMatch(c -> Set.of("aws:sourceaccount", "aws:sourcearn",
                    "aws:sourceowner").contains(c.key()));
            return scoped ? "" : "; no aws:SourceAccount or aws:SourceArn condition, so the service may act for any"
                    + " account";
        }

        /** Grantees of a named principal; a service acting for a fixed foreign source account is that account. */
        private List<Grantee> named(Principal p, Statement s) {
            return switch (p.kind()) {
                case AWS, FEDERATED_PROVIDER -> List.of(account(p.account(), p.value()));
                case UNIQUE_ID, CANONICAL_USER -> List.of(new Grantee(GranteeKind.ACCOUNT, p.value(), p.value()));
                case SERVICE -> {
                    List<Grantee> foreign = new ArrayList<>();
                    for (Condition c : s.conditions()) {
                        if (!Set.of("aws:sourceaccount", "aws:sourcearn", "aws:sourceowner").contains(c.key())) {
                            continue;
                        }
                        Admits a = ConditionKeys.allowRestriction(c, apPolicy);
                        if (a.fixed()) {
                            for (Party party : a.parties()) {
                                if (!party.id().equals(ownerAccount)) {
                                    foreign.add(grantee(party));
                                }
                            }
                        }
                    }
                    yield foreign.isEmpty() ? List.of(new Grantee(GranteeKind.SERVICE, p.value(), p.value())) : foreign;
                }
                case ANY, WEB_IDENTITY -> List.of(Grantee.anonymous());
            };
        }

        private Set<Action> reachable(Statement s, ResourceScope scope) {
            Set<Action> named = new LinkedHashSet<>();
            if (s.notAction()) {
                for (Action a : S3Actions.all()) {
                    if (s.actions().stream().noneMatch(p -> S3Actions.names(p, a))) {
                        named.add(a);
                    }
                }
            } else {
                for (String p : s.actions()) {
                    named.addAll(S3Actions.expand(p));
                }
            }
            Set<Action> out = new LinkedHashSet<>();
            for (Action a : named) {
                if (a.permission() != null && (a.level() == Level.BUCKET ? scope.bucket() : scope.someObjects())) {
                    out.add(a);
                }
            }
            return out;
        }

        // ---- Deny statements --------------------------------------------------------------------------------

        private DenyRule deny(Statement s) {
            ResourceScope scope = ResourceScope.of(s.resources(), s.notResource(), base, apPolicy, false);
            boolean anyone = s.principalIsAnyone() || (s.notPrincipal()
                    && s.principals().stream().noneMatch(p -> p.kind() == PrincipalKind.ANY));
            List<Party> survivors = new ArrayList<>();
            if (s.notPrincipal()) {
                for (Principal p : s.principals()) {
                    survivors.add(exceptedParty(p));
                }
            }
            DenyKind kind;
            String unproven = null;
            if (s.conditions().isEmpty()) {
                kind = survivors.isEmpty() ? DenyKind.UNCONDITIONAL : DenyKind.FENCE;
            } else if (s.conditions().stream().anyMatch(ConditionKeys::anonymousSidesteps)) {
                kind = DenyKind.SIDESTEPPED;
            } else {
                List<String> unknown = new ArrayList<>();
                int rank = Integer.MAX_VALUE;
                for (Condition c : s.conditions()) {
                    Admits fence = ConditionKeys.denyFence(c, apPolicy);
                    if (fence == null) {
                        unknown.add(c.text());
                    } else {
                        survivors.addAll(fence.parties());
                        rank = Math.min(rank, fence.rank());
                    }
                }
                if (unknown.isEmpty()) {
                    kind = DenyKind.FENCE;
                } else {
                    kind = DenyKind.UNPROVEN;
                    unproven = String.join("; ", unknown);
                }
            }
            return new DenyRule(s, scope, anyone, kind, List.copyOf(survivors), unproven);
        }

        private Party exceptedParty(Principal p) {
            return switch (p.kind()) {
                case AWS, FEDERATED_PROVIDER -> new Party(PartyKind.ACCOUNT, p.account(), p.value());
                case UNIQUE_ID, CANONICAL_USER -> new Party(PartyKind.ACCOUNT, p.value(), p.value());
                case SERVICE -> new Party(PartyKind.NETWORK, "service:" + p.value(), p.value());
                case ANY, WEB_IDENTITY -> new Party(PartyKind.PUBLIC, p.value(), p.value());
            };
        }

        private boolean enforcesTls(DenyRule d) {
            if (!d.statement.principalIsAnyone() || d.statement.conditions().size() != 1) {
                return false;
            }
            Condition c = d.statement.conditions().get(0);
            boolean tlsFalse = "bool".equals(c.base()) && c.qualifier().isEmpty() && "aws:securetransport".equals(c.key())
                    && c.values().size() == 1 && "false".equalsIgnoreCase(c.values().get(0));
            if (!tlsFalse) {
                return false;
            }
            boolean allActions = S3Actions.all().stream().allMatch(d::names)
                    && (d.statement.notAction() || d.statement.actions().stream().anyMatch(p -> "*".equals(p)
                    || "s3:*".equalsIgnoreCase(p)));
            if (allActions && d.scope.bucket() && d.scope.allObjects()) {
                return true;
            }
            // A Deny on plain HTTP that covers part of the bucket: say what it covers and what it leaves open.
            List<String> open = new ArrayList<>();
            if (!d.scope.bucket()) {
                open.add("bucket-level requests (ListBucket, GetBucketAcl, GetBucketPolicy and the like), because its"
                        + " Resource names no bucket ARN");
            }
            if (!d.scope.someObjects()) {
                open.add("every object request, because its Resource names no object ARN");
            } else if (!d.scope.allObjects()) {
                open.add("object requests outside " + String.join(", ", d.statement.resources()));
            }
            if (!allActions) {
                List<String> missing = S3Actions.all().stream().filter(a -> !d.names(a)).map(S3Actions.Action::name)
                        .sorted().toList();
                // The actions that move data first, so that the line names what matters.
                List<String> shown = new ArrayList<>(List.of("GetObject", "PutObject", "ListBucket", "DeleteObject"));
                shown.retainAll(missing);
                missing.stream().filter(m -> !shown.contains(m)).limit(Math.max(0, 4 - shown.size()))
                        .forEach(shown::add);
                open.add("the " + missing.size() + " actions it does not name (" + String.join(", ", shown)
                        + (missing.size() > shown.size() ? " among them" : "") + ")");
            }
            tlsGaps.add(label(d.statement) + " denies requests without TLS (aws:SecureTransport false) on "
                    + (d.statement.notAction() ? "every action except " : "") + actionText(d.statement) + " for "
                    + String.join(", ", d.statement.resources()) + ", but leaves " + String.join("; and ", open)
                    + " open over plain HTTP");
            return false;
        }

        /** Applies the Deny statements that reach everyone to a public candidate, action by action. */
        private List<Candidate> narrowPublic(Candidate c, List<DenyRule> denies) {
            Set<Action> removed = new LinkedHashSet<>();
            Map<Action, DenyRule> tightest = new LinkedHashMap<>();
            List<DenyRule> relevant = denies.stream()
                    .filter(d -> d.anyone && d.kind != DenyKind.SIDESTEPPED).toList();
            // First what is proven, so that an unprovable Deny is reported only where the grant is still public.
            for (DenyRule d : relevant) {
                if (d.kind == DenyKind.UNPROVEN) {
                    continue;
                }
                boolean coversObjects = d.scope.coversObjectsOf(c.scope);
                boolean stillPublic = d.survivors.stream().anyMatch(p -> p.kind() == PartyKind.PUBLIC);
                for (Action a : c.actions) {
                    if (!overlaps(d, a) || (a.level() == Level.OBJECT && !coversObjects)) {
                        continue;
                    }
                    if (d.kind == DenyKind.UNCONDITIONAL) {
                        removed.add(a);
                    } else if (!stillPublic) {
                        tightest.merge(a, d, (x, y) -> fenceOrder(x, y) <= 0 ? x : y);
                    }
                }
            }
            Set<Action> uncertain = new LinkedHashSet<>();
            Map<String, Set<String>> doubts = new TreeMap<>();
            for (DenyRule d : relevant) {
                boolean coversObjects = d.scope.coversObjectsOf(c.scope);
                for (Action a : c.actions) {
                    if (removed.contains(a) || tightest.containsKey(a) || !overlaps(d, a)) {
                        continue;
                    }
                    String why = d.kind == DenyKind.UNPROVEN
                            ? "denies with a condition bucketguard cannot evaluate (" + d.unproven + ")"
                            : a.level() == Level.OBJECT && !coversObjects
                            ? "denies only part of the objects granted to the public, and bucketguard cannot prove"
                            + " what remains" : null;
                    if (why != null) {
                        uncertain.add(a);
                        doubts.computeIfAbsent(label(d.statement) + " " + why, k -> new TreeSet<>())
                                .add(a.name());
                    }
                }
            }
            Map<List<Grantee>, Set<Action>> byOutcome = new LinkedHashMap<>();
            Map<List<Grantee>, String> why = new LinkedHashMap<>();
            for (Action a : c.actions) {
                if (removed.contains(a)) {
                    continue;
                }
                DenyRule fence = tightest.get(a);
                List<Grantee> outcome = fence == null ? List.of(c.grantee)
                        : fence.survivors.stream().map(this::grantee).distinct().toList();
                byOutcome.computeIfAbsent(outcome, k -> new LinkedHashSet<>()).add(a);
                if (fence != null) {
                    why.putIfAbsent(outcome, "; " + label(fence.statement) + " denies everyone else ("
                            + fenceText(fence) + ")");
                }
            }
            List<Candidate> out = new ArrayList<>();
            for (Map.Entry<List<Grantee>, Set<Action>> e : byOutcome.entrySet()) {
                for (Grantee g : e.getKey()) {
                    Candidate n = new Candidate(c.statement, g, e.getValue(), c.scope,
                            c.detail + why.getOrDefault(e.getKey(), ""));
                    if (g.isPublic()) {
                        n.uncertain.addAll(uncertain);
                        doubts.forEach((k, v) -> n.doubts.put(k, v));
                    }
                    out.add(n);
                }
            }
            return out;
        }

        private boolean overlaps(DenyRule d, Action a) {
            return (a.level() == Level.BUCKET ? d.scope.bucket() : d.scope.someObjects()) && d.names(a);
        }

        /** Order between two fences: the more specific one decides, ties by their text, so order never matters. */
        private int fenceOrder(DenyRule a, DenyRule b) {
            int ra = a.survivors.size();
            int rb = b.survivors.size();
            if (ra != rb) {
                return Integer.compare(ra, rb);
            }
            return fenceText(a).compareTo(fenceText(b));
        }

        private String fenceText(DenyRule d) {
            List<String> parts = new ArrayList<>();
            if (d.statement.notPrincipal()) {
                parts.add("NotPrincipal " + d.statement.principals().stream().map(Principal::value)
                        .collect(Collectors.joining(",")));
            }
            d.statement.conditions().forEach(c -> parts.add(c.text()));
            return String.join("; ", parts);
        }

        /** A named grantee loses the actions a Deny provably takes from it; anything unproven leaves it in place. */
        private void removeForNamed(Candidate c, List<DenyRule> denies) {
            for (DenyRule d : denies) {
                if (!appliesToAllOf(d, c.grantee)) {
                    continue;
                }
                c.actions.removeIf(a -> d.names(a)
                        && (a.level() == Level.BUCKET ? d.scope.bucket() : d.scope.coversObjectsOf(c.scope)));
            }
        }

        private boolean appliesToAllOf(DenyRule d, Grantee g) {
            if (d.kind == DenyKind.UNCONDITIONAL && d.statement.principalIsAnyone()) {
                return true;
            }
            String account = g.kind() == GranteeKind.OWNER ? ownerAccount : g.id();
            if (d.kind == DenyKind.UNCONDITIONAL && !d.statement.notPrincipal()) {
                return d.statement.principals().stream().anyMatch(p -> p.wholeAccount()
                        && Objects.equals(p.account(), account) && g.kind() != GranteeKind.SERVICE);
            }
            if (d.kind == DenyKind.FENCE && d.anyone && g.kind() == GranteeKind.ACCOUNT) {
                boolean accountFence = !d.statement.conditions().isEmpty() && d.statement.conditions().stream()
                        .allMatch(c -> "aws:principalaccount".equals(c.key()));
                boolean noException = d.survivors.stream().noneMatch(p -> Objects.equals(p.id(), g.id()));
                boolean exceptionsAreAccounts = d.survivors.stream().allMatch(p -> p.kind() == PartyKind.ACCOUNT);
                return noException && exceptionsAreAccounts
                        && (accountFence || d.statement.conditions().isEmpty());
            }
            return false;
        }

        // ---- results ----------------------------------------------------------------------------------------

        private List<Grant> merge(List<Candidate> candidates) {
            Map<String, Candidate> merged = new LinkedHashMap<>();
            for (Candidate c : candidates) {
                if (permissions(c.actions).isEmpty()) {
                    continue;
                }
                String key = c.statement.index() + "|" + c.grantee.kind() + "|" + c.grantee.id();
                Candidate prior = merged.get(key);
                if (prior == null) {
                    merged.put(key, c);
                } else {
                    prior.actions.addAll(c.actions);
                    if (!prior.detail.equals(c.detail) && !prior.detail.contains(c.detail)) {
                        prior.detail = prior.detail + " | " + c.detail;
                    }
                }
            }
            List<Grant> out = new ArrayList<>();
            for (Candidate c : merged.values()) {
                out.add(new Grant(c.grantee, permissions(c.actions), via, label(c.statement), c.detail,
                        c.statement.conditions().stream().map(Condition::text).toList(),
                        apPolicy ? accessPoint : null));
            }
            return out;
        }

        private Set<Permission> permissions(Set<Action> actions) {
            Set<Permission> p = EnumSet.noneOf(Permission.class);
            actions.forEach(a -> p.add(a.permission()));
            return p;
        }

        private String label(Statement s) {
            String prefix = apPolicy ? "access point '" + (accessPoint == null ? "?" : accessPoint) + "' policy "
                    : "policy ";
            return prefix + s.label();
        }

        private Grantee grantee(Party p) {
            return switch (p.kind()) {
                case ACCOUNT -> account(p.id(), p.display());
                case ORGANIZATION -> new Grantee(GranteeKind.ORGANIZATION, p.id(), p.display());
                case NETWORK -> p.id().startsWith("service:")
                        ? new Grantee(GranteeKind.SERVICE, p.display(), p.display())
                        : new Grantee(GranteeKind.NETWORK, p.id(), p.display());
                case PUBLIC -> Grantee.anonymous();
            };
        }

        private Grantee account(String id, String display) {
            return id.equals(ownerAccount) ? new Grantee(GranteeKind.OWNER, null, display)
                    : new Grantee(GranteeKind.ACCOUNT, id, display);
        }
    }

    private static String actionText(Statement s) {
        List<String> shown = s.actions().stream().limit(4).toList();
        String list = String.join(", ", shown) + (s.actions().size() > 4 ? ", ..." : "");
        return s.notAction() ? "every action except " + list : list;
    }

    /** The bucket (or "accesspoint/name") the policy's own resources name, when one is free of wildcards. */
    private static String inferBase(PolicyDocument doc, boolean accessPoint) {
        for (Statement s : doc.statements()) {
            for (String r : s.resources()) {
                String[] parts = r.split(":", 6);
                if (parts.length != 6 || !"s3".equals(parts[2])) {
                    continue;
                }
                String res = parts[5];
                String name;
                if (accessPoint) {
                    if (!res.startsWith("accesspoint/")) {
                        continue;
                    }
                    String rest = res.substring("accesspoint/".length());
                    int slash = rest.indexOf('/');
                    name = "accesspoint/" + (slash < 0 ? rest : rest.substring(0, slash));
                } else {
                    int slash = res.indexOf('/');
                    name = slash < 0 ? res : res.substring(0, slash);
                }
                if (!name.isEmpty() && !Glob.hasWildcard(name) && !name.endsWith("/")) {
                    return name;
                }
            }
        }
        return null;
    }

    private enum DenyKind {
        /** No condition: it applies to every caller it names. */
        UNCONDITIONAL,
        /** Only negated fixed-value tests of restricting keys (or NotPrincipal): callers inside escape it. */
        FENCE,
        /** A condition an anonymous caller can always make false. */
        SIDESTEPPED,
        /** Anything else. */
        UNPROVEN
    }

    private record DenyRule(Statement statement, ResourceScope scope, boolean anyone, DenyKind kind,
                            List<Party> survivors, String unproven, Map<Action, Boolean> named) {
        DenyRule(Statement statement, ResourceScope scope, boolean anyone, DenyKind kind, List<Party> survivors,
                 String unproven) {
            this(statement, scope, anyone, kind, survivors, unproven, new HashMap<>());
        }

        /** Memoised: the same actions are asked about for every Allow. */
        boolean names(Action a) {
            return named.computeIfAbsent(a, x -> statement.notAction()
                    != statement.actions().stream().anyMatch(p -> S3Actions.names(p, x)));
        }
    }

    /** A grant in the making: one statement, one grantee, the actions still reaching data. */
    private static final class Candidate {
        final Statement statement;
        final Grantee grantee;
        final Set<Action> actions;
        final ResourceScope scope;
        /** Public actions an unprovable Deny may take away. */
        final Set<Action> uncertain = new LinkedHashSet<>();
        /** Why, per Deny, with the actions concerned. */
        final Map<String, Set<String>> doubts = new TreeMap<>();
        String detail;

        Candidate(Statement statement, Grantee grantee, Set<Action> actions, ResourceScope scope, String detail) {
            this.statement = statement;
            this.grantee = grantee;
            this.actions = new LinkedHashSet<>(actions);
            this.scope = scope;
            this.detail = detail;
        }
    }
}
