package dev.bucketguard.cloud.aws;

import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.ReadAuditAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Would a read of an S3 bucket be recorded? By server access logging (its target bucket and that bucket's lifecycle),
 * and by CloudTrail trails that record {@code GetObject} data events on every object of the bucket and are logging.
 * A setting that could not be read is UNKNOWN naming its permission, never NO; a destination outside the scan keeps
 * an unknown retention.
 */
final class AwsReadAudit extends ReadAuditAnswer {
    static final String ACCESS_LOGGING = "server access logging";

    AwsReadAudit(Resource resource, AuditContext context) {
        super(AwsCloud.ID, S3Facts.READ_AUDIT, resource, context);
    }

    @Override
    protected void read() {
        S3Bucket bucket = S3Bucket.of(resource);
        accessLogging(bucket);
        cloudTrail(bucket);
    }

    private void accessLogging(S3Bucket bucket) {
        if (!knows(S3Facts.LOGGING)) {
            return;
        }
        Logging logging = bucket.logging();
        if (!logging.enabled()) {
            reason("server access logging off");
            return;
        }
        LogDestination d = bucket.logDestination();
        if (!resource.knows(S3Facts.LOG_DESTINATION) || d == null) {
            Unknown why = resource.whyUnknown(S3Facts.LOG_DESTINATION).orElse(null);
            if (why != null) {
                unread(why);
            }
            trail(new AuditTrail(ACCESS_LOGGING, logging.target(), Retention.unknown(why == null
                    ? "the target bucket's lifecycle was not read" : why.describe())));
            return;
        }
        trail(new AuditTrail(ACCESS_LOGGING, d.describe(), d.retention()));
        exposedDestination(d.bucket(), "the server access logs go to bucket " + d.bucket());
    }

    private void cloudTrail(S3Bucket bucket) {
        if (!knows(S3Facts.TRAILS)) {
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
                unread(failed(t, "GetEventSelectors"));
                continue;
            }
            if (a.coverage() != ObjectReadCoverage.Coverage.ALL) {
                notRecording.add("trail '" + t.name() + "': " + a.why());
                continue;
            }
            if (t.logging() == null) {
                unread(failed(t, "GetTrailStatus"));
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
                unread(why);
                kept = Retention.unknown(why.isEmpty() ? "its bucket's lifecycle was not read" : why.get(0).describe());
            } else {
                kept = t.destination().retention();
                exposedDestination(t.destination().bucket(), "the CloudTrail logs of trail '" + t.name()
                        + "' go to bucket " + t.destination().bucket());
            }
            trail(new AuditTrail("CloudTrail trail '" + t.name() + "'",
                    t.destination() == null ? null : t.destination().describe(), kept));
        }
        if (!recorded) {
            reason("no CloudTrail trail records GetObject on this bucket" + (notRecording.isEmpty() ? ""
                    : " (" + notRecording.stream().collect(Collectors.joining("; ")) + ")"));
        }
    }

    private static List<Unknown> failed(Trail t, String call) {
        return t.unread().stream().filter(u -> call.equals(u.call())).toList();
    }
}
