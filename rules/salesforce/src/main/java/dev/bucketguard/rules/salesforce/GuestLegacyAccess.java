package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.LegacyRecords;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** Records owned by or shared to the guest before enforcement, and group or queue memberships. */
@RuleDefinition(id = "salesforce.guest.legacy-access", severity = Severity.HIGH, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "LEGACY_ACCESS"})
public final class GuestLegacyAccess implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> found = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (LegacyRecords l : s.legacyRecords()) {
            Boolean any = l.any();
            if (Boolean.TRUE.equals(any)) {
                found.add(l.object() + ": " + (l.owned() == null ? "?" : l.owned()) + " owned by the guest, "
                        + (l.shared() == null ? "?" : l.shared()) + " shared to it manually or by Apex");
            } else if (any == null) {
                unread.add(l.object() + ": " + l.error());
            }
        }
        s.groupMemberships().forEach(g -> found.add("member of group or queue '" + g + "'"));
        String guest = "the guest of site '" + s.settings().name() + "'";
        if (!found.isEmpty()) {
            return Outcome.fail(guest + " still holds access from before guest user enforcement", found);
        }
        if (!unread.isEmpty()) {
            return Outcome.unknown("whether " + guest + " owns or was shared records could not be read", unread);
        }
        return Outcome.pass(guest + " owns no record, was shared none, and belongs to no group or queue");
    }
}
