package dev.bucketguard.aws;

import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Maps S3 ACL grants onto the model. A bucket ACL never reaches object data: its READ lets a grantee list the
 * objects, and FULL_CONTROL is list, write and the two ACP permissions. An object ACL's READ reads that object.
 */
final class AclGrants {
    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    private AclGrants() {
    }

    static List<Grant> bucket(List<software.amazon.awssdk.services.s3.model.Grant> grants, String ownerCanonicalId) {
        return map(grants, ownerCanonicalId, S3Channels.ACL, null);
    }

    static List<Grant> object(List<software.amazon.awssdk.services.s3.model.Grant> grants, String ownerCanonicalId,
                              String key) {
        return map(grants, ownerCanonicalId, S3Channels.OBJECT_ACL, key);
    }

    private static List<Grant> map(List<software.amazon.awssdk.services.s3.model.Grant> grants, String owner,
                                   Channel via, String key) {
        List<Grant> out = new ArrayList<>();
        for (var g : grants) {
            if (g.grantee() == null) {
                continue;
            }
            boolean object = S3Channels.OBJECT_ACL.equals(via);
            Set<Permission> perms = permissions(g.permissionAsString(), object);
            if (perms.isEmpty()) {
                continue;
            }
            Grantee grantee = grantee(g.grantee(), owner);
            String source = object ? "ACL of object '" + key + "'" : "bucket ACL";
            String detail = "ACL grant " + g.permissionAsString() + " to " + describe(g.grantee());
            out.add(new Grant(grantee, perms, via, source, detail, List.of(), key));
        }
        return out;
    }

    static Set<Permission> permissions(String acl, boolean object) {
        if (acl == null) {
            return Set.of();
        }
        return switch (acl) {
            case "READ" -> EnumSet.of(object ? Permission.READ : Permission.LIST);
            case "WRITE" -> EnumSet.of(Permission.WRITE);
            case "READ_ACP" -> EnumSet.of(Permission.READ_ACP);
            case "WRITE_ACP" -> EnumSet.of(Permission.WRITE_ACP);
            case "FULL_CONTROL" -> object
                    ? EnumSet.of(Permission.READ, Permission.READ_ACP, Permission.WRITE_ACP)
                    : EnumSet.of(Permission.LIST, Permission.WRITE, Permission.READ_ACP, Permission.WRITE_ACP);
            // An unknown permission is treated as the widest one rather than dropped.
            default -> EnumSet.allOf(Permission.class);
        };
    }

    static Grantee grantee(software.amazon.awssdk.services.s3.model.Grantee g, String owner) {
        Type type = g.type();
        if (type == Type.GROUP) {
            String uri = g.uri() == null ? "" : g.uri();
            return switch (uri) {
                case ALL_USERS -> Grantee.anonymous();
                case AUTHENTICATED_USERS -> Grantee.anyAuthenticated();
                case LOG_DELIVERY -> new Grantee(GranteeKind.SERVICE, "logging.s3.amazonaws.com", uri);
                // A group S3 does not document: assume the worst, anyone signed in.
                default -> new Grantee(GranteeKind.ANY_AUTHENTICATED, null, uri);
            };
        }
        if (type == Type.AMAZON_CUSTOMER_BY_EMAIL && g.emailAddress() != null) {
            return new Grantee(GranteeKind.ACCOUNT, g.emailAddress(), g.emailAddress());
        }
        if (g.id() != null && g.id().equals(owner)) {
            return Grantee.owner();
        }
        if (g.id() != null && !g.id().isBlank()) {
            return new Grantee(GranteeKind.ACCOUNT, g.id(), g.displayName());
        }
        return new Grantee(GranteeKind.ANY_AUTHENTICATED, null, "unidentified grantee");
    }

    private static String describe(software.amazon.awssdk.services.s3.model.Grantee g) {
        if (g.type() == Type.GROUP) {
            String uri = g.uri() == null ? "" : g.uri();
            return uri.substring(uri.lastIndexOf('/') + 1) + " (" + uri + ")";
        }
        if (g.emailAddress() != null) {
            return "e-mail " + g.emailAddress();
        }
        return "canonical user " + g.id() + (g.displayName() == null ? "" : " (" + g.displayName() + ")");
    }

    static boolean publicGrant(Grant g) {
        return g.grantee().isPublic();
    }
}
