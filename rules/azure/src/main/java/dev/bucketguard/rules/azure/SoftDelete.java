package dev.bucketguard.rules.azure;

import dev.bucketguard.cloud.azure.DeleteRetention;
import dev.bucketguard.cloud.azure.StorageAccount;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** Blob soft delete keeps deleted blobs for a while. */
@RuleDefinition(id = "azure.blob.soft-delete", severity = Severity.LOW, provider = "azure",
        requires = {"SOFT_DELETE"})
public final class SoftDelete implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        DeleteRetention d = StorageAccount.of(resource).softDelete();
        if (d.enabled()) {
            return Outcome.pass("deleted blobs are kept" + (d.days() == null ? "" : " for " + d.days() + " days"),
                    "DeleteRetentionPolicy: enabled");
        }
        return Outcome.fail("blob soft delete is off: a deleted or overwritten blob is gone at once",
                "DeleteRetentionPolicy: disabled");
    }
}
