package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.SiteSettings;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** The site lets guests use public APIs, or the Support or Payments API. */
@RuleDefinition(id = "salesforce.guest.public-api", severity = Severity.MEDIUM, provider = "salesforce",
        kinds = "SITE", requires = {"SITES"})
public final class GuestPublicApi implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteSettings s = Sites.of(resource).settings();
        List<String> on = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        check(s.guestSupportApi(), "Allow guest users to access the Support API (OptionsAllowGuestSupportApi)", on,
                unread);
        check(s.guestPaymentsApi(), "Allow guest users to access the Payments API (OptionsAllowGuestPaymentsApi)",
                on, unread);
        if (s.experience()) {
            check(s.network() == null ? null : s.network().guestChatter(),
                    "Allow guest users to access public APIs (⚠ read as OptionsGuestChatterEnabled)", on, unread);
        }
        String site = "site '" + s.name() + "'";
        if (!on.isEmpty()) {
            return Outcome.fail(site + " lets guests call APIs: " + String.join("; ", on) + Sites.inactiveNote(s), on);
        }
        if (!unread.isEmpty()) {
            return Outcome.unknown("whether " + site + " lets guests call APIs could not be read: "
                    + String.join("; ", unread), unread);
        }
        return Outcome.pass(site + " lets guests call no public, Support or Payments API");
    }

    private static void check(Boolean value, String name, List<String> on, List<String> unread) {
        if (value == null) {
            unread.add(name);
        } else if (value) {
            on.add(name);
        }
    }
}
