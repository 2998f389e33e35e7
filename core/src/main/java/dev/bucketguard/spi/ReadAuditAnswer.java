package dev.bucketguard.spi;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.forensics.AuditTrail;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What every cloud's read audit ({@link Cloud#readAudit}) does the same way: NOT_ASSESSED unless the facts it reads
 * were collected; a fact that could not be read is kept as unread, so the answer is UNKNOWN and never NO; the trails
 * and reasons gathered make the answer ({@link ReadAudit#of}); a log destination that is itself an exposed resource of
 * the same scan is said. A cloud subclasses it with the reading of its own settings, {@link #read()}.
 */
public abstract class ReadAuditAnswer {
    protected final Resource resource;
    protected final AuditContext context;
    private final String cloud;
    private final Set<Fact> facts;
    private final List<AuditTrail> trails = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Unknown> unread = new ArrayList<>();

    /**
     * @param cloud    the cloud's id, to look up log destinations in the scan
     * @param facts    the facts the answer reads: without all of them collected it is NOT_ASSESSED
     * @param resource the resource asked about
     * @param context  the scan's parameters and its other resources
     */
    protected ReadAuditAnswer(String cloud, Set<Fact> facts, Resource resource, AuditContext context) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.facts = Set.copyOf(facts);
        this.resource = Objects.requireNonNull(resource, "resource");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The answer: NOT_ASSESSED when a fact it reads was not collected, else what {@link #read()} gathered. */
    public final ReadAudit answer() {
        List<String> missing = facts.stream().filter(f -> !resource.collected().contains(f)).map(Object::toString)
                .sorted().toList();
        if (!missing.isEmpty()) {
            return ReadAudit.notAssessed("not collected: " + String.join(", ", missing)
                    + " (the selected rules did not ask for them, or the snapshot lacks them)");
        }
        read();
        return ReadAudit.of(trails, reasons, unread);
    }

    /** Reads the cloud's settings of the resource into trails, reasons and unread settings. */
    protected abstract void read();

    /** True when the resource knows the fact; otherwise records why it is unknown (when it says) and returns false. */
    protected final boolean knows(Fact fact) {
        if (resource.knows(fact)) {
            return true;
        }
        resource.whyUnknown(fact).ifPresent(unread::add);
        return false;
    }

    protected final void trail(AuditTrail trail) {
        trails.add(trail);
    }

    protected final void reason(String reason) {
        reasons.add(reason);
    }

    protected final void unread(Unknown setting) {
        unread.add(setting);
    }

    protected final void unread(Collection<Unknown> settings) {
        unread.addAll(settings);
    }

    /** True when a trail that records reads was found so far. */
    protected final boolean recordsReads() {
        return !trails.isEmpty();
    }

    /**
     * When the resource {@code id} of this cloud is in the scan and PUBLIC or CROSS_ACCOUNT, the reason "{where}, which
     * is itself PUBLIC": who read what can be read there too.
     *
     * @param where "the usage logs go to bucket acct-logs"
     */
    protected final void exposedDestination(String id, String where) {
        context.scope().verdict(cloud, id).ifPresent(v -> {
            if (v.exposure() == Exposure.PUBLIC || v.exposure() == Exposure.CROSS_ACCOUNT) {
                reasons.add(where + ", which is itself " + v.exposure());
            }
        });
    }
}
