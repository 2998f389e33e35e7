package dev.bucketguard.cli;

import picocli.CommandLine.Command;

/** {@code bucketguard scan <provider>}. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Scans one provider's storage and reports exposure and findings.",
        subcommands = {ScanAwsCommand.class, ScanSnapshotCommand.class})
final class ScanCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing provider: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
