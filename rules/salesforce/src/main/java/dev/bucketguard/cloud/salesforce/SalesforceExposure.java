package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.GrantEffect.Effect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The exposure verdict of a Salesforce resource (SALESFORCE.md section 4, with the readings of issue 11):
 * <ul>
 * <li>a SITE is the worst over the objects its guest may reach ({@link GuestReach}) and the site-wide paths: guest
 * file access (PUBLIC), guest-callable code whose reach cannot be read (UNKNOWN unless already PUBLIC), an unread
 * inventory of the guest's permissions (UNKNOWN). An inactive site is PRIVATE, "inactive: one switch from
 * exposure".</li>
 * <li>a FILE_LINK is PUBLIC when open (no password, not expired), CROSS_ACCOUNT when password-protected, PRIVATE
 * when expired.</li>
 * <li>the ORG is UNKNOWN when its sites could not be read at all, and otherwise PRIVATE: its sites and links are
 * resources of their own.</li>
 * </ul>
 */
public final class SalesforceExposure extends VerdictBuilder {
    public SalesforceExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
    }

    @Override
    public Verdict verdict() {
        if (resource.kind().equals(SalesforceCloud.FILE_LINK)) {
            return link();
        }
        if (resource.kind().equals(SalesforceCloud.ORG)) {
            return org();
        }
        return site();
    }

    private String why(Fact f) {
        return resource.whyUnknown(f).map(Unknown::describe).orElse("could not read " + f);
    }

    private void all(Effect effect, String why) {
        resource.grants().forEach(g -> effects.add(new GrantEffect(g, effect, why)));
    }

    // ---- site -------------------------------------------------------------------------------------------------

    private Verdict site() {
        if (!resource.knows(SalesforceFacts.SITES)) {
            reasons.add(why(SalesforceFacts.SITES));
            all(Effect.UNDECIDED, why(SalesforceFacts.SITES));
            return done(Exposure.UNKNOWN);
        }
        GuestReach reach = GuestReach.of(resource);
        SiteDetails s = reach.site();
        SiteSettings settings = s.settings();
        if (settings.networkProblem() != null) {
            tags.add(SalesforceTags.NETWORK_PARTIAL);
        }
        String inactive = settings.inactiveBecause();
        if (inactive != null) {
            tags.add(SalesforceTags.SITE_INACTIVE);
            reasons.add("inactive: one switch from exposure (" + inactive + ")");
            all(Effect.NEUTRALISED, "the site is inactive");
            return done(Exposure.PRIVATE);
        }
        if (settings.experience() && settings.network() == null) {
            reasons.add("the site's Network could not be read"
                    + (settings.networkProblem() == null ? "" : " (" + settings.networkProblem() + ")")
                    + ": taken as live (⚠)");
        }
        if (resource.knows(SalesforceFacts.SYSTEM_PERMISSIONS) && s.holds(SystemPermission.API_ENABLED)) {
            tags.add(SalesforceTags.GUEST_API);
        }
        if (policyViolation(s, resource)) {
            tags.add(SalesforceTags.POLICY_VIOLATION);
        }

        List<GuestReach.ObjectReach> objects = reach.objects();
        Map<String, GuestReach.ObjectReach> byObject = objects.stream()
                .collect(Collectors.toMap(GuestReach.ObjectReach::object, Function.identity()));
        Exposure worst = Exposure.PRIVATE;
        List<GuestReach.ObjectReach> ordered = objects.stream()
                .sorted(Comparator.comparingInt((GuestReach.ObjectReach o) -> o.exposure().rank())
                        .thenComparing(GuestReach.ObjectReach::object)).toList();
        for (GuestReach.ObjectReach o : ordered) {
            worst = worse(worst, o.exposure());
            reasons.addAll(o.reasons());
            tags.addAll(o.tags());
        }
        Boolean files = guestFiles(settings);
        if (Boolean.TRUE.equals(files)) {
            tags.add(SalesforceTags.GUEST_FILES);
            reasons.add("guest file access is on: asset and CMS files shared with the site are open to anyone");
            worst = worse(worst, Exposure.PUBLIC);
        } else if (files == null) {
            reasons.add("whether guest file access is on could not be read");
            worst = worse(worst, Exposure.UNKNOWN);
        }
        List<String> inventory = unreadInventory(settings);
        if (!inventory.isEmpty()) {
            reasons.add("the objects the guest may reach are not all known: " + String.join("; ", inventory));
            worst = worse(worst, Exposure.UNKNOWN);
        }
        List<String> hidden = unreadableCode(s, resource);
        if (!hidden.isEmpty()) {
            tags.add(SalesforceTags.CODE_REACH_UNREAD);
            reasons.add("guest-callable code whose reach cannot be read: " + String.join("; ", hidden));
            worst = worse(worst, Exposure.UNKNOWN);
        }
        if (worst == Exposure.PRIVATE && reasons.isEmpty()) {
            reasons.add("no object of the site is readable by its guest or its members");
        } else if (worst == Exposure.PRIVATE) {
            reasons.add("no record is readable by the site's guest or its members");
        }
        for (Grant g : resource.grants()) {
            effects.add(effect(g, byObject, files));
        }
        return done(worst);
    }

    private static Exposure worse(Exposure a, Exposure b) {
        return a.rank() <= b.rank() ? a : b;
    }

    private static boolean policyViolation(SiteDetails s, Resource r) {
        return (r.knows(SalesforceFacts.OBJECT_PERMISSIONS) && s.objects().stream().anyMatch(ObjectAccess::forbidden))
                || (r.knows(SalesforceFacts.SYSTEM_PERMISSIONS) && (s.holds(SystemPermission.VIEW_ALL_DATA)
                || s.holds(SystemPermission.MODIFY_ALL_DATA) || s.holds(SystemPermission.VIEW_ALL_USERS)));
    }

    /** Guest file access: true, false, or null when the Network (or the field) could not be read. */
    private static Boolean guestFiles(SiteSettings s) {
        if (!s.experience()) {
            return false;
        }
        return s.network() == null ? null : s.network().guestFileAccess();
    }

    /** The facts listing the guest's paths that could not be read: objects reachable through them are unknown. */
    private List<String> unreadInventory(SiteSettings settings) {
        List<Fact> inventory = new ArrayList<>(List.of(SalesforceFacts.GUEST_USER,
                SalesforceFacts.OBJECT_PERMISSIONS, SalesforceFacts.APEX_CLASSES, SalesforceFacts.FLOWS));
        if (settings.experience()) {
            inventory.add(SalesforceFacts.MEMBER_ACCESS);
        }
        return inventory.stream().filter(f -> !resource.knows(f)).map(this::why).distinct().toList();
    }

    /** Classes with hidden source or dynamic SOQL, and system-mode flows whose metadata could not be read. */
    private static List<String> unreadableCode(SiteDetails s, Resource r) {
        List<String> out = new ArrayList<>();
        for (ApexClassAccess c : r.knows(SalesforceFacts.APEX_CLASSES) ? s.apexClasses() : List.<ApexClassAccess>of()) {
            if (c.sourceHidden()) {
                out.add("Apex class '" + c.name() + "' (managed, source hidden)");
            } else if (c.dynamicSoql()) {
                out.add("Apex class '" + c.name() + "' (dynamic SOQL, " + GuestReach.describe(c) + ")");
            }
        }
        for (FlowAccess f : r.knows(SalesforceFacts.FLOWS) ? s.flows() : List.<FlowAccess>of()) {
            if (f.active() && f.objectsUnread() && !FlowAccess.DEFAULT_MODE.equals(f.runInMode())) {
                out.add("flow '" + f.name() + "' (" + (f.runInMode() == null ? "run mode unread" : f.runInMode())
                        + ", objects unread)");
            }
        }
        return out;
    }

    private GrantEffect effect(Grant g, Map<String, GuestReach.ObjectReach> byObject, Boolean files) {
        if (g.via().equals(SalesforceChannels.GUEST_FILE_ACCESS)) {
            return tri(g, files, "guest file access is off", "guest file access could not be read");
        }
        GuestReach.ObjectReach o = g.scope() == null ? null : byObject.get(g.scope());
        if (o == null) {
            return new GrantEffect(g, Effect.UNDECIDED, "the site's details hold nothing about " + g.scope());
        }
        String latent = "no record of " + o.object() + " is shared with the guest: one sharing rule away";
        if (g.via().equals(SalesforceChannels.OBJECT_PERMISSION)) {
            return tri(g, o.declarative(), latent, "whether records of " + o.object() + " are shared could not be read");
        }
        if (g.via().equals(SalesforceChannels.APEX_CLASS) || g.via().equals(SalesforceChannels.FLOW)) {
            return tri(g, o.code(), "the code honours sharing and no record is shared",
                    "whether the code returns records could not be decided");
        }
        if (g.via().equals(SalesforceChannels.SELF_REGISTRATION)) {
            return tri(g, o.selfRegistration(), "members see no record of " + o.object() + " by default",
                    "self-registration's reach could not be read");
        }
        return tri(g, o.members(), "the external sharing default of " + o.object() + " is not public-read",
                "what members read could not be read");
    }

    private static GrantEffect tri(Grant g, Boolean inForce, String off, String unread) {
        if (Boolean.TRUE.equals(inForce)) {
            return new GrantEffect(g, Effect.IN_FORCE, null);
        }
        return inForce == null ? new GrantEffect(g, Effect.UNDECIDED, unread) : new GrantEffect(g, Effect.NEUTRALISED, off);
    }

    // ---- file link --------------------------------------------------------------------------------------------

    private Verdict link() {
        FileLink l = SalesforceDetails.link(resource);
        if (!resource.knows(SalesforceFacts.CONTENT_DISTRIBUTION) || l == null) {
            reasons.add(why(SalesforceFacts.CONTENT_DISTRIBUTION));
            all(Effect.UNDECIDED, why(SalesforceFacts.CONTENT_DISTRIBUTION));
            return done(Exposure.UNKNOWN);
        }
        if (l.relatedObject() != null) {
            tags.add(SalesforceTags.RELATED_RECORD);
        }
        if (l.linkLatestVersion()) {
            tags.add(SalesforceTags.LATEST_VERSION);
        }
        if (l.allowOriginalDownload() || l.allowPdfDownload()) {
            tags.add(SalesforceTags.DOWNLOADABLE);
        }
        String file = "file " + l.contentDocumentId()
                + (l.relatedObject() == null ? "" : " of a " + l.relatedObject() + " record");
        if (l.expired()) {
            reasons.add(l.describe() + " expired on " + l.expiryDate() + ": it no longer opens");
            all(Effect.NEUTRALISED, "the link expired on " + l.expiryDate());
            return done(Exposure.PRIVATE);
        }
        String expiry = l.expires() && l.expiryDate() != null ? "it expires on " + l.expiryDate() : "it never expires";
        if (l.passwordRequired()) {
            reasons.add(l.describe() + " to " + file + " opens for whoever is given its password (a shared secret); "
                    + expiry);
            otherOutsiders.add("holders of the password of " + l.describe());
            all(Effect.NEUTRALISED, "a password is required");
            return done(Exposure.CROSS_ACCOUNT);
        }
        reasons.add(l.describe() + " to " + file + " opens for anyone holding its URL: no password, and " + expiry);
        all(Effect.IN_FORCE, null);
        return done(Exposure.PUBLIC);
    }

    // ---- org --------------------------------------------------------------------------------------------------

    private Verdict org() {
        if (!resource.knows(SalesforceFacts.SITES)) {
            reasons.add("the org's sites could not be read, so none is judged: " + why(SalesforceFacts.SITES));
            return done(Exposure.UNKNOWN);
        }
        OrgDetails o = SalesforceDetails.org(resource);
        reasons.add("the org's own settings expose no record; its " + o.sites().size()
                + " site(s) and its public links are judged as resources of their own"
                + (o.publicSites().isEmpty() ? "" : " (public: " + String.join(", ", o.publicSites()) + ")"));
        return done(Exposure.PRIVATE);
    }
}
