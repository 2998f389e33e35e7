package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.PublicAccess;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/**
 * Experience Builder's public access and page access live only in the Metadata API: without it they are unknown
 * (an active site is treated as guest-reachable anyway); with it, public pages are listed for review.
 */
@RuleDefinition(id = "salesforce.site.public-access-unclear", severity = Severity.INFO, provider = "salesforce",
        kinds = "SITE", requires = {"SITES"}, reads = {"PUBLIC_ACCESS"})
public final class SitePublicAccessUnclear implements Rule {
    static final String PUBLIC = "AUTHENTICATED_WITH_PUBLIC_ACCESS_ENABLED";

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        String site = "site '" + s.settings().name() + "'";
        if (!s.settings().experience()) {
            return Outcome.pass(site + " is not an Experience site: it has no Experience Builder access settings");
        }
        if (!resource.knows(SalesforceFacts.PUBLIC_ACCESS)) {
            String why = resource.whyUnknown(SalesforceFacts.PUBLIC_ACCESS).map(Unknown::describe).orElseThrow();
            return Outcome.unknown("the public access and page settings of " + site + " live only in the Metadata"
                    + " API (--metadata) and were not read; the active site is treated as guest-reachable: " + why,
                    List.of(why));
        }
        PublicAccess p = s.publicAccess();
        if (PUBLIC.equals(p.authenticationType()) || !p.publicPages().isEmpty()) {
            return Outcome.fail("the public can access " + site + (p.publicPages().isEmpty() ? ""
                    : " (public pages: " + String.join(", ", p.publicPages()) + ")") + ": review what they show",
                    "authenticationType: " + p.authenticationType(), "public pages: " + p.publicPages());
        }
        return Outcome.pass(site + " requires login for every page (" + p.authenticationType() + ")");
    }
}
