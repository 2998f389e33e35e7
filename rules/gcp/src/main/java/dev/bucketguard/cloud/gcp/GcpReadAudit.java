package dev.bucketguard.cloud.gcp;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Would a read of a bucket's objects be recorded? By usage logs (every request, anonymous ones too), kept as long as
 * the log bucket's lifecycle keeps them; or by Cloud Storage's Data Access audit logs ({@code DATA_READ}, enabled on
 * the project or an ancestor), kept as long as the destination of a sink that routes them keeps them. Cloud Audit
 * Logs records no access to a publicly shared resource (allUsers, allAuthenticatedUsers), so for a PUBLIC bucket only
 * usage logs count. A setting that could not be read is UNKNOWN naming its permission, never NO.
 */
final class GcpReadAudit {
    /** The facts the answer reads. */
    static final Set<Fact> FACTS = Set.of(GcpFacts.LOGGING, GcpFacts.DATA_ACCESS_AUDIT, GcpFacts.LOG_ROUTING);
    static final String USAGE_LOGS = "usage logs";

    private final Resource resource;
    private final AuditContext context;
    private final List<AuditTrail> trails = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Unknown> unread = new ArrayList<>();

    GcpReadAudit(Resource resource, AuditContext context) {
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
        GcpBucket bucket = GcpBucket.of(resource);
        usageLogs(bucket);
        dataAccessLogs(bucket);
        return ReadAudit.of(trails, reasons, unread);
    }

    private void usageLogs(GcpBucket bucket) {
        if (!resource.knows(GcpFacts.LOGGING)) {
            resource.whyUnknown(GcpFacts.LOGGING).ifPresent(unread::add);
            return;
        }
        Logging l = bucket.logging();
        if (!l.enabled()) {
            reasons.add("usage logs off");
            return;
        }
        Retention kept = bucket.usageLogRetention() != null ? bucket.usageLogRetention()
                : Retention.unknown("this snapshot does not say how long the log bucket keeps them");
        trails.add(new AuditTrail(USAGE_LOGS, "bucket " + l.target(), kept));
        String logBucket = l.target().contains("/") ? l.target().substring(0, l.target().indexOf('/'))
                : l.target();
        context.scope().verdict(GcpCloud.ID, logBucket).ifPresent(v -> {
            if (v.exposure() == Exposure.PUBLIC || v.exposure() == Exposure.CROSS_ACCOUNT) {
                reasons.add("the usage logs go to bucket " + logBucket + ", which is itself " + v.exposure());
            }
        });
    }

    private void dataAccessLogs(GcpBucket bucket) {
        if (!resource.knows(GcpFacts.DATA_ACCESS_AUDIT)) {
            resource.whyUnknown(GcpFacts.DATA_ACCESS_AUDIT).ifPresent(unread::add);
            return;
        }
        DataAccessAudit a = bucket.dataAccessAudit();
        if (Boolean.FALSE.equals(a.dataRead())) {
            reasons.add("Data Access audit logs (DATA_READ) are not enabled for Cloud Storage on the project or its"
                    + " folders and organisation");
            return;
        }
        if (a.dataRead() == null) {
            unread.add(new Unknown(GcpFacts.DATA_ACCESS_AUDIT, null, null, "DATA_READ is not enabled on the project,"
                    + " and an ancestor's audit config could not be read: " + String.join("; ", a.unreadAncestors())));
            return;
        }
        Exposure exposure = exposure();
        if (exposure == Exposure.PUBLIC) {
            reasons.add("Data Access audit logs are on (" + String.join(", ", a.enabledAt()) + "), but Cloud Audit"
                    + " Logs records no access to a publicly shared resource");
            return;
        }
        if (exposure == Exposure.UNKNOWN) {
            // If it is public, the audit logs record nothing of it: they cannot be counted on.
            unread.add(new Unknown(GcpFacts.DATA_ACCESS_AUDIT, null, null, "Data Access audit logs are on, but"
                    + " whether the bucket is public (Cloud Audit Logs then records nothing of it) is not known"));
            return;
        }
        if (!resource.knows(GcpFacts.LOG_ROUTING)) {
            resource.whyUnknown(GcpFacts.LOG_ROUTING).ifPresent(unread::add);
            return;
        }
        LogRouting routing = bucket.logRouting();
        String except = a.exemptedMembers().isEmpty() ? ""
                : " (except reads by " + String.join(", ", a.exemptedMembers()) + ", exempted)";
        for (LogRoute r : routing.routes()) {
            trails.add(new AuditTrail("Data Access audit logs via sink '" + r.sink() + "'" + except, r.describe(),
                    r.retention()));
        }
        if (routing.routes().isEmpty()) {
            if (!routing.unevaluated().isEmpty()) {
                unread.add(new Unknown(GcpFacts.LOG_ROUTING, null, null, "no sink certainly routes the Data Access"
                        + " logs, and bucketguard does not evaluate: " + String.join("; ", routing.unevaluated())));
            }
            reasons.add("Data Access audit logs are on, but no sink keeps them" + (routing.excluded().isEmpty() ? ""
                    : " (" + String.join("; ", routing.excluded()) + ")"));
        }
    }

    /** The bucket's exposure: from the scan when it is there, else judged here (PUBLIC needs no trust zone). */
    private Exposure exposure() {
        return context.scope().verdict(GcpCloud.ID, resource.id())
                .orElseGet(() -> new GcpExposure(resource, TrustZone.OWNER_ONLY).verdict()).exposure();
    }
}
