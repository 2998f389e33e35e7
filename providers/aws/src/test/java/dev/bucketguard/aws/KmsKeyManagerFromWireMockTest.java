package dev.bucketguard.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.aws.WireMockAws.bucketGet;
import static dev.bucketguard.aws.WireMockAws.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.model.EncryptionState;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** KMS DescribeKey's KeyManager (JSON) decides who holds the key of an SSE-KMS bucket. */
class KmsKeyManagerFromWireMockTest {
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static Resource scanWith(ResponseDefinitionBuilder describeKey) {
        try (WireMockAws aws = new WireMockAws("b")) {
            aws.server.stubFor(bucketGet("b", "encryption").willReturn(xml(200, """
                    <ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>
                      <SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>%s</KMSMasterKeyID>
                    </ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>
                    </ServerSideEncryptionConfiguration>""".formatted(KEY))));
            aws.server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
                    .willReturn(describeKey));
            return aws.scan(aws.provider(), Set.of(S3Facts.ENCRYPTION, S3Facts.ENCRYPTION_KEY)).resources().get(0);
        }
    }

    private static ResponseDefinitionBuilder keyManager(String manager) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                {"KeyMetadata":{"AWSAccountId":"111122223333","KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab",
                 "Arn":"%s","Enabled":true,"KeyManager":"%s","KeyState":"Enabled",
                 "KeyUsage":"ENCRYPT_DECRYPT","Origin":"AWS_KMS"}}""".formatted(KEY, manager));
    }

    @Test
    void customerManagedKey() {
        Resource r = scanWith(keyManager("CUSTOMER"));
        assertEquals(EncryptionState.CUSTOMER_MANAGED, r.encryption().state());
        assertEquals(KEY, r.encryption().keyId());
        assertTrue(r.knows(S3Facts.ENCRYPTION_KEY));
    }

    @Test
    void awsManagedKeyGivenByArn() {
        Resource r = scanWith(keyManager("AWS"));
        assertEquals(EncryptionState.PROVIDER_MANAGED, r.encryption().state());
        assertTrue(r.knows(S3Facts.ENCRYPTION_KEY));
    }

    @Test
    void deniedDescribeKeyIsEncryptedWithUnknownKey() {
        Resource r = scanWith(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}"));
        assertEquals(EncryptionState.UNKNOWN, r.encryption().state());
        assertEquals(Boolean.TRUE, r.encryption().encrypted());
        assertTrue(r.knows(S3Facts.ENCRYPTION));
        assertEquals(new Unknown(S3Facts.ENCRYPTION_KEY, "DescribeKey", "kms:DescribeKey", "AccessDeniedException"),
                r.whyUnknown(S3Facts.ENCRYPTION_KEY).orElseThrow());
    }
}
