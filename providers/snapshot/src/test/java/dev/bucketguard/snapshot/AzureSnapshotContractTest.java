package dev.bucketguard.snapshot;

import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.spi.Cloud;

/** The provider contract for Azure resources read from snapshots. */
class AzureSnapshotContractTest extends SnapshotProviderContract {
    @Override
    protected Cloud cloud() {
        return new AzureCloud();
    }
}
