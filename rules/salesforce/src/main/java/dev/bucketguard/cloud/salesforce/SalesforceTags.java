package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.exposure.ExposureTag;

/** The qualifiers of a Salesforce verdict (SALESFORCE.md section 4). */
public final class SalesforceTags {
    /** The site is not serving: one switch from exposure. */
    public static final ExposureTag SITE_INACTIVE = new ExposureTag("SITE_INACTIVE");
    /** The guest has Read on an object but no record is shared with it: one sharing rule away. */
    public static final ExposureTag LATENT = new ExposureTag("LATENT");
    /** Records reach the guest through guest user sharing rules. */
    public static final ExposureTag GUEST_RULE = new ExposureTag("GUEST_RULE");
    /** Records reach the guest through ownership, manual shares or groups from before enforcement. */
    public static final ExposureTag LEGACY = new ExposureTag("LEGACY");
    /** The guest holds View All (Records or Data): every record. */
    public static final ExposureTag VIEW_ALL = new ExposureTag("VIEW_ALL");
    /** Guest-callable Apex ignores sharing. */
    public static final ExposureTag APEX_NO_SHARING = new ExposureTag("APEX_NO_SHARING");
    /** Guest-callable Apex honours sharing but reaches the object. */
    public static final ExposureTag APEX_WITH_SHARING = new ExposureTag("APEX_WITH_SHARING");
    /** Guest-callable Apex runs in system mode: object and field permissions are not checked. */
    public static final ExposureTag CRUD_FLS_BYPASS = new ExposureTag("CRUD_FLS_BYPASS");
    /** A guest-runnable flow runs in system context without sharing. */
    public static final ExposureTag FLOW_SYSTEM_MODE = new ExposureTag("FLOW_SYSTEM_MODE");
    /** Anyone can self-register and become a member who reads the object. */
    public static final ExposureTag SELF_REGISTRATION = new ExposureTag("SELF_REGISTRATION");
    /** The guest has API Enabled: anonymous REST and SOAP calls. */
    public static final ExposureTag GUEST_API = new ExposureTag("GUEST_API");
    /** The guest can read fields holding personal data. */
    public static final ExposureTag PERSONAL_DATA = new ExposureTag("PERSONAL_DATA");
    /** The guest holds a permission guests may no longer hold (Edit, Delete, View All, Modify All, ...). */
    public static final ExposureTag POLICY_VIOLATION = new ExposureTag("POLICY_VIOLATION");
    /** The Network list was partial or the site's network could not be matched. */
    public static final ExposureTag NETWORK_PARTIAL = new ExposureTag("NETWORK_PARTIAL");
    /** Guest-callable code whose reach cannot be read (hidden source, dynamic SOQL, unreadable flow). */
    public static final ExposureTag CODE_REACH_UNREAD = new ExposureTag("CODE_REACH_UNREAD");
    /** Files shared with the site are open to guests. */
    public static final ExposureTag GUEST_FILES = new ExposureTag("GUEST_FILES");
    /** A link to a file of a record (Contact, Lead, Case, ...). */
    public static final ExposureTag RELATED_RECORD = new ExposureTag("RELATED_RECORD");
    /** A link that follows every future version of its file. */
    public static final ExposureTag LATEST_VERSION = new ExposureTag("LATEST_VERSION");
    /** A link that lets anyone download the file. */
    public static final ExposureTag DOWNLOADABLE = new ExposureTag("DOWNLOADABLE");

    private SalesforceTags() {
    }
}
