package dev.bucketguard.report;

import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link ScanReport} in one format. Implementations are stateless and thread-safe: the same report always
 * gives the same characters, with "\n" line endings and nothing taken from the clock or the host.
 */
public interface Reporter {

    /** The format's name, as {@code --format} takes it: text, json, sarif or junit. */
    String format();

    /** Writes the whole report. Does not close {@code out}. */
    void write(ScanReport report, Writer out) throws IOException;
}
