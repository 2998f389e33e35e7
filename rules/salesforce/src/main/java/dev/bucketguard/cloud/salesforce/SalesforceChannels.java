package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.model.Channel;
import java.util.Set;

/**
 * The paths through which a site's guest (or a member, or anyone holding a link) reaches records. A site grant's
 * {@code scope} is the object ({@code Applicant__c}), its {@code source} the profile, permission set, class or flow.
 */
public final class SalesforceChannels {
    /** Object Read in the guest's profile or a permission set, used through Salesforce's own controllers. */
    public static final Channel OBJECT_PERMISSION = Channel.of("OBJECT_PERMISSION");
    /** A guest-callable Apex class whose code queries the object. */
    public static final Channel APEX_CLASS = Channel.of("APEX_CLASS");
    /** A guest-runnable flow that reads the object. */
    public static final Channel FLOW = Channel.of("FLOW");
    /** Self-registration: anyone can become a member whose profile reads the object. */
    public static final Channel SELF_REGISTRATION = Channel.of("SELF_REGISTRATION");
    /** Logged-in external members reading through a public external sharing default. */
    public static final Channel MEMBER_ACCESS = Channel.of("MEMBER_ACCESS");
    /** Guest file access: asset and CMS files shared with the site. */
    public static final Channel GUEST_FILE_ACCESS = Channel.of("GUEST_FILE_ACCESS");
    /** A public file link ({@code ContentDistribution}). */
    public static final Channel PUBLIC_LINK = Channel.of("PUBLIC_LINK");

    public static final Set<Channel> ALL = Set.of(OBJECT_PERMISSION, APEX_CLASS, FLOW, SELF_REGISTRATION,
            MEMBER_ACCESS, GUEST_FILE_ACCESS, PUBLIC_LINK);

    private SalesforceChannels() {
    }
}
