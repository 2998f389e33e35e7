package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.Cloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Salesforce, contributed to the engine through the {@link Cloud} SPI: what an unauthenticated site guest can read,
 * which public file links are open, and the org-wide settings behind both (SALESFORCE.md). A resource's account is
 * the org id.
 */
public final class SalesforceCloud implements Cloud {
    public static final String ID = "salesforce";
    /** A Salesforce, Visualforce or Experience Cloud site; its id is the Network name, or the Site name. */
    public static final ResourceKind SITE = ResourceKind.of("SITE");
    /** A public file link ({@code ContentDistribution}); its id is the distribution id. */
    public static final ResourceKind FILE_LINK = ResourceKind.of("FILE_LINK");
    /** The org itself, carrying org-wide findings; its id is the org id. */
    public static final ResourceKind ORG = ResourceKind.of("ORG");

    /** The non-list components of a site's details, by fact: non-null when the fact is known. */
    private static final Map<Fact, Function<SiteDetails, Object>> SITE_VALUES = new TreeMap<>(Map.of(
            SalesforceFacts.SITES, SiteDetails::settings,
            SalesforceFacts.GUEST_USER, SiteDetails::guest,
            SalesforceFacts.MEMBER_ACCESS, SiteDetails::members,
            SalesforceFacts.PUBLIC_ACCESS, SiteDetails::publicAccess));

    private static final Map<Fact, Function<OrgDetails, Object>> ORG_VALUES = new TreeMap<>(Map.of(
            SalesforceFacts.EVENT_LOGS, OrgDetails::eventLogs,
            SalesforceFacts.EVENT_SETTINGS, OrgDetails::eventSettings,
            SalesforceFacts.SCANNER_PERMISSIONS, OrgDetails::scanner,
            SalesforceFacts.CONTENT_DISTRIBUTION, OrgDetails::linkInventory));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Salesforce";
    }

    @Override
    public Set<ResourceKind> kinds() {
        return Set.of(SITE, FILE_LINK, ORG);
    }

    @Override
    public Set<Fact> facts() {
        return SalesforceFacts.ALL;
    }

    @Override
    public Set<Fact> verdictFacts() {
        return SalesforceFacts.VERDICT;
    }

    @Override
    public Set<Channel> channels() {
        return SalesforceChannels.ALL;
    }

    /** The org is the owner; it has no parent. */
    @Override
    public Set<String> parentKinds() {
        return Set.of();
    }

    @Override
    public Class<? extends Details> detailsType() {
        return SalesforceDetails.class;
    }

    @Override
    public Verdict verdict(Resource resource, TrustZone trust) {
        return new SalesforceExposure(resource, trust).verdict();
    }

    /**
     * A site or a public link answers from its org's event logs (the ORG resource of the same account in the scan);
     * the org itself is not assessed. See {@link SalesforceReadAudit}.
     */
    @Override
    public ReadAudit readAudit(Resource resource, AuditContext context) {
        return new SalesforceReadAudit(resource, context).answer();
    }

    @Override
    public List<String> problems(Resource resource) {
        List<String> out = new ArrayList<>();
        SalesforceDetails d = resource.details() == null ? null : resource.details(SalesforceDetails.class);
        String kind = resource.kind().name();
        if (d != null) {
            if (d.site() != null && !resource.kind().equals(SITE)) {
                out.add("'site' details on a resource of kind " + kind + " (only a SITE has them)");
            }
            if (d.link() != null && !resource.kind().equals(FILE_LINK)) {
                out.add("'link' details on a resource of kind " + kind + " (only a FILE_LINK has them)");
            }
            if (d.org() != null && !resource.kind().equals(ORG)) {
                out.add("'org' details on a resource of kind " + kind + " (only the ORG has them)");
            }
        }
        if (resource.kind().equals(SITE)) {
            SiteDetails s = SalesforceDetails.site(resource);
            SITE_VALUES.forEach((fact, value) -> missing(resource, fact, value.apply(s), out));
        } else if (resource.kind().equals(FILE_LINK)) {
            missing(resource, SalesforceFacts.CONTENT_DISTRIBUTION, SalesforceDetails.link(resource), out);
        } else if (resource.kind().equals(ORG)) {
            OrgDetails o = SalesforceDetails.org(resource);
            ORG_VALUES.forEach((fact, value) -> missing(resource, fact, value.apply(o), out));
        }
        return out;
    }

    private static void missing(Resource resource, Fact fact, Object value, List<String> out) {
        if (resource.knows(fact) && value == null) {
            out.add("fact " + fact + " is collected and known, but its value is missing");
        }
    }
}
