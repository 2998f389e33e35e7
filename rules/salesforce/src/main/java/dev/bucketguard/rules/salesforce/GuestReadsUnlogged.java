package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.EventLogCoverage;
import dev.bucketguard.cloud.salesforce.OrgDetails;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/**
 * A site is PUBLIC, and none of the event types that record a guest's reads is produced: the same reading as the
 * site's own read audit ({@link EventLogCoverage#guestReadTypes()}).
 */
@RuleDefinition(id = "salesforce.logging.guest-reads-unlogged", severity = Severity.HIGH, provider = "salesforce",
        kinds = "ORG", requires = {"SITES", "EVENT_LOGS"})
public final class GuestReadsUnlogged implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        OrgDetails o = SalesforceDetails.org(resource);
        if (o.publicSites().isEmpty()) {
            return Outcome.pass("no site of the org is public");
        }
        EventLogCoverage logs = EventLogCoverage.of(resource);
        if (logs.guestReadTypes().isEmpty()) {
            return Outcome.fail("site(s) " + String.join(", ", o.publicSites()) + " are public, and no "
                    + EventLogCoverage.anyOf(OrgDetails.EventLogs.GUEST_READ_TYPES) + " event log is produced:"
                    + " nobody could tell whose records a guest read", "event types produced: " + logs.types());
        }
        return Outcome.pass("guest reads on " + String.join(", ", o.publicSites()) + " are logged ("
                + String.join(", ", logs.guestReadTypes()) + ")");
    }
}
