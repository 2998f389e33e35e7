package dev.bucketguard.spi;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import java.util.List;
import java.util.Set;

/**
 * What a cloud contributes that core must not know: its id, its vocabulary (kinds, facts, channels, owner parents),
 * its details type, and its exposure verdict. Found with {@link java.util.ServiceLoader}: a module lists its
 * implementation in {@code META-INF/services/dev.bucketguard.spi.Cloud}. Implementations are stateless and
 * thread-safe.
 *
 * <p>Adding a cloud means one implementation of this interface, one {@link Details} record, and rules; no core file
 * changes (see {@code docs/architecture.md}).
 */
public interface Cloud {

    /** The provider id resources carry: {@code aws}, {@code azure}, {@code gcp}. Lower case, stable. */
    String id();

    /** The cloud's name for people: "AWS", "Azure", "Google Cloud". */
    String displayName();

    /** The kinds of resource it has; a snapshot resource of another kind is refused. */
    Set<ResourceKind> kinds();

    /** Every fact it declares, including {@link Fact#ENCRYPTION} where it reads encryption at rest. */
    Set<Fact> facts();

    /** The facts its verdict reads (SEMANTICS.md section 5): collected whatever rules are selected. */
    Set<Fact> verdictFacts();

    /** The channels its grants go through. */
    Set<Channel> channels();

    /** The kinds of parent an owner may have ({@code organization}, {@code tenant}); empty when none. */
    Set<String> parentKinds();

    /** The record type of {@link Resource#details()} for this cloud, read from and written to snapshots. */
    Class<? extends Details> detailsType();

    /**
     * The exposure verdict of one of its resources. Never PRIVATE when a fact it needs is not known.
     *
     * @param resource a resource of this cloud
     * @param trust    the accounts and organisations that count as the owner's
     */
    Verdict verdict(Resource resource, TrustZone trust);

    /**
     * The forensic-readiness answer of one of its resources: would a read be recorded, by which mechanisms, kept how
     * long. Never NO when a setting that could record reads was not read: UNKNOWN naming it and its permission. By
     * default NOT_ASSESSED: a cloud that does not answer says so rather than answering NO.
     *
     * @param resource a resource of this cloud
     * @param context  the scan's parameters and the other resources of the scan
     */
    default ReadAudit readAudit(Resource resource, AuditContext context) {
        return ReadAudit.notAssessed("bucketguard does not yet tell whether reads of " + displayName()
                + " resources are recorded");
    }

    /**
     * What is inconsistent in a resource of this cloud, one line each: a known fact whose value is missing from the
     * details, for example. The snapshot reader refuses a resource with problems. Empty when it is consistent.
     */
    default List<String> problems(Resource resource) {
        return List.of();
    }

    /** The compliance mappings this cloud's rules take part in (resources beside the implementation). */
    default List<Compliance> compliance() {
        return List.of();
    }
}
