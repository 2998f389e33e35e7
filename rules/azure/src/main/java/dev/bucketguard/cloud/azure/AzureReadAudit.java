package dev.bucketguard.cloud.azure;

import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.ReadAuditAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Would a read of a storage account's blobs be recorded? By a diagnostic setting of the blob service that sends the
 * {@code StorageRead} category (itself, or in the {@code allLogs} or {@code audit} group) somewhere, kept as long as
 * that destination keeps it; or by classic Storage Analytics logging with reads on, kept as long as its retention
 * policy says. Both record anonymous requests too. A setting that could not be read is UNKNOWN naming its permission,
 * never NO; an event hub or partner destination keeps an unknown retention.
 */
final class AzureReadAudit extends ReadAuditAnswer {
    /** The facts the answer reads. */
    static final Set<Fact> FACTS = Set.of(AzureFacts.LOGGING, AzureFacts.DIAGNOSTIC_SETTINGS);
    static final String CLASSIC = "classic Storage Analytics logging";

    AzureReadAudit(Resource resource, AuditContext context) {
        super(AzureCloud.ID, FACTS, resource, context);
    }

    @Override
    protected void read() {
        StorageAccount account = StorageAccount.of(resource);
        diagnosticSettings(account);
        classicLogging(account);
    }

    private void diagnosticSettings(StorageAccount account) {
        if (!knows(AzureFacts.DIAGNOSTIC_SETTINGS)) {
            return;
        }
        List<String> others = new ArrayList<>();
        for (DiagnosticSetting s : account.diagnosticSettings()) {
            if (!s.recordsReads()) {
                others.add("'" + s.name() + "'" + (s.enabledLogs().isEmpty() ? "" : " sends "
                        + String.join(", ", s.enabledLogs())));
                continue;
            }
            for (LogDestination d : s.destinations()) {
                trail(new AuditTrail("diagnostic setting '" + s.name() + "'", d.describe(), d.retention()));
                if (d.kind() == LogDestination.Kind.STORAGE_ACCOUNT) {
                    exposedDestination(d.name(), "the read logs go to storage account '" + d.name() + "'");
                }
            }
        }
        if (!recordsReads()) {
            reason(account.diagnosticSettings().isEmpty() ? "no diagnostic setting on the blob service"
                    : "no diagnostic setting sends StorageRead (" + String.join("; ", others) + ")");
        }
    }

    private void classicLogging(StorageAccount account) {
        if (!knows(AzureFacts.LOGGING)) {
            return;
        }
        AnalyticsLogging a = account.analyticsLogging();
        if (a == null) {
            if (account.logging() != null && account.logging().enabled()) {
                // A snapshot from before bucketguard read which requests classic logging records.
                unread(new Unknown(AzureFacts.LOGGING, null, null, "classic logging is on, but this snapshot"
                        + " does not say whether it logs reads or for how long"));
            } else {
                reason(CLASSIC + " off");
            }
            return;
        }
        if (!a.read()) {
            reason(CLASSIC + (a.write() || a.delete() ? " records writes and deletes, not reads" : " off"));
            return;
        }
        Integer days = a.retentionPolicyDays();
        trail(new AuditTrail(CLASSIC, "container $logs", days == null
                ? Retention.untilDeleted("no retention policy: the logs stay in $logs until deleted")
                : Retention.days(days, "its retention policy deletes logs after " + days + " days")));
    }
}
