package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.OrgDetails;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Event log files can be deleted (EventSettings.enableDeleteMonitoringData; Metadata API). */
@RuleDefinition(id = "salesforce.logging.deletable", severity = Severity.MEDIUM, provider = "salesforce",
        kinds = "ORG", requires = {"EVENT_SETTINGS"})
public final class LogDeletable implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Boolean deletable = SalesforceDetails.org(resource).eventSettings().deleteMonitoringData();
        if (deletable == null) {
            return Outcome.unknown("whether event log files can be deleted was not in EventSettings",
                    java.util.List.of("enableDeleteMonitoringData: absent"));
        }
        if (deletable) {
            return Outcome.fail("event log files can be deleted: whoever covers their tracks can remove the evidence",
                    "enableDeleteMonitoringData: true");
        }
        return Outcome.pass("event log files cannot be deleted");
    }
}
