package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.GuestReach;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.List;

/** The site's guest can read at least one record of an object through its object permissions. */
@RuleDefinition(id = "salesforce.guest.object-read", severity = Severity.HIGH, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "GUEST_USER", "OBJECT_PERMISSIONS"},
        reads = {"SYSTEM_PERMISSIONS", "SHARE_COUNTS", "LEGACY_ACCESS", "SHARING_RULES", "FIELD_PERMISSIONS",
                "FIELD_CLASSIFICATION"})
public final class GuestObjectRead implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> open = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean personal = false;
        for (GuestReach.ObjectReach o : GuestReach.of(resource).objects()) {
            if (Boolean.TRUE.equals(o.declarative())) {
                open.add(o.object());
                personal |= !o.personal().isEmpty();
                evidence.add(o.object() + ": " + String.join("; ", o.reasons()));
            } else if (o.declarative() == null) {
                undecided.add(o.object());
                evidence.addAll(o.reasons());
            }
        }
        String site = "the guest of site '" + s.settings().name() + "'";
        if (!open.isEmpty()) {
            Outcome fail = Outcome.fail(site + " can read records of " + String.join(", ", open)
                    + (personal ? ", including personal data" : "") + Sites.inactiveNote(s.settings()), evidence);
            return personal ? fail.at(Severity.CRITICAL) : fail;
        }
        if (!undecided.isEmpty()) {
            return Outcome.unknown("whether " + site + " can read records of " + String.join(", ", undecided)
                    + " could not be decided", evidence);
        }
        return Outcome.pass(site + " can read no record through its object permissions");
    }
}
