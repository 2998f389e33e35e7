package dev.bucketguard.cloud.azure;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.ExposureTag;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Compliance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Azure Blob Storage, contributed to the engine through the {@link Cloud} SPI. */
public final class AzureCloud implements Cloud {
    public static final String ID = "azure";
    /** A storage account with its containers. */
    public static final ResourceKind STORAGE_ACCOUNT = ResourceKind.of("STORAGE_ACCOUNT");
    /** The subscription's Entra ID tenant. */
    public static final String TENANT = "tenant";
    /** Shared keys are allowed and no SAS expiry policy blocks: bearer links of any lifetime may exist. */
    public static final ExposureTag SAS_UNBOUNDED = new ExposureTag("SAS_UNBOUNDED");
    /** An unauthenticated request to a container was served: anonymous access proven, not only configured. */
    public static final ExposureTag PROVEN_ANONYMOUS = new ExposureTag("PROVEN_ANONYMOUS");
    /** Stored access policies exist: service SAS tokens may be bound to them. */
    public static final ExposureTag STORED_POLICIES = new ExposureTag("STORED_POLICIES");

    private static final Map<Fact, Function<StorageAccount, Object>> VALUES = Map.of(
            AzureFacts.ACCOUNT_SETTINGS, StorageAccount::settings,
            AzureFacts.NETWORK_RULES, StorageAccount::network,
            AzureFacts.WEBSITE, StorageAccount::website,
            AzureFacts.LOGGING, StorageAccount::logging,
            AzureFacts.SOFT_DELETE, StorageAccount::softDelete);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Azure";
    }

    @Override
    public Set<ResourceKind> kinds() {
        return Set.of(STORAGE_ACCOUNT);
    }

    @Override
    public Set<Fact> facts() {
        return AzureFacts.ALL;
    }

    @Override
    public Set<Fact> verdictFacts() {
        return AzureFacts.VERDICT;
    }

    @Override
    public Set<Channel> channels() {
        return AzureChannels.ALL;
    }

    @Override
    public Set<String> parentKinds() {
        return Set.of(TENANT);
    }

    @Override
    public Class<? extends Details> detailsType() {
        return StorageAccount.class;
    }

    @Override
    public Verdict verdict(Resource resource, TrustZone trust) {
        return new AzureExposure(resource, trust).verdict();
    }

    @Override
    public ReadAudit readAudit(Resource resource, AuditContext context) {
        return new AzureReadAudit(resource, context).answer();
    }

    @Override
    public List<String> problems(Resource resource) {
        List<String> out = new ArrayList<>();
        StorageAccount a = StorageAccount.of(resource);
        VALUES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (resource.knows(e.getKey()) && e.getValue().apply(a) == null) {
                out.add("fact " + e.getKey() + " is collected and known, but its value is missing");
            }
        });
        return out;
    }

    @Override
    public List<Compliance> compliance() {
        return List.of(Compliance.load(AzureCloud.class, "compliance/cis-azure-foundations-3.0.0.yaml"));
    }
}
