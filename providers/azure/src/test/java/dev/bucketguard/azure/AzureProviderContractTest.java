package dev.bucketguard.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bucketguard.azure.ArmStub.accountId;
import static dev.bucketguard.azure.ArmStub.armError;
import static dev.bucketguard.azure.ArmStub.ok;

import com.azure.resourcemanager.storage.fluent.models.BlobContainerInner;
import com.azure.resourcemanager.storage.models.StorageAccountRegenerateKeyParameters;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.testkit.ProviderContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;

/**
 * The provider contract against ARM's JSON from WireMock: every read refused, one account whose answers are broken,
 * and the read-only guard on the scanner's own ARM and data-plane pipelines (listKeys, regenerateKey and the rest
 * refused with zero requests at the server).
 */
class AzureProviderContractTest extends ProviderContract {
    private static final String SUB = ArmFromWireMockTest.SUB_A;
    private static final String TENANT = ArmFromWireMockTest.TENANT_A;
    private final ArmStub arm = new ArmStub();

    @AfterEach
    void stop() {
        arm.close();
    }

    @Override
    protected Cloud cloud() {
        return new AzureCloud();
    }

    @Override
    protected Set<Fact> factsToAskFor() {
        // Probes are a flag of the scan, not a fact a rule asks for.
        Set<Fact> all = new TreeSet<>(AzureFacts.ALL);
        all.remove(AzureFacts.ANONYMOUS_PROBE);
        return all;
    }

    @Override
    protected World everyFactDenied() {
        arm.subscriptions(Map.of(SUB, TENANT));
        // The listing names the accounts; every read of their properties, containers and policies is refused.
        arm.server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage/storageAccounts"))
                .willReturn(ok(Map.of("value", List.of(ArmStub.bareAccount(SUB, "applicants"),
                        ArmStub.bareAccount(SUB, "statements"))))));
        for (String name : List.of("applicants", "statements")) {
            arm.server.stubFor(get(urlPathEqualTo(accountId(SUB, name))).willReturn(armError(403,
                    "AuthorizationFailed")));
            arm.server.stubFor(arm.containersPath(SUB, name).willReturn(armError(403, "AuthorizationFailed")));
            arm.server.stubFor(get(urlPathEqualTo(accountId(SUB, name) + "/objectReplicationPolicies"))
                    .willReturn(armError(403, "AuthorizationFailed")));
            arm.server.stubFor(arm.diagnosticSettingsPath(SUB, name).willReturn(armError(403,
                    "AuthorizationFailed")));
        }
        return World.of(arm.provider(List.of(), false), "applicants", "statements");
    }

    @Override
    protected World oneBrokenResource() {
        arm.subscriptions(Map.of(SUB, TENANT));
        arm.accounts(SUB, List.of(arm.account(SUB, "alpha", Map.of()), arm.account(SUB, "broken", Map.of()),
                arm.account(SUB, "gamma", Map.of())));
        arm.server.stubFor(arm.containersPath(SUB, "broken").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"value\": [ {\"name\": ")));
        return World.withBroken(arm.provider(List.of(), false), "broken", "alpha", "broken", "gamma");
    }

    @Override
    protected ReadOnlyProbe readOnlyProbe() {
        arm.subscriptions(Map.of(SUB, TENANT));
        arm.accounts(SUB, List.of(arm.account(SUB, "applicants", Map.of())));
        AzureProvider provider = arm.provider(List.of(), false);
        var storage = provider.storage(provider.armPipeline(), SUB, TENANT);
        var blob = new BlobServiceClientBuilder().endpoint(arm.endpoint() + "/applicants")
                .pipeline(provider.dataPipeline()).buildClient();
        return new ReadOnlyProbe(Map.of(
                "StorageAccounts.listKeys", () -> storage.getStorageAccounts().listKeys(ArmStub.RG, "applicants"),
                "StorageAccounts.regenerateKey", () -> storage.getStorageAccounts().regenerateKey(ArmStub.RG,
                        "applicants", new StorageAccountRegenerateKeyParameters().withKeyName("key1")),
                "StorageAccounts.delete", () -> storage.getStorageAccounts().delete(ArmStub.RG, "applicants"),
                "BlobContainers.create", () -> storage.getBlobContainers().create(ArmStub.RG, "applicants",
                        "leak", new BlobContainerInner()),
                "data plane: Create Container", () -> blob.createBlobContainer("leak"),
                "data plane: Set Container ACL", () -> blob.getBlobContainerClient("docs").setAccessPolicy(
                        com.azure.storage.blob.models.PublicAccessType.CONTAINER, null),
                "data plane: Delete Container", () -> blob.deleteBlobContainer("docs"),
                "ManagementPolicies.createOrUpdate", () -> storage.getManagementPolicies().createOrUpdate(ArmStub.RG,
                        "applicants", com.azure.resourcemanager.storage.models.ManagementPolicyName.DEFAULT,
                        new com.azure.resourcemanager.storage.fluent.models.ManagementPolicyInner()),
                "DiagnosticSettings.createOrUpdate", () -> provider.armPipeline().sendSync(
                        new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.PUT, arm.endpoint()
                                + accountId(SUB, "applicants") + "/blobServices/default/providers/"
                                + "Microsoft.Insights/diagnosticSettings/off?api-version=2021-05-01-preview"),
                        com.azure.core.util.Context.NONE)),
                ReadOnlyGuard.MutationRefused.class,
                () -> storage.getStorageAccounts().list().forEach(a -> { }),
                () -> arm.requests().size());
    }
}
