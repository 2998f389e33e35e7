package dev.bucketguard.cli;

import dev.bucketguard.provider.Provider;
import dev.bucketguard.snapshot.SnapshotProvider;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bucketguard scan snapshot FILE}: scans a saved snapshot offline, for every cloud, with no cloud SDK. */
@Command(name = "snapshot",
        description = "Scans a JSON snapshot of resources (from --save-snapshot, or written by hand) offline.")
final class ScanSnapshotCommand extends ProviderScanCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file.")
    Path file;

    ScanSnapshotCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Provider provider() {
        return new SnapshotProvider(file);
    }

    @Override
    protected String defaultSarifLocation() {
        return file.toString();
    }
}
