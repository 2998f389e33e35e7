package dev.bucketguard.snapshot;

import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.spi.Cloud;

/** The provider contract for Gcp resources read from snapshots. */
class GcpSnapshotContractTest extends SnapshotProviderContract {
    @Override
    protected Cloud cloud() {
        return new GcpCloud();
    }
}
