package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.GuestSharingRule;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.cloud.salesforce.ShareCount;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every guest user sharing rule, with its criteria, its high-volume-user flag and the rows it shares. */
@RuleDefinition(id = "salesforce.guest.sharing-rule", severity = Severity.HIGH, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "SHARE_COUNTS"}, reads = {"SHARING_RULES"})
public final class GuestSharingRules implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> found = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        boolean rulesRead = resource.knows(SalesforceFacts.SHARING_RULES);
        if (rulesRead) {
            for (GuestSharingRule r : s.sharingRules()) {
                found.add("guest sharing rule '" + r.name() + "' on " + r.object()
                        + (r.criteria() == null ? "" : " where " + r.criteria())
                        + (r.includeHvuOwnedRecords() ? ", including records owned by high-volume users" : ""));
            }
        }
        for (ShareCount c : s.shareCounts()) {
            if (!c.rowCause().equals(ShareCount.GUEST_RULE)) {
                continue;
            }
            if (c.count() == null) {
                unread.add(c.object() + ": " + c.error());
            } else if (c.count() > 0) {
                found.add(String.format(Locale.ROOT, "%,d %s records shared with the guest by guest sharing rules",
                        c.count(), c.object()));
            }
        }
        String site = "site '" + s.settings().name() + "'";
        if (!found.isEmpty()) {
            return Outcome.fail(site + " shares records with its guest through guest sharing rules"
                    + Sites.inactiveNote(s.settings()), found);
        }
        if (!unread.isEmpty()) {
            return Outcome.unknown("whether guest sharing rules share records with the guest of " + site
                    + " could not be read", unread);
        }
        return Outcome.pass("no guest sharing rule shares a record with the guest of " + site
                + (rulesRead ? "" : " (GuestRule share rows counted; the rule definitions need --metadata)"));
    }
}
