package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.ObjectOwnership;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** How S3 rules say who may do what, the same way in every message. */
final class S3Wording {
    private S3Wording() {
    }

    /** What the grant's subject is called in a message about access control: "the ACL", "the object's ACL". */
    enum Subject {
        BUCKET_ACL("the ACL"),
        POLICY("the bucket's access settings"),
        OBJECT_ACL("the object's ACL");

        private final String acp;

        Subject(String acp) {
            this.acp = acp;
        }
    }

    static String who(Grantee g) {
        return switch (g.kind()) {
            case ANONYMOUS -> "anyone";
            case ANY_AUTHENTICATED -> "any authenticated AWS user";
            default -> g.describe();
        };
    }

    /** "list objects, read objects and change the ACL", in the permissions' declared order. */
    static String verbs(Set<Permission> permissions, Subject subject) {
        List<String> words = new ArrayList<>();
        for (Permission p : EnumSet.copyOf(permissions)) {
            words.add(switch (p) {
                case LIST -> "list objects";
                case READ -> subject == Subject.OBJECT_ACL ? "read the object" : "read objects";
                case WRITE -> "write/delete objects";
                case READ_ACP -> "read " + subject.acp;
                case WRITE_ACP -> "change " + subject.acp;
            });
        }
        return and(words);
    }

    static String and(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** "policy statement 'X' grants read, list to anyone (detail) [conditions: …]", for evidence. */
    static String evidence(Grant g) {
        StringBuilder b = new StringBuilder(g.source()).append(" grants ")
                .append(g.sortedPermissions().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", ")))
                .append(" to ").append(who(g.grantee()));
        if (g.grantee().display() != null) {
            b.append(" (").append(g.grantee().display()).append(')');
        }
        if (g.detail() != null && !g.detail().isBlank()) {
            b.append(": ").append(g.detail());
        }
        if (g.conditional()) {
            b.append(" [conditions: ").append(String.join("; ", g.conditions())).append(']');
        }
        return b.toString();
    }

    /** "Object Ownership is ObjectWriter: ACLs are in force", or why it is not known. */
    static String ownership(Resource r) {
        if (!r.knows(S3Facts.OBJECT_OWNERSHIP)) {
            return "Object Ownership could not be read, so whether ACLs are in force is unknown";
        }
        ObjectOwnership o = ownershipOf(r);
        return "Object Ownership is " + o.label()
                + (o.aclsEnabled() ? ": ACLs are in force" : ": ACLs are disabled");
    }

    /** The Object Ownership setting; call only when it is known. */
    static ObjectOwnership ownershipOf(Resource r) {
        return S3Bucket.of(r).objectOwnership();
    }

    /** True only when Object Ownership was read and is BucketOwnerEnforced. */
    static boolean aclsDisabled(Resource r) {
        return r.knows(S3Facts.OBJECT_OWNERSHIP) && !ownershipOf(r).aclsEnabled();
    }
}
