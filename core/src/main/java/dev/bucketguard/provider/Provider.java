package dev.bucketguard.provider;

import dev.bucketguard.model.Fact;
import java.util.Set;

/** Reads resources from one cloud or snapshot. */
public interface Provider {

    /** {@code aws}, {@code azure}, {@code gcp}, or {@code snapshot}. */
    String id();

    /**
     * Reads every resource in scope.
     *
     * @param facts    the facts the selected rules and the exposure verdict need; fetch these and nothing else
     * @param progress where to report progress for long scans (never to stdout)
     * @return the resources, and the errors that kept some from being read at all
     */
    Inventory collect(Set<Fact> facts, Progress progress);
}
