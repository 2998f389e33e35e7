package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Would a read through a site, or of a public file link, be recorded? Only Event Monitoring records reads
 * (SALESFORCE.md section 3), and its event logs are the org's, so a site or a link answers from the ORG resource of
 * the same org in the scan ({@link EventLogCoverage}): YES when an event type that records its reads is produced
 * (a guest's reads for a site, a link's views for a link), kept as long as the org keeps event logs; NO when the event
 * logs were read and none of those types is produced; UNKNOWN naming View Event Log Files when they could not be read
 * or the org is not in the scan, never NO. The org itself is not assessed: its records are read through its sites and
 * links, which answer, and its event logs are judged by the {@code salesforce.logging} rules.
 */
final class SalesforceReadAudit {
    static final String CALL = "query EventLogFile";

    private final Resource resource;
    private final AuditContext context;

    SalesforceReadAudit(Resource resource, AuditContext context) {
        this.resource = resource;
        this.context = context;
    }

    ReadAudit answer() {
        if (resource.kind().equals(SalesforceCloud.ORG)) {
            return ReadAudit.notAssessed("the org's records are read through its sites and public links, and each of"
                    + " them answers; the org's event logs are judged by the salesforce.logging rules");
        }
        boolean site = resource.kind().equals(SalesforceCloud.SITE);
        Optional<Resource> found = context.scope().resource(SalesforceCloud.ID, resource.account())
                .filter(r -> r.kind().equals(SalesforceCloud.ORG));
        if (found.isEmpty()) {
            return unread(new Unknown(SalesforceFacts.EVENT_LOGS, CALL, EventLogCoverage.PERMISSION,
                    "the org " + resource.account() + ", whose event logs record reads, is not in this scan"));
        }
        Resource org = found.get();
        if (!org.collected().contains(SalesforceFacts.EVENT_LOGS)) {
            return ReadAudit.notAssessed("not read: EVENT_LOGS of the org (the selected rules do not need it)");
        }
        if (!org.knows(SalesforceFacts.EVENT_LOGS)) {
            return unread(org.whyUnknown(SalesforceFacts.EVENT_LOGS).orElseGet(() -> new Unknown(
                    SalesforceFacts.EVENT_LOGS, CALL, EventLogCoverage.PERMISSION, "not read")));
        }
        EventLogCoverage logs = EventLogCoverage.of(org);
        List<String> recording = site ? logs.guestReadTypes() : logs.linkReadTypes();
        List<String> reasons = new ArrayList<>();
        if (!recording.isEmpty()) {
            if (logs.approximate() && logs.retentionDays() != null) {
                reasons.add("⚠ retention approximated by the span of the event log files present (the retention"
                        + " itself, in EventSettings, was not read)");
            }
            return ReadAudit.of(List.of(new AuditTrail("event log files (" + String.join(", ", recording) + ")",
                    null, logs.retention())), reasons, List.of());
        }
        List<String> wanted = site ? OrgDetails.EventLogs.GUEST_READ_TYPES : OrgDetails.EventLogs.LINK_READ_TYPES;
        reasons.add("no " + EventLogCoverage.anyOf(wanted) + " event log is produced, so " + (site ? "a guest's reads" : "views of the link")
                + " are not logged");
        reasons.add(logs.types().isEmpty() ? "the org produces no event log file"
                : "the org's event logs are " + String.join(", ", logs.types()) + (logs.retentionDays() == null ? ""
                        : ", " + logs.retention().describe() + (logs.approximate() ? " (⚠ approximate)" : "")));
        if (!site) {
            reasons.add("ContentDistributionView keeps the time of each view, but no outside viewer's identity");
        }
        return ReadAudit.of(List.of(), reasons, List.of());
    }

    private static ReadAudit unread(Unknown why) {
        return ReadAudit.of(List.of(), List.of(), List.of(why));
    }
}
