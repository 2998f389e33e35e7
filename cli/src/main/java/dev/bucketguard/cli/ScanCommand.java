package dev.bucketguard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bucketguard scan <provider>}. Each provider is a small subcommand on {@link ProviderScanCommand}; a new
 * provider adds its class here.
 */
@Command(name = "scan",
        description = "Scans one provider's storage and reports exposure and findings.",
        subcommands = {ScanAwsCommand.class, ScanAzureCommand.class, ScanGcpCommand.class, ScanSalesforceCommand.class,
            ScanSnapshotCommand.class, ScanTerraformCommand.class})
final class ScanCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing provider: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
