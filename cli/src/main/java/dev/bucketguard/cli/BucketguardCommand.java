package dev.bucketguard.cli;

import picocli.CommandLine.Command;

/** {@code bucketguard}: finds cloud storage settings that expose data to third parties. */
@Command(name = "bucketguard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds cloud storage settings that expose data to third parties, explains why, and fails a"
                + " CI pipeline before such a setting ships.",
        subcommands = {ScanCommand.class, RulesCommand.class})
final class BucketguardCommand implements Runnable {
    private final Environment environment;

    BucketguardCommand(Environment environment) {
        this.environment = environment;
    }

    BucketguardCommand() {
        this(null);
    }

    @Override
    public void run() {
        // No subcommand: show what there is.
        if (environment != null) {
            new picocli.CommandLine(this).usage(environment.err());
        }
    }
}
