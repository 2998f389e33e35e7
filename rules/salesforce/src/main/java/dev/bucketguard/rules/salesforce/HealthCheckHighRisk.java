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

/** Salesforce Health Check's own high-risk settings, passed through. */
@RuleDefinition(id = "salesforce.healthcheck.high-risk", severity = Severity.INFO, provider = "salesforce",
        kinds = "ORG", requires = {"HEALTH_CHECK"})
public final class HealthCheckHighRisk implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        List<String> high = SalesforceDetails.org(resource).healthCheck().stream()
                .filter(r -> r.riskType().equals("HIGH_RISK"))
                .map(r -> (r.settingGroup() == null ? "" : r.settingGroup() + ": ") + r.setting() + " is "
                        + r.orgValue() + " (standard " + r.standardValue() + ")").toList();
        if (!high.isEmpty()) {
            return Outcome.fail("Health Check rates " + high.size() + " setting(s) high risk", high);
        }
        return Outcome.pass("Health Check rates no setting high risk");
    }
}
