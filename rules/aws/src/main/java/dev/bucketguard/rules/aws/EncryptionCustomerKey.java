package dev.bucketguard.rules.aws;

import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.List;

/** Default encryption with a key the customer manages, not one AWS manages. */
@RuleDefinition(
        id = "aws.s3.encryption-customer-key",
        severity = Severity.MEDIUM,
        provider = "aws",
        requires = {"ENCRYPTION"},
        reads = {"ENCRYPTION_KEY"})
public final class EncryptionCustomerKey implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        var unknown = UnknownFacts.check(resource, S3Facts.ENCRYPTION);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Encryption enc = resource.encryption();
        if (enc == null) {
            return Outcome.unknown("default encryption was read but no setting was recorded", List.of());
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("SSEAlgorithm: " + (enc.algorithm() == null ? "none recorded" : enc.algorithm())
                + (enc.keyId() == null ? "" : ", key " + enc.keyId()));
        if (enc.legacyObjectsMayBeUnencrypted()) {
            evidence.add("no default encryption rule: objects written before 2023-01-05 may be unencrypted");
        }
        return switch (enc.state()) {
            case CUSTOMER_MANAGED -> Outcome.pass("default encryption uses customer-managed KMS key "
                    + (enc.keyId() == null ? "(id not recorded)" : enc.keyId()), evidence.toArray(String[]::new));
            case PROVIDER_MANAGED -> Outcome.fail("default encryption uses " + providerKey(enc)
                    + ", not a customer-managed KMS key", evidence);
            case NONE -> Outcome.fail("objects without encryption at rest were found", evidence);
            case UNKNOWN -> unknownKey(resource, enc, evidence);
        };
    }

    private static String providerKey(Encryption enc) {
        String alg = enc.algorithm();
        if (alg == null || "AES256".equals(alg)) {
            return "SSE-S3 (AES256, keys Amazon S3 manages)";
        }
        if (enc.keyId() == null || enc.keyId().endsWith("alias/aws/s3")) {
            return "SSE-KMS (" + alg + ") with the AWS-managed key aws/s3";
        }
        return "SSE-KMS (" + alg + ") with key " + enc.keyId() + ", which AWS manages (KeyManager AWS)";
    }

    private static Outcome unknownKey(Resource resource, Encryption enc, List<String> evidence) {
        List<String> missing = UnknownFacts.lines(resource, S3Facts.ENCRYPTION_KEY);
        evidence.addAll(missing);
        if (Boolean.TRUE.equals(enc.encrypted())) {
            String permission = resource.whyUnknown(S3Facts.ENCRYPTION_KEY).map(Unknown::permission)
                    .orElse("kms:DescribeKey");
            return Outcome.unknown("encrypted with KMS key " + (enc.keyId() == null ? "(id not recorded)"
                    : enc.keyId()) + " whose manager could not be read (needs "
                    + (permission == null ? "kms:DescribeKey" : permission) + ")", evidence);
        }
        return Outcome.unknown("how the bucket is encrypted could not be decided"
                + (missing.isEmpty() ? "" : ": " + String.join("; ", missing)), evidence);
    }
}
