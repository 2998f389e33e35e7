package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.EventLogCoverage;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/**
 * Event logs are kept under 30 days, or only the free types are produced: after a leak nobody can tell whose records
 * were read. Retention comes from EventSettings when the Metadata API was read, else from the age of the oldest log
 * file (⚠ an approximation), as the read audit of the org's sites and links reads it ({@link EventLogCoverage}).
 */
@RuleDefinition(id = "salesforce.logging.retention-short", severity = Severity.HIGH, provider = "salesforce",
        kinds = "ORG", requires = {"EVENT_LOGS"}, reads = {"EVENT_SETTINGS"})
public final class LogRetentionShort implements Rule {
    static final int MINIMUM_DAYS = 30;

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        EventLogCoverage logs = EventLogCoverage.of(resource);
        Integer days = logs.retentionDays();
        String source = logs.retentionSource();
        if (logs.types().isEmpty()) {
            return Outcome.fail("the org produces no event log file: no read of a record is logged", "EventLogFile: none");
        }
        if (logs.guestReadTypes().isEmpty()) {
            return Outcome.fail("the org produces only event types that do not record reads ("
                    + String.join(", ", logs.types()) + ")" + (days == null ? "" : ", kept " + days + " day(s)")
                    + ": a guest's reads leave no trace", "types: " + logs.types(), source + ": " + days);
        }
        if (days == null) {
            return Outcome.unknown("how long event logs are kept could not be read", java.util.List.of(
                    "no log file age and no EventSettings"));
        }
        if (days < MINIMUM_DAYS) {
            return Outcome.fail("event logs are kept " + days + " day(s), under " + MINIMUM_DAYS
                    + ": reads older than that cannot be traced", source + ": " + days);
        }
        return Outcome.pass("event logs (" + String.join(", ", logs.guestReadTypes()) + ") are kept " + days
                + " days (" + source + ")");
    }
}
