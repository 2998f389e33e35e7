package dev.bucketguard.rules.aws;

import dev.bucketguard.exposure.Assessment;
import dev.bucketguard.model.Encryption;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Remediation;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.spi.UnknownFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Default encryption with a key the customer manages, not one AWS manages. */
public final class EncryptionCustomerKey implements Rule {
    private static final RuleMetadata METADATA = new RuleMetadata(
            "aws.s3.encryption-customer-key",
            "S3 default encryption does not use a customer-managed KMS key",
            Severity.MEDIUM,
            "aws",
            "Fails when default encryption uses a key AWS manages: SSE-S3 (AES256) or SSE-KMS with the AWS-managed"
                    + " aws/s3 key (no key id, alias/aws/s3, or a key whose KeyManager is AWS). Passes for a"
                    + " customer-managed KMS key. UNKNOWN when the encryption setting, or the manager of the KMS key"
                    + " (kms:DescribeKey), could not be read. Unlike peers that pass any aws:kms bucket, it tells the"
                    + " AWS-managed key from a customer-managed one.",
            "With a key AWS manages, every principal with s3:GetObject can read the data: there is no separate key"
                    + " policy to limit or audit decryption, no way to revoke access by disabling the key, and no"
                    + " crypto-shredding when records must be erased.",
            new Remediation(
                    "S3 console > bucket > Properties > Default encryption > Edit: choose SSE-KMS and a customer"
                            + " managed key (create one in KMS first), and turn on Bucket Key to keep KMS costs down."
                            + " Existing objects keep their old key until rewritten (S3 Batch Operations copy).",
                    "aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration"
                            + " '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\","
                            + "\"KMSMasterKeyID\":\"KEY_ARN\"},\"BucketKeyEnabled\":true}]}'",
                    """
                    resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        apply_server_side_encryption_by_default {
                          sse_algorithm     = "aws:kms"
                          kms_master_key_id = aws_kms_key.bucket.arn
                        }
                        bucket_key_enabled = true
                      }
                    }
                    """),
            List.of("https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
                    "https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html",
                    "CIS AWS Foundations Benchmark v1.5.0 2.1.1 (encryption at rest; dropped from v3.0.0 once SSE-S3"
                            + " became the default)"),
            EnumSet.of(Fact.ENCRYPTION, Fact.ENCRYPTION_KEY));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Outcome evaluate(Resource resource, Assessment assessment) {
        var unknown = UnknownFacts.check(resource, Fact.ENCRYPTION);
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
        List<String> missing = UnknownFacts.lines(resource, Fact.ENCRYPTION_KEY);
        evidence.addAll(missing);
        if (Boolean.TRUE.equals(enc.encrypted())) {
            String permission = resource.whyUnknown(Fact.ENCRYPTION_KEY).map(Unknown::permission)
                    .orElse("kms:DescribeKey");
            return Outcome.unknown("encrypted with KMS key " + (enc.keyId() == null ? "(id not recorded)"
                    : enc.keyId()) + " whose manager could not be read (needs "
                    + (permission == null ? "kms:DescribeKey" : permission) + ")", evidence);
        }
        return Outcome.unknown("how the bucket is encrypted could not be decided"
                + (missing.isEmpty() ? "" : ": " + String.join("; ", missing)), evidence);
    }
}
