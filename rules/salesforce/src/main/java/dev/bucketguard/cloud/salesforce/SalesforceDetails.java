package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.model.Details;
import dev.bucketguard.model.Resource;

/**
 * The details of a Salesforce resource: exactly the part of its kind is present ({@code site} for a SITE,
 * {@code link} for a FILE_LINK, {@code org} for the ORG); the others are null. Within each part, a component whose
 * fact is known is non-null (see {@link Details}).
 *
 * @param site the site's details (kind {@code SITE})
 * @param link the public link (kind {@code FILE_LINK}); null also when its fact could not be read
 * @param org  the org's details (kind {@code ORG})
 */
public record SalesforceDetails(SiteDetails site, FileLink link, OrgDetails org) implements Details {
    public static SalesforceDetails of(SiteDetails site) {
        return new SalesforceDetails(site, null, null);
    }

    public static SalesforceDetails of(FileLink link) {
        return new SalesforceDetails(null, link, null);
    }

    public static SalesforceDetails of(OrgDetails org) {
        return new SalesforceDetails(null, null, org);
    }

    /** The site's details, or {@link SiteDetails#UNREAD} when the resource carries none. */
    public static SiteDetails site(Resource resource) {
        SalesforceDetails d = resource.details(SalesforceDetails.class);
        return d == null || d.site() == null ? SiteDetails.UNREAD : d.site();
    }

    /** The link, or null when the resource carries none. */
    public static FileLink link(Resource resource) {
        SalesforceDetails d = resource.details(SalesforceDetails.class);
        return d == null ? null : d.link();
    }

    /** The org's details, or {@link OrgDetails#UNREAD} when the resource carries none. */
    public static OrgDetails org(Resource resource) {
        SalesforceDetails d = resource.details(SalesforceDetails.class);
        return d == null || d.org() == null ? OrgDetails.UNREAD : d.org();
    }
}
