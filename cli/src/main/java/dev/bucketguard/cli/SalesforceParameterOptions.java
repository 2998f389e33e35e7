package dev.bucketguard.cli;

import dev.bucketguard.cloud.salesforce.SalesforceParameters;
import dev.bucketguard.spi.ScanParameters;
import picocli.CommandLine.Option;

/**
 * The Salesforce rules' parameters as flags: mixed into {@code scan salesforce} and {@code scan snapshot}, so a saved
 * org can be judged again with another threshold.
 */
final class SalesforceParameterOptions {
    @Option(names = "--link-stale-days", paramLabel = "N", converter = Converters.Positive.class,
            description = "A live Salesforce public link not viewed for N days (or never) is stale"
                    + " (salesforce.files.link-stale). Default: 90.")
    Integer linkStaleDays;

    /** {@code parameters} with the flags given here set. */
    ScanParameters apply(ScanParameters parameters) {
        return parameters.with(SalesforceParameters.LINK_STALE_DAYS, linkStaleDays);
    }
}
