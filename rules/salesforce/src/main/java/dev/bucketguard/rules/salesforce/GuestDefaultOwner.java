package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ObjectAccess;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/** The guest can create records but the site names no default owner for them. */
@RuleDefinition(id = "salesforce.guest.default-owner", severity = Severity.LOW, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "OBJECT_PERMISSIONS"})
public final class GuestDefaultOwner implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> creatable = s.objects().stream().filter(ObjectAccess::create).map(ObjectAccess::object).toList();
        String site = "site '" + s.settings().name() + "'";
        if (creatable.isEmpty()) {
            return Outcome.pass("the guest of " + site + " can create no record");
        }
        if (s.settings().guestRecordDefaultOwnerId() == null) {
            return Outcome.fail("the guest of " + site + " can create " + String.join(", ", creatable)
                    + " records, but the site names no default owner for them (GuestRecordDefaultOwnerId)", creatable);
        }
        return Outcome.pass("records the guest of " + site + " creates go to user "
                + s.settings().guestRecordDefaultOwnerId());
    }
}
