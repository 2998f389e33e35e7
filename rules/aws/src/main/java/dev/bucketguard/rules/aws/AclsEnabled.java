package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.ObjectOwnership;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** ACLs still in force: Object Ownership is not BucketOwnerEnforced. */
@RuleDefinition(
        id = "aws.s3.acls-enabled",
        severity = Severity.MEDIUM,
        provider = "aws",
        requires = {"OBJECT_OWNERSHIP"})
public final class AclsEnabled implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        ObjectOwnership o = S3Wording.ownershipOf(resource);
        String line = "Object Ownership: " + o.label();
        if (!o.aclsEnabled()) {
            return Outcome.pass("ACLs are disabled: Object Ownership is BucketOwnerEnforced", line);
        }
        return Outcome.fail("ACLs are in force: Object Ownership is " + o.label()
                + ", not BucketOwnerEnforced", line);
    }
}
