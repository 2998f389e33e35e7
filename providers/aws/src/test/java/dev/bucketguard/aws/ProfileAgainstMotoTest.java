package dev.bucketguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code --profile}: credentials and region from a profile in temporary AWS config and credentials files (named
 * through the SDK's {@code aws.configFile} / {@code aws.sharedCredentialsFile}), the scan pointed at moto.
 */
@ExtendWith(MotoServer.class)
class ProfileAgainstMotoTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        MotoServer.reset();
        try (S3Client s3 = MotoFixture.s3()) {
            s3.createBucket(r -> r.bucket("profile-bucket"));
        }
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [profile moto-audit]
                region = eu-west-1

                [profile sso-audit]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = Audit
                region = us-east-1

                [sso-session corp]
                sso_start_url = https://example.awsapps.com/start
                sso_region = us-east-1
                """);
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, """
                [moto-audit]
                aws_access_key_id = AKIAPROFILEAUDIT0001
                aws_secret_access_key = profile-secret

                [default]
                aws_access_key_id = AKIADEFAULTPROFILE01
                aws_secret_access_key = default-secret
                """);
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private static AwsProvider provider(String profile) {
        return provider(profile, MotoFixture.endpoint());
    }

    private static AwsProvider provider(String profile, java.net.URI endpoint) {
        return new AwsProvider(new AwsOptions(profile, null, List.of(), endpoint, 0, 4));
    }

    @Test
    void aProfileGivesTheCredentialsAndTheRegion() throws Exception {
        try (FaultProxy proxy = new FaultProxy(MotoFixture.endpoint())) {
            AwsProvider p = provider("moto-audit", proxy.endpoint());
            assertEquals("eu-west-1", p.globalRegion(), "the profile's region, not the default us-east-1");
            Inventory inv = MotoFixture.scan(p, MotoFixture.S3_FACTS);
            assertEquals(List.of(), inv.errors());
            assertEquals(MotoFixture.ACCOUNT, MotoFixture.bucket(inv, "profile-bucket").account());
            // Every request, STS and S3 alike, is signed with the profile's key: not the default profile's, not the
            // environment's.
            assertFalse(proxy.seen().isEmpty());
            assertEquals(java.util.Set.of("AKIAPROFILEAUDIT0001"), proxy.seen().stream()
                    .map(FaultProxy.Seen::keyId).collect(java.util.stream.Collectors.toSet()), proxy.seen().toString());
            assertTrue(proxy.seen().stream().anyMatch(s -> s.pathAndQuery().startsWith("/profile-bucket")));
        }
    }

    @Test
    void aProfileThatDoesNotExistIsAUsageError() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> MotoFixture.scan(provider("no-such-profile"), MotoFixture.S3_FACTS));
        assertTrue(e.inputError(), "exit 2: the user must supply credentials");
        assertTrue(e.getMessage().startsWith("no usable AWS credentials"), e.getMessage());
    }

    @Test
    void anSsoProfileIsReadBySsoNotRefusedForAMissingModule() {
        // Without `aws sso login` there is no cached token: the SDK must get as far as looking for it, which it does
        // only with the sso and ssooidc modules on the class path.
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ProfileCredentialsProvider.builder().profileName("sso-audit").build().resolveCredentials());
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" | ");
        }
        assertFalse(chain.toString().toLowerCase(java.util.Locale.ROOT).contains("class path"), chain.toString());
        assertFalse(chain.toString().toLowerCase(java.util.Locale.ROOT).contains("classpath"), chain.toString());
        ProviderException scan = assertThrows(ProviderException.class,
                () -> MotoFixture.scan(provider("sso-audit"), MotoFixture.S3_FACTS));
        assertTrue(scan.inputError() && scan.getMessage().startsWith("no usable AWS credentials"), scan.getMessage());
    }
}
