package dev.bucketguard.report;

import dev.bucketguard.spi.Severity;
import java.util.Objects;

/**
 * The choices a caller makes about a report's presentation; each reporter reads only those that concern it.
 *
 * @param colour      text: ANSI colour (see {@link TextReporter#colourWanted})
 * @param verbose     text: list PASS findings one by one instead of counting them
 * @param artifactUri sarif: the file results are anchored to, since code scanning needs a physical location
 * @param failOn      junit: the lowest severity whose FAIL (or UNKNOWN) findings are failures (errors); findings
 *                    below it, or accepted in the baseline, pass with their text in system-out, as the gate lets
 *                    them pass; null for {@code --fail-on none}
 */
public record ReporterOptions(boolean colour, boolean verbose, String artifactUri, Severity failOn) {
    /** Every failing finding is a failure, whatever its severity. */
    public static final ReporterOptions DEFAULTS =
            new ReporterOptions(false, false, SarifReporter.DEFAULT_ARTIFACT_URI, Severity.LOW);

    public ReporterOptions {
        Objects.requireNonNull(artifactUri, "artifactUri");
    }

    /** Options where every failing finding is a failure. */
    public ReporterOptions(boolean colour, boolean verbose, String artifactUri) {
        this(colour, verbose, artifactUri, Severity.LOW);
    }
}
