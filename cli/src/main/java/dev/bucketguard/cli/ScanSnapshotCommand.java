package dev.bucketguard.cli;

import dev.bucketguard.snapshot.SnapshotProvider;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bucketguard scan snapshot FILE}: scans a saved snapshot offline. */
@Command(name = "snapshot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Scans a JSON snapshot of resources (from --save-snapshot, or written by hand) offline.")
final class ScanSnapshotCommand implements Callable<Integer> {
    private final Environment environment;

    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file.")
    Path file;

    @Mixin
    ScanOptions options;

    ScanSnapshotCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return new ScanRun(environment, options).execute(new SnapshotProvider(file),
                options.sarifLocation != null ? options.sarifLocation : file.toString());
    }
}
