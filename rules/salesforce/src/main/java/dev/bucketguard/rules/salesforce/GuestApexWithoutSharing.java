package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ApexClassAccess;
import dev.bucketguard.cloud.salesforce.GuestReach;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/** A guest-callable Apex class ignores sharing: declared without sharing, or with no keyword where that means none. */
@RuleDefinition(id = "salesforce.guest.apex-without-sharing", severity = Severity.CRITICAL, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "APEX_CLASSES"})
public final class GuestApexWithoutSharing implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> found = s.apexClasses().stream().filter(c -> !c.sourceHidden() && GuestReach.ignoresSharing(c))
                .map(GuestApexWithoutSharing::line).toList();
        String guest = "the guest of site '" + s.settings().name() + "'";
        if (!found.isEmpty()) {
            return Outcome.fail(guest + " can call Apex that ignores sharing: "
                    + String.join("; ", found) + Sites.inactiveNote(s.settings()), found);
        }
        return Outcome.pass(guest + " can call no readable Apex class that ignores sharing");
    }

    private static String line(ApexClassAccess c) {
        return "class '" + c.name() + "' (" + GuestReach.describe(c) + ")"
                + (c.objects().isEmpty() ? "" : " queries " + String.join(", ", c.objects()));
    }
}
