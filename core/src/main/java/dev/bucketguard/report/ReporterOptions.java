package dev.bucketguard.report;

import java.util.Objects;

/**
 * The choices a caller makes about a report's presentation; each reporter reads only those that concern it.
 *
 * @param colour      text: ANSI colour (see {@link TextReporter#colourWanted})
 * @param verbose     text: list PASS findings one by one instead of counting them
 * @param artifactUri sarif: the file results are anchored to, since code scanning needs a physical location
 */
public record ReporterOptions(boolean colour, boolean verbose, String artifactUri) {
    public static final ReporterOptions DEFAULTS =
            new ReporterOptions(false, false, SarifReporter.DEFAULT_ARTIFACT_URI);

    public ReporterOptions {
        Objects.requireNonNull(artifactUri, "artifactUri");
    }
}
