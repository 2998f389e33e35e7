package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.model.Resource;

/** A storage account's details for the rules; the engine calls a rule only once the facts it requires are known. */
final class Accounts {
    private Accounts() {
    }

    static StorageAccount of(Resource resource) {
        StorageAccount a = resource.details(StorageAccount.class);
        return a == null ? StorageAccount.UNREAD : a;
    }
}
