package dev.bucketguard.cli;

import dev.bucketguard.provider.Provider;
import dev.bucketguard.snapshot.SnapshotProvider;
import dev.bucketguard.spi.ScanParameters;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bucketguard scan snapshot FILE}: scans a saved snapshot offline, for every cloud, with no cloud SDK. */
@Command(name = "snapshot",
        description = "Scans a JSON snapshot of resources (from --save-snapshot, or written by hand) offline.")
final class ScanSnapshotCommand extends ProviderScanCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file.")
    Path file;

    @Mixin
    EveryCloudTrustOptions everyCloudTrust;

    @Mixin
    SalesforceParameterOptions salesforceParameters;

    ScanSnapshotCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Provider provider() {
        return new SnapshotProvider(file);
    }

    /** Every cloud's trust flags add to the zone: a snapshot may hold resources of any cloud. */
    @Override
    protected Set<String> trustedOwners() {
        return everyCloudTrust.owners();
    }

    /** A snapshot may hold a Salesforce org: its rules' thresholds can differ from the scan that saved it. */
    @Override
    protected ScanParameters parameters(ScanParameters shared) {
        return salesforceParameters.apply(shared);
    }

    @Override
    protected String defaultSarifLocation() {
        return file.toString();
    }
}
