package dev.bucketguard.snapshot;

import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.spi.Cloud;

/** The provider contract for Salesforce resources read from snapshots. */
class SalesforceSnapshotContractTest extends SnapshotProviderContract {
    @Override
    protected Cloud cloud() {
        return new SalesforceCloud();
    }
}
