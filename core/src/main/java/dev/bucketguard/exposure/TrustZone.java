package dev.bucketguard.exposure;

import dev.bucketguard.model.Resource;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts, organisations and networks that count as "ours", like IAM Access Analyzer's zone of trust. The
 * resource's own owner, and the owner's parents (its organisation, its tenant), always count.
 *
 * @param accounts      trusted owner ids: AWS accounts, Azure tenants or subscriptions, GCP projects or domains
 * @param organizations trusted organisation ids (for example {@code o-a1b2c3d4e5})
 * @param networks      trusted networks: IP ranges in CIDR notation (a range inside one of them is trusted too) and
 *                      network ids matched exactly, case-insensitively (a VPC {@code vpc-...}, a VPC endpoint
 *                      {@code vpce-...}, an Azure subnet resource id)
 */
public record TrustZone(Set<String> accounts, Set<String> organizations, Set<String> networks) {
    public static final TrustZone OWNER_ONLY = new TrustZone(Set.of(), Set.of(), Set.of());

    public TrustZone {
        accounts = accounts == null ? Set.of() : Set.copyOf(new TreeSet<>(accounts));
        organizations = organizations == null ? Set.of() : Set.copyOf(new TreeSet<>(organizations));
        TreeSet<String> nets = new TreeSet<>();
        if (networks != null) {
            for (String n : networks) {
                if (n == null || n.isBlank()) {
                    throw new IllegalArgumentException("a trusted network is a CIDR range or a network id, not ''");
                }
                if (looksLikeRange(n) && Cidr.parse(n) == null) {
                    throw new IllegalArgumentException("trusted network '" + n + "' is not a valid CIDR range");
                }
                nets.add(n.trim().toLowerCase(Locale.ROOT));
            }
        }
        networks = Set.copyOf(nets);
    }

    /** A zone of accounts and organisations, with no trusted network. */
    public TrustZone(Set<String> accounts, Set<String> organizations) {
        this(accounts, organizations, Set.of());
    }

    /** True when {@code id} is the owner, one of its parents, or a trusted account. */
    public boolean trustsAccount(Resource.Owner owner, String id) {
        return owner.is(id) || accounts.contains(id);
    }

    /** True when {@code id} is one of the owner's parents or a trusted organisation. */
    public boolean trustsOrganization(Resource.Owner owner, String id) {
        return owner.parents().containsValue(id) || organizations.contains(id);
    }

    /**
     * True when the network is declared ours: the same id, or an IP range that lies inside a trusted range (a single
     * address is a range of one).
     */
    public boolean trustsNetwork(String id) {
        if (id == null) {
            return false;
        }
        String n = id.trim().toLowerCase(Locale.ROOT);
        if (networks.contains(n)) {
            return true;
        }
        Cidr range = looksLikeRange(n) ? Cidr.parse(n) : null;
        if (range == null) {
            return false;
        }
        for (String t : networks) {
            Cidr trusted = looksLikeRange(t) ? Cidr.parse(t) : null;
            if (trusted != null && trusted.contains(range)) {
                return true;
            }
        }
        return false;
    }

    /** True when the zone names nothing beyond the owner and its parents. */
    public boolean ownerOnly() {
        return accounts.isEmpty() && organizations.isEmpty() && networks.isEmpty();
    }

    /** An IP address or range: hex digits, dots, colons and one slash, with a dot or a colon. */
    private static boolean looksLikeRange(String s) {
        return (s.indexOf('.') >= 0 || s.indexOf(':') >= 0)
                && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '/');
    }

    /** An IPv4 or IPv6 range. */
    private record Cidr(boolean v6, BigInteger base, int bits) {
        static Cidr parse(String s) {
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            boolean v6 = addr.indexOf(':') >= 0;
            int max = v6 ? 128 : 32;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (bits < 0 || bits > max) {
                return null;
            }
            BigInteger value = v6 ? ipv6(addr) : ipv4(addr);
            if (value == null) {
                return null;
            }
            BigInteger all = BigInteger.ONE.shiftLeft(max).subtract(BigInteger.ONE);
            BigInteger mask = all.shiftRight(bits).not().and(all);
            return new Cidr(v6, value.and(mask), bits);
        }

        /** A dotted IPv4 address as a number; null when it is not one. Parsed here: no name lookup, ever. */
        private static BigInteger ipv4(String addr) {
            String[] parts = addr.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            long v = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int octet = Integer.parseInt(p);
                if (octet > 255) {
                    return null;
                }
                v = (v << 8) | octet;
            }
            return BigInteger.valueOf(v);
        }

        /** An IPv6 address (with at most one "::" and an optional dotted IPv4 tail) as a number; null otherwise. */
        private static BigInteger ipv6(String addr) {
            int gap = addr.indexOf("::");
            if (gap >= 0 && addr.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            java.util.List<Integer> head = groups(gap < 0 ? addr : addr.substring(0, gap));
            java.util.List<Integer> tail = gap < 0 ? java.util.List.of() : groups(addr.substring(gap + 2));
            if (head == null || tail == null) {
                return null;
            }
            int given = head.size() + tail.size();
            if ((gap < 0 && given != 8) || (gap >= 0 && given > 7)) {
                return null;
            }
            BigInteger v = BigInteger.ZERO;
            for (int g : head) {
                v = v.shiftLeft(16).or(BigInteger.valueOf(g));
            }
            v = v.shiftLeft(16 * (8 - given));
            for (int g : tail) {
                v = v.shiftLeft(16).or(BigInteger.valueOf(g));
            }
            return v;
        }

        /** Colon-separated 16-bit groups, the last of which may be a dotted IPv4 address (two groups). */
        private static java.util.List<Integer> groups(String part) {
            java.util.List<Integer> out = new java.util.ArrayList<>();
            if (part.isEmpty()) {
                return out;
            }
            String[] items = part.split(":", -1);
            for (int i = 0; i < items.length; i++) {
                String g = items[i];
                if (i == items.length - 1 && g.indexOf('.') >= 0) {
                    BigInteger v4 = ipv4(g);
                    if (v4 == null) {
                        return null;
                    }
                    out.add(v4.intValue() >>> 16);
                    out.add(v4.intValue() & 0xffff);
                    continue;
                }
                if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return null;
                }
                out.add(Integer.parseInt(g, 16));
            }
            return out;
        }

        boolean contains(Cidr other) {
            if (other.v6 != v6 || other.bits < bits) {
                return false;
            }
            int max = v6 ? 128 : 32;
            BigInteger mask = BigInteger.ONE.shiftLeft(max).subtract(BigInteger.ONE).shiftRight(bits).not()
                    .and(BigInteger.ONE.shiftLeft(max).subtract(BigInteger.ONE));
            return other.base.and(mask).equals(base);
        }
    }
}
