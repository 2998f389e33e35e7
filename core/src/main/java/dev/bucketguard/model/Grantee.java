package dev.bucketguard.model;

import java.util.Objects;

/**
 * Who a grant reaches.
 *
 * @param kind    the kind of grantee
 * @param id      the account, organisation, principal or service id, where the kind has one; null for ANONYMOUS,
 *                ANY_AUTHENTICATED and OWNER
 * @param display how the grantee appears in the source, for example {@code arn:aws:iam::111122223333:root}; may be null
 */
public record Grantee(GranteeKind kind, String id, String display) {
    public Grantee {
        Objects.requireNonNull(kind, "missing required field 'kind'");
        if ((kind == GranteeKind.ACCOUNT || kind == GranteeKind.ORGANIZATION || kind == GranteeKind.NETWORK) && (id == null || id.isBlank())) {
            throw new IllegalArgumentException(kind + " grantee needs an id");
        }
    }

    public static Grantee anonymous() {
        return new Grantee(GranteeKind.ANONYMOUS, null, null);
    }

    public static Grantee anyAuthenticated() {
        return new Grantee(GranteeKind.ANY_AUTHENTICATED, null, null);
    }

    public static Grantee owner() {
        return new Grantee(GranteeKind.OWNER, null, null);
    }

    public static Grantee account(String id) {
        return new Grantee(GranteeKind.ACCOUNT, id, null);
    }

    public static Grantee organization(String id) {
        return new Grantee(GranteeKind.ORGANIZATION, id, null);
    }

    public static Grantee network(String id) {
        return new Grantee(GranteeKind.NETWORK, id, null);
    }

    public static Grantee service(String id) {
        return new Grantee(GranteeKind.SERVICE, id, null);
    }

    /** True for grantees that make a resource public: anyone, or any authenticated identity. */
    public boolean isPublic() {
        return kind == GranteeKind.ANONYMOUS || kind == GranteeKind.ANY_AUTHENTICATED;
    }

    /** Short text for people, e.g. "anyone", "any authenticated identity", "account 111122223333". */
    public String describe() {
        return switch (kind) {
            case ANONYMOUS -> "anyone";
            case ANY_AUTHENTICATED -> "any authenticated identity";
            case ACCOUNT -> "account " + id;
            case ORGANIZATION -> "organization " + id;
            case NETWORK -> "anyone on network " + id;
            case OWNER -> "the owner";
            case SERVICE -> "service " + id;
        };
    }
}
