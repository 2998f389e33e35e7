package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.OrgDetails;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.List;

/**
 * The list of public links is partial because the scanning user lacks Query All Files: UNKNOWN, and FAIL (info) when
 * the partial list already holds links, since more like them may exist.
 */
@RuleDefinition(id = "salesforce.files.inventory-incomplete", severity = Severity.INFO, provider = "salesforce",
        kinds = "ORG", requires = {"CONTENT_DISTRIBUTION"})
public final class LinkInventoryIncomplete implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        OrgDetails.LinkInventory inv = SalesforceDetails.org(resource).linkInventory();
        if (inv.complete()) {
            return Outcome.pass("every public link was listed (" + inv.links() + ")");
        }
        String why = "without Query All Files Salesforce lists only links to files the scanning user can see";
        if (inv.links() > 0) {
            return Outcome.fail(inv.links() + " public link(s) found in a partial list: more may exist", List.of(why));
        }
        return Outcome.unknown("no public link found, but the list is partial: " + why, List.of(why));
    }
}
