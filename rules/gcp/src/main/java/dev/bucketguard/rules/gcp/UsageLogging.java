package dev.bucketguard.rules.gcp;

import dev.bucketguard.cloud.gcp.GcpBucket;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Usage logs written to a log bucket. */
@RuleDefinition(id = "gcp.storage.logging", severity = Severity.MEDIUM, provider = "gcp", requires = {"LOGGING"})
public final class UsageLogging implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Logging logging = GcpBucket.of(resource).logging();
        if (logging.enabled()) {
            return Outcome.pass("usage logs go to " + logging.target(), "logging.logBucket: " + logging.target());
        }
        return Outcome.fail("usage logging is off: nobody could tell whose records were read (unless Data Access"
                + " audit logs are on for Cloud Storage)", "logging.logBucket: none");
    }
}
