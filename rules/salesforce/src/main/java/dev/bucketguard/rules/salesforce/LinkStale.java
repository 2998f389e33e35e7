package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.FileLink;
import dev.bucketguard.cloud.salesforce.SalesforceParameters;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.ContextualRule;
import dev.bucketguard.spi.RuleContext;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * A live public link never viewed, or not viewed for --link-stale-days (default 90) days when it was read. The
 * threshold is a scan parameter ({@link SalesforceParameters#LINK_STALE_DAYS}), so a snapshot can be re-scanned with
 * another.
 */
@RuleDefinition(id = "salesforce.files.link-stale", severity = Severity.LOW, provider = "salesforce",
        kinds = "FILE_LINK", requires = {"CONTENT_DISTRIBUTION"})
public final class LinkStale implements ContextualRule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict, RuleContext context) {
        int threshold = context.parameters().get(SalesforceParameters.LINK_STALE_DAYS);
        FileLink l = Links.of(resource);
        Outcome expired = Links.expired(l);
        if (expired != null) {
            return expired;
        }
        String since = l.lastViewDate() != null ? l.lastViewDate() : l.createdDate();
        if (since == null) {
            return Outcome.unknown(l.describe() + ": neither its last view nor its creation date was read",
                    java.util.List.of("LastViewDate and CreatedDate missing"));
        }
        long days = Duration.between(Instant.parse(since), Instant.parse(l.readAt())).toDays();
        String what = l.lastViewDate() == null ? "was never viewed in the " + days + " days since it was created"
                : "was last viewed " + days + " days before it was read";
        if (days >= threshold) {
            return Outcome.fail(Links.name(l) + " " + what + ": delete it if nobody needs it",
                    "threshold: " + threshold + " days (--link-stale-days)", "views: " + l.viewCount());
        }
        return Outcome.pass(l.describe() + " " + what + " (threshold " + threshold + " days)");
    }
}
