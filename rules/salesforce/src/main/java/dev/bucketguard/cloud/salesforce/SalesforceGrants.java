package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The grants of a Salesforce resource, derived from its details: every path by which the guest, anyone who signs up,
 * the site's members or a link holder may reach records. The provider calls these so that a scan and a snapshot carry
 * the same grants; the verdict decides which of them are in force.
 */
public final class SalesforceGrants {
    /** Where guest file access applies: the grant's scope. */
    public static final String SITE_FILES = "files shared with the site";

    private SalesforceGrants() {
    }

    /** The grantee of a site's logged-in members: named external customers or partners. */
    public static Grantee members(SiteSettings settings) {
        String name = settings.network() == null ? settings.name() : settings.network().name();
        return new Grantee(GranteeKind.ACCOUNT, "members of site " + name, "logged-in members of site '" + name + "'");
    }

    /** One grant per object and path of a site's details (scope = the object). */
    public static List<Grant> site(SiteDetails s) {
        List<Grant> out = new ArrayList<>();
        for (ObjectAccess o : s.objects()) {
            if (!o.read()) {
                continue;
            }
            Set<Permission> perms = EnumSet.of(Permission.READ);
            if (o.create() || o.edit() || o.delete() || o.modifyAllRecords()) {
                perms.add(Permission.WRITE);
            }
            List<String> fields = s.readableFields(o.object()).stream().map(FieldAccess::field).toList();
            out.add(new Grant(Grantee.anonymous(), perms, SalesforceChannels.OBJECT_PERMISSION,
                    o.sources().isEmpty() ? "the guest's permissions" : String.join(", ", o.sources()),
                    "Read on " + o.object() + (fields.isEmpty() ? "" : "; fields " + String.join(", ", fields)),
                    List.of(), o.object()));
        }
        for (ApexClassAccess c : s.apexClasses()) {
            for (String x : c.objects()) {
                out.add(new Grant(Grantee.anonymous(), Set.of(Permission.READ), SalesforceChannels.APEX_CLASS,
                        "Apex class '" + c.name() + "'", GuestReach.describe(c)
                        + (c.via().isEmpty() ? "" : "; callable through " + String.join(", ", c.via())),
                        List.of(), x));
            }
        }
        for (FlowAccess f : s.flows()) {
            if (!f.active() || FlowAccess.DEFAULT_MODE.equals(f.runInMode())) {
                continue;
            }
            for (String x : f.objects()) {
                out.add(new Grant(Grantee.anonymous(), Set.of(Permission.READ), SalesforceChannels.FLOW,
                        "flow '" + f.name() + "'", "runs in " + (f.runInMode() == null ? "an unread mode"
                        : f.runInMode()), List.of(), x));
            }
        }
        SiteSettings settings = s.settings();
        ExperienceNetwork n = settings == null ? null : settings.network();
        if (n != null && Boolean.TRUE.equals(n.selfRegistration()) && s.members() != null) {
            for (String x : s.members().selfRegObjectsRead()) {
                out.add(new Grant(Grantee.anyAuthenticated(), Set.of(Permission.READ),
                        SalesforceChannels.SELF_REGISTRATION, "self-registration profile",
                        "anyone can sign up and becomes a member whose profile reads " + x, List.of(), x));
            }
        }
        if (settings != null && settings.experience() && s.members() != null) {
            for (String x : s.members().objectsRead()) {
                out.add(new Grant(members(settings), Set.of(Permission.READ), SalesforceChannels.MEMBER_ACCESS,
                        "member profiles and permission sets" + (s.members().memberGroups().isEmpty() ? ""
                        : " (" + String.join(", ", s.members().memberGroups()) + ")"), null, List.of(), x));
            }
        }
        if (n != null && Boolean.TRUE.equals(n.guestFileAccess())) {
            out.add(new Grant(Grantee.anonymous(), Set.of(Permission.READ), SalesforceChannels.GUEST_FILE_ACCESS,
                    "guest file access", "asset and CMS files shared with the site", List.of(), SITE_FILES));
        }
        return out;
    }

    /** The grant of a public link: anyone holding its URL (and its password, where one is required). */
    public static Grant link(FileLink l) {
        String detail = "file " + l.contentDocumentId()
                + (l.relatedObject() == null ? "" : " of a " + l.relatedObject() + " record");
        return new Grant(Grantee.anonymous(), Set.of(Permission.READ), SalesforceChannels.PUBLIC_LINK, l.describe(),
                detail, l.passwordRequired() ? List.of("password required") : List.of(), null);
    }
}
