package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ExperienceNetwork;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Guests can see the site's members (names, photos, profiles of users). */
@RuleDefinition(id = "salesforce.guest.member-visibility", severity = Severity.HIGH, provider = "salesforce",
        kinds = "SITE", requires = {"SITES"})
public final class GuestMemberVisibility implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        return Sites.networkSwitch(resource, ExperienceNetwork::guestMemberVisibility,
                "guests can see the site's members (OptionsGuestMemberVisibility)",
                "guests cannot see the site's members");
    }
}
