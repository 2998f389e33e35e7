package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.PermissionSource;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/** Permission sets or groups assigned to the guest user: access most tools never look at. */
@RuleDefinition(id = "salesforce.guest.permission-set", severity = Severity.MEDIUM, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "GUEST_USER"})
public final class GuestPermissionSet implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> assigned = s.guest().assigned().stream().map(PermissionSource::describe).toList();
        String guest = "the guest of site '" + s.settings().name() + "'";
        if (!assigned.isEmpty()) {
            return Outcome.fail(guest + " has " + String.join(", ", assigned) + " assigned beyond its profile",
                    assigned);
        }
        return Outcome.pass(guest + " has no permission set or group beyond its profile");
    }
}
