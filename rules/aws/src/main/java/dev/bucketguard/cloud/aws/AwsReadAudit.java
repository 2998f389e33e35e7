package dev.bucketguard.cloud.aws;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Would a read of an S3 bucket be recorded? By server access logging (its target bucket and that bucket's lifecycle),
 * and by CloudTrail trails that record {@code GetObject} data events on every object of the bucket and are logging.
 * A setting that could not be read is UNKNOWN naming its permission, never NO; a destination outside the scan keeps
 * an unknown retention.
 */
final class AwsReadAudit {
    static final String ACCESS_LOGGING = "server access logging";

    private final Resource resource;
    private final AuditContext context;
    private final List<AuditTrail> trails = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Unknown> unread = new ArrayList<>();

    AwsReadAudit(Resource resource, AuditContext context) {
        this.resource = resource;
        this.context = context;
    }

    ReadAudit answer() {
        List<String> missing = S3Facts.READ_AUDIT.stream().filter(f -> !resource.collected().contains(f))
                .map(Object::toString).sorted().toList();
        if (!missing.isEmpty()) {
            return ReadAudit.notAssessed("not collected: " + String.join(", ", missing)
                    + " (the selected rules did not ask for them, or the snapshot lacks them)");
        }
        S3Bucket bucket = S3Bucket.of(resource);
        accessLogging(bucket);
        cloudTrail(bucket);
        return ReadAudit.of(trails, reasons, unread);
    }

    private void accessLogging(S3Bucket bucket) {
        if (!resource.knows(S3Facts.LOGGING)) {
            resource.whyUnknown(S3Facts.LOGGING).ifPresent(unread::add);
            return;
        }
        Logging logging = bucket.logging();
        if (!logging.enabled()) {
            reasons.add("server access logging off");
            return;
        }
        LogDestination d = bucket.logDestination();
        if (!resource.knows(S3Facts.LOG_DESTINATION) || d == null) {
            Unknown why = resource.whyUnknown(S3Facts.LOG_DESTINATION).orElse(null);
            if (why != null) {
                unread.add(why);
            }
            trails.add(new AuditTrail(ACCESS_LOGGING, logging.target(), Retention.unknown(why == null
                    ? "the target bucket's lifecycle was not read" : why.describe())));
            return;
        }
        trails.add(new AuditTrail(ACCESS_LOGGING, d.describe(), d.retention()));
        exposedDestination(d.bucket(), "server access logs");
    }

    /** A log destination that is itself in the scan and open to others: who read what can be read there too. */
    private void exposedDestination(String destination, String what) {
        context.scope().verdict(AwsCloud.ID, destination).ifPresent(v -> {
            if (v.exposure() == Exposure.PUBLIC || v.exposure() == Exposure.CROSS_ACCOUNT) {
                reasons.add("the " + what + " go to bucket " + destination + ", which is itself " + v.exposure());
            }
        });
    }

    private void cloudTrail(S3Bucket bucket) {
        if (!resource.knows(S3Facts.TRAILS)) {
            resource.whyUnknown(S3Facts.TRAILS).ifPresent(unread::add);
            return;
        }
        List<String> notRecording = new ArrayList<>();
        boolean recorded = false;
        for (Trail t : bucket.trails()) {
            if (!t.multiRegion() && resource.region() != null && t.homeRegion() != null
                    && !t.homeRegion().equals(resource.region())) {
                continue;
            }
            ObjectReadCoverage.Answer a = ObjectReadCoverage.of(t, resource.id());
            if (a == null) {
                unread.addAll(failed(t, "GetEventSelectors"));
                continue;
            }
            if (a.coverage() != ObjectReadCoverage.Coverage.ALL) {
                notRecording.add("trail '" + t.name() + "': " + a.why());
                continue;
            }
            if (t.logging() == null) {
                unread.addAll(failed(t, "GetTrailStatus"));
                continue;
            }
            if (!t.logging()) {
                notRecording.add("trail '" + t.name() + "' would record them but is not logging");
                continue;
            }
            recorded = true;
            Retention kept;
            if (t.destination() == null) {
                List<Unknown> why = failed(t, "GetBucketLifecycleConfiguration");
                unread.addAll(why);
                kept = Retention.unknown(why.isEmpty() ? "its bucket's lifecycle was not read" : why.get(0).describe());
            } else {
                kept = t.destination().retention();
                exposedDestination(t.destination().bucket(), "CloudTrail logs of trail '" + t.name() + "'");
            }
            trails.add(new AuditTrail("CloudTrail trail '" + t.name() + "'",
                    t.destination() == null ? null : t.destination().describe(), kept));
        }
        if (!recorded) {
            reasons.add("no CloudTrail trail records GetObject on this bucket" + (notRecording.isEmpty() ? ""
                    : " (" + notRecording.stream().collect(Collectors.joining("; ")) + ")"));
        }
    }

    private static List<Unknown> failed(Trail t, String call) {
        return t.unread().stream().filter(u -> call.equals(u.call())).toList();
    }
}
