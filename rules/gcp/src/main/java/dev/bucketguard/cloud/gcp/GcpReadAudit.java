package dev.bucketguard.cloud.gcp;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.ReadAuditAnswer;
import java.util.Set;

/**
 * Would a read of a bucket's objects be recorded? By usage logs (every request, anonymous ones too), kept as long as
 * the log bucket's lifecycle keeps them; or by Cloud Storage's Data Access audit logs ({@code DATA_READ}, enabled on
 * the project or an ancestor), kept as long as the destination of a sink that routes them keeps them. Cloud Audit
 * Logs records no access to a publicly shared resource (allUsers, allAuthenticatedUsers), so for a PUBLIC bucket only
 * usage logs count. A setting that could not be read is UNKNOWN naming its permission, never NO.
 */
final class GcpReadAudit extends ReadAuditAnswer {
    /** The facts the answer reads. */
    static final Set<Fact> FACTS = Set.of(GcpFacts.LOGGING, GcpFacts.DATA_ACCESS_AUDIT, GcpFacts.LOG_ROUTING);
    static final String USAGE_LOGS = "usage logs";

    GcpReadAudit(Resource resource, AuditContext context) {
        super(GcpCloud.ID, FACTS, resource, context);
    }

    @Override
    protected void read() {
        GcpBucket bucket = GcpBucket.of(resource);
        usageLogs(bucket);
        dataAccessLogs(bucket);
    }

    private void usageLogs(GcpBucket bucket) {
        if (!knows(GcpFacts.LOGGING)) {
            return;
        }
        Logging l = bucket.logging();
        if (!l.enabled()) {
            reason("usage logs off");
            return;
        }
        Retention kept = bucket.usageLogRetention() != null ? bucket.usageLogRetention()
                : Retention.unknown("this snapshot does not say how long the log bucket keeps them");
        trail(new AuditTrail(USAGE_LOGS, "bucket " + l.target(), kept));
        String logBucket = l.target().contains("/") ? l.target().substring(0, l.target().indexOf('/'))
                : l.target();
        exposedDestination(logBucket, "the usage logs go to bucket " + logBucket);
    }

    private void dataAccessLogs(GcpBucket bucket) {
        if (!knows(GcpFacts.DATA_ACCESS_AUDIT)) {
            return;
        }
        DataAccessAudit a = bucket.dataAccessAudit();
        if (Boolean.FALSE.equals(a.dataRead())) {
            reason("Data Access audit logs (DATA_READ) are not enabled for Cloud Storage on the project or its"
                    + " folders and organisation");
            return;
        }
        if (a.dataRead() == null) {
            unread(new Unknown(GcpFacts.DATA_ACCESS_AUDIT, null, null, "DATA_READ is not enabled on the project,"
                    + " and an ancestor's audit config could not be read: " + String.join("; ", a.unreadAncestors())));
            return;
        }
        Exposure exposure = exposure();
        if (exposure == Exposure.PUBLIC) {
            reason("Data Access audit logs are on (" + String.join(", ", a.enabledAt()) + "), but Cloud Audit"
                    + " Logs records no access to a publicly shared resource");
            return;
        }
        if (exposure == Exposure.UNKNOWN) {
            // If it is public, the audit logs record nothing of it: they cannot be counted on.
            unread(new Unknown(GcpFacts.DATA_ACCESS_AUDIT, null, null, "Data Access audit logs are on, but"
                    + " whether the bucket is public (Cloud Audit Logs then records nothing of it) is not known"));
            return;
        }
        if (!knows(GcpFacts.LOG_ROUTING)) {
            return;
        }
        LogRouting routing = bucket.logRouting();
        String except = a.exemptedMembers().isEmpty() ? ""
                : " (except reads by " + String.join(", ", a.exemptedMembers()) + ", exempted)";
        for (LogRoute r : routing.routes()) {
            trail(new AuditTrail("Data Access audit logs via sink '" + r.sink() + "'" + except, r.describe(),
                    r.retention()));
        }
        if (routing.routes().isEmpty()) {
            if (!routing.unevaluated().isEmpty()) {
                unread(new Unknown(GcpFacts.LOG_ROUTING, null, null, "no sink certainly routes the Data Access"
                        + " logs, and bucketguard does not evaluate: " + String.join("; ", routing.unevaluated())));
            }
            reason("Data Access audit logs are on, but no sink keeps them" + (routing.excluded().isEmpty() ? ""
                    : " (" + String.join("; ", routing.excluded()) + ")"));
        }
    }

    /** The bucket's exposure: from the scan when it is there, else judged here (PUBLIC needs no trust zone). */
    private Exposure exposure() {
        return context.scope().verdict(GcpCloud.ID, resource.id())
                .orElseGet(() -> new GcpExposure(resource, TrustZone.OWNER_ONLY).verdict()).exposure();
    }
}
