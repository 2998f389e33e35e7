package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.cloud.salesforce.SystemPermission;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** The guest's profile or a permission set has API Enabled: anonymous REST and SOAP calls. */
@RuleDefinition(id = "salesforce.guest.api-enabled", severity = Severity.CRITICAL, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "SYSTEM_PERMISSIONS"})
public final class GuestApiEnabled implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        String guest = "the guest of site '" + s.settings().name() + "'";
        return s.systemPermission(SystemPermission.API_ENABLED)
                .map(p -> Outcome.fail(guest + " has API Enabled: anyone can call the REST and SOAP APIs as the guest"
                        + Sites.inactiveNote(s.settings()), "API Enabled from " + String.join(", ", p.sources())))
                .orElseGet(() -> Outcome.pass(guest + " does not have API Enabled"));
    }
}
