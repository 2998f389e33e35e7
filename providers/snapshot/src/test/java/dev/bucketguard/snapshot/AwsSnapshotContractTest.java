package dev.bucketguard.snapshot;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.spi.Cloud;

/** The provider contract for Aws resources read from snapshots. */
class AwsSnapshotContractTest extends SnapshotProviderContract {
    @Override
    protected Cloud cloud() {
        return new AwsCloud();
    }
}
