package dev.bucketguard.cli;

/** The report formats. */
enum Format {
    TEXT, JSON, SARIF, JUNIT
}
