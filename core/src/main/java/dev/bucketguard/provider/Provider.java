package dev.bucketguard.provider;


/** Reads resources from one cloud or snapshot. */
public interface Provider {

    /** The provider's id: a cloud id such as {@code aws}, or {@code snapshot}. */
    String id();

    /**
     * Reads every resource in scope.
     *
     * @param facts    the facts the selected rules and the exposure verdict need, per cloud; fetch those of each
     *                 resource's cloud and nothing else
     * @param progress where to report progress for long scans (never to stdout)
     * @return the resources, and the errors that kept some from being read at all
     */
    Inventory collect(FactSelection facts, Progress progress);
}
