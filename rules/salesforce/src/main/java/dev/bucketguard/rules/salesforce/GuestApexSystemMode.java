package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.GuestReach;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/** A guest-callable class compiled before API 67.0 without user-mode queries: object and field permissions bypassed. */
@RuleDefinition(id = "salesforce.guest.apex-system-mode", severity = Severity.HIGH, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "APEX_CLASSES"})
public final class GuestApexSystemMode implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> found = s.apexClasses().stream().filter(c -> !c.sourceHidden() && GuestReach.systemMode(c))
                .map(c -> "class '" + c.name() + "' (" + GuestReach.describe(c) + ")").toList();
        String guest = "the guest of site '" + s.settings().name() + "'";
        if (!found.isEmpty()) {
            return Outcome.fail(guest + " can call Apex that runs in system mode, skipping object and field"
                    + " permissions: " + String.join("; ", found), found);
        }
        return Outcome.pass(guest + " can call no readable Apex class in system mode (each is API 67.0+ or uses"
                + " USER_MODE)");
    }
}
