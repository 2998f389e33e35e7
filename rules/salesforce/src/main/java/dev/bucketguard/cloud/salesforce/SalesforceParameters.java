package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.spi.Parameter;

/**
 * The scan parameters Salesforce's rules read (see {@link dev.bucketguard.spi.ScanParameters}): set by the CLI from
 * flags, for a live scan and for a re-scan of a snapshot alike, so a saved org can be judged with another threshold.
 */
public final class SalesforceParameters {
    /** Days without a view after which a live public link is stale ({@code --link-stale-days}, default 90). */
    public static final Parameter<Integer> LINK_STALE_DAYS = new Parameter<>("link-stale-days", Integer.class, 90);

    private SalesforceParameters() {
    }
}
