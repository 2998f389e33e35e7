package dev.bucketguard.cloud.azure;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
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
final class AzureReadAudit {
    /** The facts the answer reads. */
    static final Set<Fact> FACTS = Set.of(AzureFacts.LOGGING, AzureFacts.DIAGNOSTIC_SETTINGS);
    static final String CLASSIC = "classic Storage Analytics logging";

    private final Resource resource;
    private final AuditContext context;
    private final List<AuditTrail> trails = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Unknown> unread = new ArrayList<>();

    AzureReadAudit(Resource resource, AuditContext context) {
        this.resource = resource;
        this.context = context;
    }

    ReadAudit answer() {
        List<String> missing = FACTS.stream().filter(f -> !resource.collected().contains(f)).map(Object::toString)
                .sorted().toList();
        if (!missing.isEmpty()) {
            return ReadAudit.notAssessed("not collected: " + String.join(", ", missing)
                    + " (the selected rules did not ask for them, or the snapshot lacks them)");
        }
        StorageAccount account = resource.details() == null ? StorageAccount.UNREAD
                : resource.details(StorageAccount.class);
        diagnosticSettings(account);
        classicLogging(account);
        return ReadAudit.of(trails, reasons, unread);
    }

    private void diagnosticSettings(StorageAccount account) {
        if (!resource.knows(AzureFacts.DIAGNOSTIC_SETTINGS)) {
            resource.whyUnknown(AzureFacts.DIAGNOSTIC_SETTINGS).ifPresent(unread::add);
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
                trails.add(new AuditTrail("diagnostic setting '" + s.name() + "'", d.describe(), d.retention()));
                if (d.kind() == LogDestination.Kind.STORAGE_ACCOUNT) {
                    exposedDestination(d.name());
                }
            }
        }
        if (trails.isEmpty()) {
            reasons.add(account.diagnosticSettings().isEmpty() ? "no diagnostic setting on the blob service"
                    : "no diagnostic setting sends StorageRead (" + String.join("; ", others) + ")");
        }
    }

    /** A destination account that is itself in the scan and open to others: who read what can be read there too. */
    private void exposedDestination(String account) {
        context.scope().verdict(AzureCloud.ID, account).ifPresent(v -> {
            if (v.exposure() == Exposure.PUBLIC || v.exposure() == Exposure.CROSS_ACCOUNT) {
                reasons.add("the read logs go to storage account '" + account + "', which is itself " + v.exposure());
            }
        });
    }

    private void classicLogging(StorageAccount account) {
        if (!resource.knows(AzureFacts.LOGGING)) {
            resource.whyUnknown(AzureFacts.LOGGING).ifPresent(unread::add);
            return;
        }
        AnalyticsLogging a = account.analyticsLogging();
        if (a == null) {
            if (account.logging() != null && account.logging().enabled()) {
                // A snapshot from before bucketguard read which requests classic logging records.
                unread.add(new Unknown(AzureFacts.LOGGING, null, null, "classic logging is on, but this snapshot"
                        + " does not say whether it logs reads or for how long"));
            } else {
                reasons.add(CLASSIC + " off");
            }
            return;
        }
        if (!a.read()) {
            reasons.add(CLASSIC + (a.write() || a.delete() ? " records writes and deletes, not reads" : " off"));
            return;
        }
        Integer days = a.retentionPolicyDays();
        trails.add(new AuditTrail(CLASSIC, "container $logs", days == null
                ? Retention.untilDeleted("no retention policy: the logs stay in $logs until deleted")
                : Retention.days(days, "its retention policy deletes logs after " + days + " days")));
    }
}
