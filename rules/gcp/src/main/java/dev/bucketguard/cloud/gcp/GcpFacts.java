package dev.bucketguard.cloud.gcp;

import dev.bucketguard.model.Fact;
import java.util.Set;

/** The facts of a Cloud Storage bucket. */
public final class GcpFacts {
    /** The bucket ACL: grants through {@link GcpChannels#ACL}. */
    public static final Fact ACL = Fact.of("ACL");
    /** The default object ACL new objects get: grants through {@link GcpChannels#DEFAULT_OBJECT_ACL}. */
    public static final Fact DEFAULT_OBJECT_ACL = Fact.of("DEFAULT_OBJECT_ACL");
    /** The bucket IAM policy (version 3): grants through {@link GcpChannels#IAM_BINDING}. */
    public static final Fact IAM_POLICY = Fact.of("IAM_POLICY");
    /** The bucket's iamConfiguration: public access prevention and uniform bucket-level access. */
    public static final Fact PUBLIC_ACCESS_PREVENTION = Fact.of("PUBLIC_ACCESS_PREVENTION");
    /** The effective organisation policy constraint {@code storage.publicAccessPrevention} of the project. */
    public static final Fact ORG_POLICY = Fact.of("ORG_POLICY");
    /** The ACLs of a sample of objects: grants through {@link GcpChannels#OBJECT_ACL}. */
    public static final Fact OBJECT_ACLS = Fact.of("OBJECT_ACLS");
    /** Usage logging ({@code logging.logBucket}), and how long the log bucket keeps them. */
    public static final Fact LOGGING = Fact.of("LOGGING");
    /**
     * Data Access audit logs of reads ({@code DATA_READ}) for Cloud Storage in the IAM audit configuration of the
     * project and its ancestors: {@link GcpBucket#dataAccessAudit()}.
     */
    public static final Fact DATA_ACCESS_AUDIT = Fact.of("DATA_ACCESS_AUDIT");
    /** The project's log sinks and log buckets: where Data Access logs go and for how long ({@link LogRouting}). */
    public static final Fact LOG_ROUTING = Fact.of("LOG_ROUTING");
    /** Versioning and the retention policy. */
    public static final Fact VERSIONING = Fact.of("VERSIONING");
    /**
     * What an unauthenticated {@code testIamPermissions} shows allUsers to hold (opt-in, {@code --probe-anonymous}):
     * evidence from outside; a hit proves public, a miss proves nothing.
     */
    public static final Fact ANONYMOUS_PROBE = Fact.of("ANONYMOUS_PROBE");
    /** Default encryption: the envelope's encryption. */
    public static final Fact ENCRYPTION = Fact.ENCRYPTION;

    public static final Set<Fact> ALL = Set.of(ACL, DEFAULT_OBJECT_ACL, IAM_POLICY, PUBLIC_ACCESS_PREVENTION,
            ORG_POLICY, OBJECT_ACLS, LOGGING, VERSIONING, ENCRYPTION, ANONYMOUS_PROBE, DATA_ACCESS_AUDIT, LOG_ROUTING);

    /** What the verdict reads (SEMANTICS.md 5.3). */
    public static final Set<Fact> VERDICT = Set.of(ACL, DEFAULT_OBJECT_ACL, IAM_POLICY, PUBLIC_ACCESS_PREVENTION,
            ORG_POLICY);

    private GcpFacts() {
    }
}
