package dev.bucketguard.rules.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketguard.cloud.aws.AwsCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CIS references the AWS rules carry, mapped from the compliance files, read as they did before the move. */
class AwsComplianceTest {
    private static final AwsCloud AWS = new AwsCloud();

    @Test
    void complianceReferencesReadAsBefore() {
        assertEquals(List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.4"), references("aws.s3.public-policy"));
        assertEquals(List.of("CIS AWS Foundations Benchmark v3.0.0 2.1.2"), references("aws.s3.mfa-delete"));
        assertEquals(List.of("CIS AWS Foundations Benchmark v1.5.0 2.1.1 (encryption at rest; dropped from v3.0.0"
                + " once SSE-S3 became the default)"), references("aws.s3.encryption-customer-key"));
        assertEquals(List.of(), references("aws.s3.cross-account-access"));
    }

    private static List<String> references(String ruleId) {
        List<String> out = new ArrayList<>();
        AWS.compliance().forEach(c -> out.addAll(c.referencesFor(ruleId)));
        return out;
    }
}
