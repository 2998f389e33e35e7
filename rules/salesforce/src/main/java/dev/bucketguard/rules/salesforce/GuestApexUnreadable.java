package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.ApexClassAccess;
import dev.bucketguard.cloud.salesforce.SiteDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/**
 * Guest-callable code whose reach cannot be read: a managed class with hidden source cannot be judged (UNKNOWN); a
 * class that builds queries at run time needs a person to review which objects it reaches (FAIL, info).
 */
@RuleDefinition(id = "salesforce.guest.apex-unreadable", severity = Severity.INFO, provider = "salesforce",
        kinds = "SITE", requires = {"SITES", "APEX_CLASSES"})
public final class GuestApexUnreadable implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        SiteDetails s = Sites.of(resource);
        List<String> hidden = s.apexClasses().stream().filter(ApexClassAccess::sourceHidden)
                .map(c -> "class '" + c.name() + "' (namespace " + c.namespace() + "): source hidden").toList();
        List<String> dynamic = s.apexClasses().stream().filter(c -> !c.sourceHidden() && c.dynamicSoql())
                .map(c -> "class '" + c.name() + "' builds queries at run time (Database.query)").toList();
        String guest = "the guest of site '" + s.settings().name() + "'";
        if (!hidden.isEmpty()) {
            return Outcome.unknown(guest + " can call managed Apex whose source Salesforce does not show: what it"
                    + " reaches cannot be judged", hidden);
        }
        if (!dynamic.isEmpty()) {
            return Outcome.fail(guest + " can call Apex whose queries are built at run time: review which objects"
                    + " they reach", dynamic);
        }
        return Outcome.pass("every Apex class " + guest + " can call was read and names its objects");
    }
}
