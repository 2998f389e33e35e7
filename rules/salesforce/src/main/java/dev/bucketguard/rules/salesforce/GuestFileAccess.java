package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ExperienceNetwork;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Guest file access: asset and CMS files shared with the site are open to anyone. */
@RuleDefinition(id = "salesforce.guest.file-access", severity = Severity.MEDIUM, provider = "salesforce",
        kinds = "SITE", requires = {"SITES"})
public final class GuestFileAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        return Sites.networkSwitch(resource, ExperienceNetwork::guestFileAccess,
                "guest file access is on (OptionsGuestFileAccessEnabled): files shared with the site are public",
                "guest file access is off");
    }
}
