package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.Tri;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the guest of one site can read, object by object: the decision procedure of SALESFORCE.md section 4, steps 1
 * to 7, in three-valued logic (null = a setting on the path could not be read). The verdict and the rules share it.
 * It does not look at whether the site is active: {@link SalesforceExposure} does.
 */
public final class GuestReach {

    /** Which records of an object reach the guest (the "rec" of section 4). */
    public enum Records { ALL, SOME, NONE }

    /**
     * One object's answer.
     *
     * @param object        the object
     * @param exposure      PUBLIC, UNKNOWN, CROSS_ACCOUNT or PRIVATE
     * @param declarative   step 1: Read and records shared (null = undecided)
     * @param code          steps 2 and 3: Apex or a flow returns records (null = undecided)
     * @param selfRegistration step 4
     * @param members       step 6: logged-in members read it through a public external default
     * @param latent        the guest has Read but no record is shared: one sharing rule away
     * @param records       which records reach the guest; null when that could not be read
     * @param reasons       the chain of reasons, one sentence each
     * @param tags          qualifiers
     * @param fields        the fields the guest may read
     * @param personal      the personal fields among them, described
     */
    public record ObjectReach(String object, Exposure exposure, Boolean declarative, Boolean code,
                              Boolean selfRegistration, Boolean members, boolean latent, Records records,
                              List<String> reasons, Set<ExposureTag> tags, List<FieldAccess> fields,
                              List<String> personal) {
        public ObjectReach {
            reasons = List.copyOf(reasons);
            tags = Set.copyOf(tags);
            fields = List.copyOf(fields);
            personal = List.copyOf(personal);
        }

        /** True when the guest (or anyone who signs up) can read records of the object. */
        public boolean open() {
            return exposure == Exposure.PUBLIC;
        }
    }

    private final Resource resource;
    private final SiteDetails site;

    private GuestReach(Resource resource) {
        this.resource = resource;
        this.site = SalesforceDetails.site(resource);
    }

    /** The reach of a SITE resource's guest. */
    public static GuestReach of(Resource resource) {
        return new GuestReach(resource);
    }

    public SiteDetails site() {
        return site;
    }

    /** Every object on some path of the guest or the site's members, sorted, each decided. */
    public List<ObjectReach> objects() {
        Set<String> names = new TreeSet<>();
        site.objects().forEach(o -> names.add(o.object()));
        site.apexClasses().forEach(c -> names.addAll(c.objects()));
        site.flows().forEach(f -> names.addAll(f.objects()));
        site.sharingRules().forEach(r -> names.add(r.object()));
        site.shareCounts().stream().filter(c -> c.count() != null && c.count() > 0).forEach(c -> names.add(c.object()));
        site.legacyRecords().stream().filter(l -> Tri.isTrue(l.any())).forEach(l -> names.add(l.object()));
        if (site.members() != null) {
            names.addAll(site.members().objectsRead());
            names.addAll(site.members().selfRegObjectsRead());
        }
        return names.stream().map(this::decide).toList();
    }

    /** The decision for one object. */
    public ObjectReach decide(String x) {
        List<String> reasons = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Set<ExposureTag> tags = new TreeSet<>();

        Optional<ObjectAccess> op = site.object(x);
        Boolean opRead = knows(SalesforceFacts.OBJECT_PERMISSIONS, unread) ? op.map(ObjectAccess::read).orElse(false)
                : null;
        List<String> recordGaps = new ArrayList<>();
        Records rec = records(x, op, reasons, recordGaps, tags);
        Boolean recSome = rec == null ? null : rec != Records.NONE;
        List<FieldAccess> fields = fields(x);
        List<String> personal = PersonalData.describe(fields);

        Boolean declarative = Tri.and(opRead, recSome);
        if (Tri.isTrue(declarative)) {
            reasons.add(0, "the guest can read " + x + " through Salesforce's own pages and controllers: Read from "
                    + String.join(", ", op.orElseThrow().sources()) + fieldText(fields, personal));
        }
        CodePaths paths = code(x, recSome, reasons, unread, tags);
        Boolean code = Tri.or(paths.noShare(), Tri.and(paths.withShare(), recSome));
        if (recSome == null && (!Tri.isFalse(opRead) || !Tri.isFalse(paths.withShare()))) {
            unread.addAll(recordGaps);
        }
        Boolean selfReg = selfRegistration(x, reasons, unread);
        if (Tri.isTrue(selfReg)) {
            tags.add(SalesforceTags.SELF_REGISTRATION);
        }
        Boolean members = members(x, reasons, unread);
        boolean latent = Tri.isTrue(opRead) && rec == Records.NONE;

        Exposure exposure;
        if (Tri.isTrue(declarative) || Tri.isTrue(code) || Tri.isTrue(selfReg)) {
            exposure = Exposure.PUBLIC;
        } else if (declarative == null || code == null || selfReg == null) {
            exposure = Exposure.UNKNOWN;
            reasons.add("whether the guest can read " + x + " could not be decided: " + String.join("; ", unread));
        } else if (Tri.isTrue(members)) {
            exposure = Exposure.CROSS_ACCOUNT;
        } else if (members == null) {
            exposure = Exposure.UNKNOWN;
            reasons.add("whether logged-in members can read " + x + " could not be decided: "
                    + String.join("; ", unread));
        } else {
            exposure = Exposure.PRIVATE;
            if (latent) {
                tags.add(SalesforceTags.LATENT);
                reasons.add("the guest has Read on " + x + " (" + String.join(", ", op.orElseThrow().sources())
                        + ") but no record is shared with it: one sharing rule away" + fieldText(fields, personal));
            }
        }
        if (!personal.isEmpty() && exposure != Exposure.PRIVATE) {
            tags.add(SalesforceTags.PERSONAL_DATA);
        }
        if (exposure != Exposure.PUBLIC) {
            tags.removeAll(Set.of(SalesforceTags.GUEST_RULE, SalesforceTags.LEGACY, SalesforceTags.VIEW_ALL));
        }
        return new ObjectReach(x, exposure, declarative, code, selfReg, members, latent, rec, reasons, tags, fields,
                personal);
    }

    /** Where the implied {@code Name} of a person's record comes from: it has no field permission of its own. */
    public static final String IMPLIED_NAME = "readable with the object (Name has no field permission)";

    /**
     * The fields of x the guest may read, when field permissions were read; without a read classification each
     * falls back to its name. On a person object (Contact, Lead, User) the guest may read, {@code Name} is added when
     * no row names it: the name has no field permission, so whoever reads the record reads it (⚠).
     */
    public List<FieldAccess> fields(String x) {
        List<FieldAccess> fields = new ArrayList<>();
        if (resource.knows(SalesforceFacts.FIELD_PERMISSIONS)) {
            boolean classified = resource.knows(SalesforceFacts.FIELD_CLASSIFICATION);
            site.readableFields(x).forEach(f -> fields.add(classified ? f
                    : new FieldAccess(f.object(), f.field(), f.read(), f.edit(), f.sources(), null)));
        }
        boolean readsObject = resource.knows(SalesforceFacts.OBJECT_PERMISSIONS)
                && site.object(x).map(ObjectAccess::read).orElse(false);
        if (readsObject && PersonalData.PERSON_OBJECTS.contains(x)
                && fields.stream().noneMatch(f -> f.field().equals("Name"))) {
            fields.add(new FieldAccess(x, "Name", true, false, List.of(IMPLIED_NAME), null));
            fields.sort(java.util.Comparator.comparing(FieldAccess::field));
        }
        return List.copyOf(fields);
    }

    private static String fieldText(List<FieldAccess> fields, List<String> personal) {
        if (fields.isEmpty()) {
            return "";
        }
        String text = "; fields " + String.join(", ", fields.stream().map(FieldAccess::field).toList());
        return personal.isEmpty() ? text : text + "; personal data: " + String.join(", ", personal);
    }

    /** ALL, SOME, NONE, or null when undecided: section 4's "rec". SOME wins over an unread piece of evidence. */
    private Records records(String x, Optional<ObjectAccess> op, List<String> reasons, List<String> unread,
                            Set<ExposureTag> tags) {
        Boolean viewAllRecords = resource.knows(SalesforceFacts.OBJECT_PERMISSIONS)
                ? op.map(o -> o.viewAllRecords() || o.modifyAllRecords()).orElse(false) : null;
        Boolean viewAllData = resource.knows(SalesforceFacts.SYSTEM_PERMISSIONS)
                ? site.holds(SystemPermission.VIEW_ALL_DATA) || site.holds(SystemPermission.MODIFY_ALL_DATA) : null;
        if (Tri.isTrue(viewAllRecords) || Tri.isTrue(viewAllData)) {
            tags.add(SalesforceTags.VIEW_ALL);
            reasons.add("every record of " + x + " reaches the guest: it holds "
                    + (Tri.isTrue(viewAllRecords) ? "View All on " + x : "View All Data")
                    + ", which guests may no longer hold (legacy or a bug: treated as effective)");
            return Records.ALL;
        }
        List<String> some = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        if (viewAllRecords == null || viewAllData == null) {
            gaps.add("whether the guest holds View All could not be read");
        }
        if (resource.knows(SalesforceFacts.SHARING_RULES)) {
            site.sharingRules().stream().filter(r -> r.object().equals(x)).forEach(r -> some.add(
                    "guest sharing rule '" + (r.label() == null ? r.name() : r.label()) + "'"
                            + (r.criteria() == null ? "" : " (" + r.criteria() + ")")));
        }
        if (!some.isEmpty()) {
            tags.add(SalesforceTags.GUEST_RULE);
        }
        if (resource.knows(SalesforceFacts.SHARE_COUNTS)) {
            shareEvidence(x, ShareCount.GUEST_RULE, "shared with the guest by guest sharing rules", some, gaps, tags,
                    SalesforceTags.GUEST_RULE, true);
            if (x.equals("Account")) {
                shareEvidence(x, ShareCount.GUEST_PARENT_IMPLICIT, "visible to the guest through related records",
                        some, gaps, tags, SalesforceTags.GUEST_RULE, false);
            }
        } else {
            gaps.add(why(SalesforceFacts.SHARE_COUNTS));
        }
        if (resource.knows(SalesforceFacts.LEGACY_ACCESS)) {
            Optional<LegacyRecords> legacy = site.legacyRecords().stream().filter(l -> l.object().equals(x)).findFirst();
            if (legacy.isEmpty()) {
                gaps.add("records of " + x + " owned by or shared to the guest were not counted");
            } else if (Tri.isTrue(legacy.get().any())) {
                LegacyRecords l = legacy.get();
                tags.add(SalesforceTags.LEGACY);
                some.add(count(l.owned()) + " records owned by the guest and " + count(l.shared())
                        + " shared to it before enforcement (legacy)");
            } else if (legacy.get().any() == null) {
                gaps.add("legacy records of " + x + ": " + legacy.get().error());
            }
            if (!site.groupMemberships().isEmpty()) {
                tags.add(SalesforceTags.LEGACY);
                some.add("the guest belongs to " + String.join(", ", site.groupMemberships())
                        + " (group or queue membership, forbidden since Winter '21)");
            }
        } else {
            gaps.add(why(SalesforceFacts.LEGACY_ACCESS));
        }
        if (!some.isEmpty()) {
            reasons.add("records of " + x + " reach the guest: " + String.join("; ", some));
            return Records.SOME;
        }
        if (!gaps.isEmpty()) {
            unread.addAll(gaps);
            return null;
        }
        return Records.NONE;
    }

    private void shareEvidence(String x, String cause, String what, List<String> some, List<String> gaps,
                               Set<ExposureTag> tags, ExposureTag tag, boolean required) {
        Optional<ShareCount> c = site.shareCounts().stream()
                .filter(s -> s.object().equals(x) && s.rowCause().equals(cause)).findFirst();
        if (c.isEmpty()) {
            if (required) {
                gaps.add(cause + " share rows of " + x + " were not counted");
            }
        } else if (c.get().count() == null) {
            gaps.add(cause + " share rows of " + x + " could not be counted: " + c.get().error());
        } else if (c.get().count() > 0) {
            tags.add(tag);
            some.add(count(c.get().count()) + " records " + what + " (" + cause + " share rows)");
        }
    }

    /** Code that reaches an object: ignoring sharing (step 2), or honouring it (step 3). */
    private record CodePaths(Boolean noShare, Boolean withShare) {
    }

    /** Steps 2 and 3: guest-callable Apex and flows that name x. */
    private CodePaths code(String x, Boolean recSome, List<String> reasons, List<String> unread, Set<ExposureTag> tags) {
        Boolean noShare = false;
        Boolean withShare = false;
        if (resource.knows(SalesforceFacts.APEX_CLASSES)) {
            for (ApexClassAccess c : site.apexClasses()) {
                if (!c.objects().contains(x) || c.sourceHidden()) {
                    continue;
                }
                if (ignoresSharing(c)) {
                    noShare = true;
                    tags.add(SalesforceTags.APEX_NO_SHARING);
                    reasons.add("guest-callable Apex class '" + c.name() + "' (" + describe(c) + ") queries " + x
                            + " without sharing: every record it returns reaches the guest");
                } else {
                    withShare = true;
                    if (Tri.isTrue(recSome)) {
                        tags.add(SalesforceTags.APEX_WITH_SHARING);
                        String bypass = systemMode(c) ? "; it runs in system mode, so object and field permissions"
                                + " are not checked" : "";
                        if (systemMode(c)) {
                            tags.add(SalesforceTags.CRUD_FLS_BYPASS);
                        }
                        reasons.add("guest-callable Apex class '" + c.name() + "' (" + describe(c) + ") queries " + x
                                + " with sharing, and records are shared with the guest" + bypass);
                    }
                }
            }
        } else {
            noShare = null;
            withShare = null;
            unread.add(why(SalesforceFacts.APEX_CLASSES));
        }
        if (resource.knows(SalesforceFacts.FLOWS)) {
            for (FlowAccess f : site.flows()) {
                if (!f.active() || !f.objects().contains(x)) {
                    continue;
                }
                if (FlowAccess.SYSTEM_WITHOUT_SHARING.equals(f.runInMode())) {
                    noShare = true;
                    tags.add(SalesforceTags.FLOW_SYSTEM_MODE);
                    reasons.add("guest-runnable flow '" + f.name() + "' reads " + x
                            + " in system context without sharing");
                } else if (FlowAccess.SYSTEM_WITH_SHARING.equals(f.runInMode())) {
                    withShare = Tri.or(withShare, true);
                    if (Tri.isTrue(recSome)) {
                        tags.add(SalesforceTags.CRUD_FLS_BYPASS);
                        reasons.add("guest-runnable flow '" + f.name() + "' reads " + x + " in system context with"
                                + " sharing (object and field permissions not checked), and records are shared");
                    }
                } else if (!f.runModeKnown()) {
                    noShare = Tri.or(noShare, null);
                    unread.add(f.runInMode() == null ? "the run mode of flow '" + f.name() + "' could not be read"
                            : "flow '" + f.name() + "' runs in mode '" + f.runInMode() + "', a value bucketguard does"
                            + " not know");
                }
            }
        } else {
            noShare = Tri.or(noShare, null);
            withShare = Tri.or(withShare, null);
            unread.add(why(SalesforceFacts.FLOWS));
        }
        return new CodePaths(noShare, withShare);
    }

    /** Section 4's noShare for a class: without sharing, or no keyword before API 67 at a non-Aura entry point. */
    public static boolean ignoresSharing(ApexClassAccess c) {
        if (c.sharing() == ApexSharing.WITHOUT_SHARING) {
            return true;
        }
        return c.sharing() == ApexSharing.OMITTED && c.version() < ApexClassAccess.USER_MODE_DEFAULT_VERSION
                && c.entryPoints().stream().anyMatch(e -> e != ApexEntryPoint.AURA_ENABLED);
    }

    /** Runs in system mode: before API 67 and without user-mode queries. */
    public static boolean systemMode(ApexClassAccess c) {
        return c.version() < ApexClassAccess.USER_MODE_DEFAULT_VERSION && !c.userMode();
    }

    /** "without sharing, API 48.0, @AuraEnabled". */
    public static String describe(ApexClassAccess c) {
        String sharing = switch (c.sharing()) {
            case WITH_SHARING -> "with sharing";
            case WITHOUT_SHARING -> "without sharing";
            case INHERITED_SHARING -> "inherited sharing";
            case OMITTED -> "no sharing keyword";
            case UNREAD -> "sharing keyword not readable";
        };
        List<String> entries = c.entryPoints().stream().map(e -> switch (e) {
            case AURA_ENABLED -> "@AuraEnabled";
            case REST_RESOURCE -> "@RestResource";
            case WEBSERVICE -> "webservice";
            case INVOCABLE_METHOD -> "@InvocableMethod";
            case VISUALFORCE_CONTROLLER -> "Visualforce controller";
        }).toList();
        return sharing + ", API " + (c.apiVersion() == null ? "unknown" : c.apiVersion())
                + (entries.isEmpty() ? "" : ", " + String.join(", ", entries));
    }

    /** Step 4: self-registration with a profile that reads x, under a public external default. */
    private Boolean selfRegistration(String x, List<String> reasons, List<String> unread) {
        SiteSettings s = site.settings();
        if (s == null || !s.experience()) {
            return s == null ? null : false;
        }
        Boolean on = s.network() == null ? null : s.network().selfRegistration();
        if (Tri.isFalse(on)) {
            return false;
        }
        if (on == null) {
            unread.add("whether self-registration is on could not be read"
                    + (s.networkProblem() == null ? "" : " (" + s.networkProblem() + ")"));
        }
        Boolean reads = readsBy(x, true, unread);
        Boolean shared = externalPublic(x, Tri.and(on, reads), unread);
        Boolean result = Tri.and(on, Tri.and(reads, shared));
        if (Tri.isTrue(result)) {
            reasons.add("self-registration is on and the self-registration profile reads " + x + ", whose external"
                    + " sharing default is " + site.externalSharing(x).orElseThrow().externalModel()
                    + ": anyone can sign up and read its records (⚠ taken as PUBLIC)");
        }
        return result;
    }

    /** Step 6: a member profile or permission set reads x under a public-read external default. */
    private Boolean members(String x, List<String> reasons, List<String> unread) {
        SiteSettings s = site.settings();
        if (s == null || !s.experience()) {
            return s == null ? null : false;
        }
        Boolean reads = readsBy(x, false, unread);
        Boolean shared = externalPublic(x, reads, unread);
        Boolean result = Tri.and(reads, shared);
        if (Tri.isTrue(result)) {
            reasons.add("logged-in members of the site (" + String.join(", ", site.members().memberGroups())
                    + ") can read " + x + ": its external sharing default is "
                    + site.externalSharing(x).orElseThrow().externalModel());
        }
        return result;
    }

    private Boolean readsBy(String x, boolean selfReg, List<String> unread) {
        if (!resource.knows(SalesforceFacts.MEMBER_ACCESS)) {
            unread.add(why(SalesforceFacts.MEMBER_ACCESS));
            return null;
        }
        MemberAccess m = site.members();
        return (selfReg ? m.selfRegObjectsRead() : m.objectsRead()).contains(x);
    }

    /** The external default of x is public-read; read only when {@code needed} may be true. */
    private Boolean externalPublic(String x, Boolean needed, List<String> unread) {
        if (Tri.isFalse(needed)) {
            return false;
        }
        if (!resource.knows(SalesforceFacts.EXTERNAL_SHARING)) {
            unread.add(why(SalesforceFacts.EXTERNAL_SHARING));
            return null;
        }
        Optional<ExternalSharing> e = site.externalSharing(x);
        if (e.isEmpty() || e.get().externalModel() == null) {
            unread.add("the external sharing default of " + x + " was not read");
            return null;
        }
        Boolean open = e.get().publicRead();
        if (open == null) {
            unread.add("the external sharing default of " + x + " is '" + e.get().externalModel()
                    + "', a value bucketguard does not know");
        }
        return open;
    }

    private boolean knows(Fact f, List<String> unread) {
        if (resource.knows(f)) {
            return true;
        }
        unread.add(why(f));
        return false;
    }

    /** The resource's reason for not knowing a fact, naming the call and permission. */
    String why(Fact f) {
        return resource.whyUnknown(f).map(Unknown::describe).orElse("could not read " + f);
    }

    private static String count(Long n) {
        return n == null ? "an unknown number of" : String.format(Locale.ROOT, "%,d", n);
    }
}
