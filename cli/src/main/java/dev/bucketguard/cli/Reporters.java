package dev.bucketguard.cli;

import dev.bucketguard.report.JsonReporter;
import dev.bucketguard.report.JunitReporter;
import dev.bucketguard.report.Reporter;
import dev.bucketguard.report.SarifReporter;
import dev.bucketguard.report.TextReporter;

/** Builds the reporter for a --format. */
final class Reporters {
    private Reporters() {
    }

    static Reporter create(Format format, boolean colour, boolean verbose, String sarifArtifact) {
        return switch (format) {
            case TEXT -> new TextReporter(colour, verbose);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter(sarifArtifact);
            case JUNIT -> new JunitReporter();
        };
    }
}
