package dev.bucketguard.cloud.aws.policy;

import dev.bucketguard.cloud.aws.policy.PolicyDocument.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The condition keys that can make a statement non-public, and who a fixed value of each admits.
 * A value is fixed when it holds no wildcard and no policy variable; ARN keys may wildcard the parts after a fixed
 * account, since every ARN they then match belongs to that account.
 */
final class ConditionKeys {
    /** Who a fixed condition value admits. */
    enum PartyKind { ACCOUNT, ORGANIZATION, NETWORK, PUBLIC }

    /** One party a condition value admits; {@code id} is the account, organisation or network. */
    record Party(PartyKind kind, String id, String display) {
    }

    /**
     * What a restricting key's values admit. {@code parties} is null when a value is not fixed; {@code why} then
     * says which and why.
     *
     * @param rank lower is more specific: named accounts, then organisations, then networks
     */
    record Admits(int rank, List<Party> parties, String why) {
        boolean fixed() {
            return parties != null;
        }
    }

    private static final Set<String> POSITIVE = Set.of("stringequals", "stringequalsignorecase", "stringlike",
            "arnequals", "arnlike", "ipaddress");
    private static final Set<String> NEGATED = Set.of("stringnotequals", "stringnotequalsignorecase",
            "stringnotlike", "arnnotequals", "arnnotlike", "notipaddress");
    /** Keys an anonymous caller's request does not carry, so a positive operator on them is false for it. */
    private static final Set<String> ABSENT_FOR_ANONYMOUS = Set.of("aws:principalorgid", "aws:principalaccount",
            "aws:principalarn", "aws:principalorgpaths", "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner",
            "aws:sourcevpc", "aws:sourcevpce", "s3:dataaccesspointarn", "s3:dataaccesspointaccount");
    /** Request keys whose value the caller picks, so any test of one fixed value set can be sidestepped. */
    private static final Set<String> CALLER_CHOSEN = Set.of("s3:x-amz-acl", "s3:prefix", "s3:delimiter");

    /** An AWS Organizations organisation id. */
    private static final java.util.regex.Pattern ORG_ID = java.util.regex.Pattern.compile("o-[a-z0-9]{10,32}");

    private ConditionKeys() {
    }

    /**
     * True when S3's Block Public Access counts a fixed value of the key as making a statement non-public
     * (SEMANTICS 1.1). {@code aws:PrincipalOrgPaths} limits who a statement reaches (anonymous callers and principals
     * outside the organisation do not carry it, SEMANTICS 1.4), yet it is not on that list: S3 calls such a policy
     * public, and RestrictPublicBuckets cuts it.
     */
    static boolean countsForBlockPublicAccess(String key) {
        return restrictingKey(key) && !"aws:principalorgpaths".equals(key);
    }

    static boolean restrictingKey(String key) {
        return rank(key) > 0;
    }

    private static int rank(String key) {
        return switch (key) {
            case "aws:principalarn", "aws:principalaccount", "aws:sourceaccount", "aws:sourceowner",
                    "s3:dataaccesspointaccount", "s3:dataaccesspointarn", "aws:sourcearn",
                    "s3:x-amz-server-side-encryption-aws-kms-key-id", "aws:userid" -> 1;
            case "aws:principalorgid", "aws:principalorgpaths" -> 2;
            case "aws:sourcevpce" -> 3;
            case "aws:sourcevpc" -> 4;
            case "aws:sourceip" -> 5;
            default -> 0;
        };
    }

    /**
     * For an Allow: the parties this condition limits the statement to, or why it limits nothing. Only a positive
     * operator without IfExists or ForAllValues, on a restricting key with fixed values, limits.
     */
    static Admits allowRestriction(Condition c, boolean accessPointPolicy) {
        if (!restrictingKey(c.key())) {
            return new Admits(0, null, c.keyText() + " is not a key that limits who the statement reaches");
        }
        if (c.negated()) {
            return new Admits(0, null, "negated operator " + c.operator() + " never limits an Allow (a caller"
                    + " without the key passes it)");
        }
        if (c.ifExists()) {
            return new Admits(0, null, c.operator() + " admits callers without " + c.keyText()
                    + ", anonymous ones included");
        }
        if ("forallvalues".equals(c.qualifier())) {
            return new Admits(0, null, "ForAllValues: is true when the request has no " + c.keyText());
        }
        if (!POSITIVE.contains(c.base())) {
            return new Admits(0, null, "operator " + c.operator() + " does not limit " + c.keyText());
        }
        return values(c, accessPointPolicy);
    }

    /**
     * For a Deny: the parties that escape it when it is a fence (a negated operator on a restricting key with fixed
     * values), else null. IfExists changes nothing here: a negated operator is already true for a missing key.
     */
    static Admits denyFence(Condition c, boolean accessPointPolicy) {
        if (!restrictingKey(c.key()) || !NEGATED.contains(c.base()) || !c.qualifier().isEmpty()) {
            return null;
        }
        Admits a = values(c, accessPointPolicy);
        return a.fixed() ? a : null;
    }

    /** True when an anonymous caller can always make this Deny condition false, so the Deny does not stop it. */
    static boolean anonymousSidesteps(Condition c) {
        if ("bool".equals(c.base()) && "aws:securetransport".equals(c.key()) && c.values().size() == 1) {
            return true;
        }
        boolean stringOp = c.base().startsWith("string");
        if (stringOp && c.qualifier().isEmpty() && CALLER_CHOSEN.contains(c.key())
                && c.values().stream().noneMatch(Glob::hasWildcard)) {
            return true;
        }
        return POSITIVE.contains(c.base()) && !c.ifExists() && !"forallvalues".equals(c.qualifier())
                && ABSENT_FOR_ANONYMOUS.contains(c.key());
    }

    private static Admits values(Condition c, boolean accessPointPolicy) {
        int rank = rank(c.key());
        boolean ipKey = "aws:sourceip".equals(c.key());
        boolean ipOp = c.base().contains("ipaddress");
        if (ipKey != ipOp) {
            return new Admits(0, null, "operator " + c.operator() + " does not apply to " + c.keyText());
        }
        List<Party> parties = new ArrayList<>();
        for (String v : c.values()) {
            if (v.isBlank()) {
                return new Admits(0, null, c.keyText() + " has an empty value, which fixes nothing");
            }
            if (v.contains("${")) {
                return new Admits(0, null, c.keyText() + " value '" + PolicyDocument.oneLine(v)
                        + "' is a policy variable, not a fixed value");
            }
            String why = ipKey ? ip(v, parties) : fixed(c, v, accessPointPolicy, parties);
            if (why != null) {
                return new Admits(0, null, why);
            }
        }
        return new Admits(rank, List.copyOf(parties), null);
    }

    private static String fixed(Condition c, String v, boolean accessPointPolicy, List<Party> out) {
        String shown = PolicyDocument.oneLine(v);
        switch (c.key()) {
            case "aws:principalorgid" -> {
                if (Glob.hasWildcard(v)) {
                    return c.keyText() + " value '" + shown + "' has a wildcard";
                }
                out.add(new Party(PartyKind.ORGANIZATION, v, v));
                return null;
            }
            case "aws:principalorgpaths" -> {
                // o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/...: the organisation id at the head binds the value to it;
                // a path below it admits fewer principals, never more, so counting the whole organisation is safe.
                int slash = v.indexOf('/');
                String org = slash < 0 ? v : v.substring(0, slash);
                if (Glob.hasWildcard(org) || !ORG_ID.matcher(org).matches()) {
                    return c.keyText() + " value '" + shown + "' does not start with a fixed organisation id";
                }
                if (out.stream().noneMatch(p -> p.kind() == PartyKind.ORGANIZATION && p.id().equals(org))) {
                    out.add(new Party(PartyKind.ORGANIZATION, org, v));
                }
                return null;
            }
            case "aws:sourcevpce", "aws:sourcevpc" -> {
                if (Glob.hasWildcard(v)) {
                    return c.keyText() + " value '" + shown + "' has a wildcard";
                }
                out.add(new Party(PartyKind.NETWORK, v, v));
                return null;
            }
            case "aws:principalarn", "aws:sourcearn", "s3:dataaccesspointarn",
                    "s3:x-amz-server-side-encryption-aws-kms-key-id" -> {
                return arn(c, v, accessPointPolicy, out);
            }
            case "aws:userid" -> {
                if (Glob.hasWildcard(v)) {
                    return c.keyText() + " value '" + shown + "' has a wildcard (the AROLEID:* form admits every"
                            + " session of a role, in any account that can assume it)";
                }
                if ("anonymous".equalsIgnoreCase(v)) {
                    return "aws:userid 'anonymous' is what anonymous callers carry";
                }
                out.add(new Party(PartyKind.ACCOUNT, v, "aws:userid " + v));
                return null;
            }
            default -> {
                if (Glob.hasWildcard(v)) {
                    return c.keyText() + " value '" + shown + "' has a wildcard";
                }
                out.add(new Party(PartyKind.ACCOUNT, v, v));
                return null;
            }
        }
    }

    private static String arn(Condition c, String v, boolean accessPointPolicy, List<Party> out) {
        String shown = PolicyDocument.oneLine(v);
        if (!Glob.hasWildcard(v)) {
            String[] parts = v.split(":", 6);
            if (parts.length == 6 && PolicyDocument.isAccountId(parts[4])) {
                out.add(new Party(PartyKind.ACCOUNT, parts[4], v));
            } else {
                // An ARN without an account (an S3 bucket, a KMS key id): fixed, but whose it is stays unknown, so
                // it counts as an outside party until the user trusts it.
                out.add(new Party(PartyKind.ACCOUNT, v, v));
            }
            return null;
        }
        if ("s3:dataaccesspointarn".equals(c.key()) && accessPointPolicy) {
            return c.keyText() + " value '" + shown + "' has a wildcard, which makes an access-point policy public";
        }
        String[] parts = v.split(":", 6);
        boolean arnOp = c.base().startsWith("arn");
        // StringLike's * may span colons, so only ArnLike/ArnEquals may wildcard the parts before the account.
        boolean prefixFixed = parts.length == 6 && (arnOp || !Glob.hasWildcard(parts[0] + parts[1] + parts[2]
                + parts[3]));
        if (prefixFixed && PolicyDocument.isAccountId(parts[4]) && !"stringequals".equals(c.base())
                && !"stringequalsignorecase".equals(c.base())) {
            out.add(new Party(PartyKind.ACCOUNT, parts[4], v));
            return null;
        }
        return c.keyText() + " value '" + shown + "' has a wildcard that does not keep the account fixed";
    }

    /** The CIDR rule: broader than /8 (IPv4) or /32 (IPv6), unless inside RFC 1918, is public. */
    private static String ip(String v, List<Party> out) {
        String addr = v;
        int bits;
        int slash = v.indexOf('/');
        boolean v6 = v.indexOf(':') >= 0;
        try {
            if (slash >= 0) {
                addr = v.substring(0, slash);
                bits = Integer.parseInt(v.substring(slash + 1));
            } else {
                bits = v6 ? 128 : 32;
            }
        } catch (NumberFormatException e) {
            return "aws:SourceIp value '" + PolicyDocument.oneLine(v) + "' is not an IP range";
        }
        int[] octets = v6 ? null : ipv4(addr);
        if ((v6 && !ipv6Shape(addr)) || (!v6 && octets == null) || bits < 0 || bits > (v6 ? 128 : 32)) {
            return "aws:SourceIp value '" + PolicyDocument.oneLine(v) + "' is not an IP range";
        }
        boolean broad = v6 ? bits < 32 : bits < 8 && !rfc1918(octets, bits);
        if (broad) {
            out.add(new Party(PartyKind.PUBLIC, v, v));
            return null;
        }
        out.add(new Party(PartyKind.NETWORK, v.toLowerCase(Locale.ROOT), v));
        return null;
    }

    /** Public ranges among a fixed aws:SourceIp value set, for the detail text. */
    static List<String> broadRanges(Admits a) {
        return a.parties() == null ? List.of()
                : a.parties().stream().filter(p -> p.kind() == PartyKind.PUBLIC).map(Party::id).toList();
    }

    private static int[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3) {
                return null;
            }
            for (char ch : parts[i].toCharArray()) {
                if (ch < '0' || ch > '9') {
                    return null;
                }
            }
            out[i] = Integer.parseInt(parts[i]);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }

    private static boolean ipv6Shape(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        for (char ch : s.toCharArray()) {
            boolean ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')
                    || ch == ':' || ch == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean rfc1918(int[] o, int bits) {
        return (o[0] == 10 && bits >= 8) || (o[0] == 172 && o[1] >= 16 && o[1] <= 31 && bits >= 12)
                || (o[0] == 192 && o[1] == 168 && bits >= 16);
    }
}
