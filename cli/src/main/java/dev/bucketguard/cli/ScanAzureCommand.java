package dev.bucketguard.cli;

import dev.bucketguard.azure.AzureOptions;
import dev.bucketguard.azure.AzureProvider;
import dev.bucketguard.provider.Loopback;
import dev.bucketguard.provider.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bucketguard scan azure}: scans every storage account of the subscriptions the credential sees, read-only. */
@Command(name = "azure",
        description = {"Scans every Azure storage account of the subscriptions the credential can see (or of each"
                + " --subscription), read-only, through Azure Resource Manager and each account's blob service.",
            "Credentials come from DefaultAzureCredential (environment, workload or managed identity, Azure CLI,"
                    + " ...). With --connection-string (or AZURE_STORAGE_CONNECTION_STRING) only that account's"
                    + " data plane is read."})
final class ScanAzureCommand extends ProviderScanCommand {
    static final String CONNECTION_STRING_ENV = "AZURE_STORAGE_CONNECTION_STRING";

    @Option(names = "--subscription", paramLabel = "ID",
            description = "A subscription to scan; repeat for several. Default: every subscription the credential"
                    + " can see.")
    List<String> subscriptions = new ArrayList<>();

    @Option(names = "--connection-string", paramLabel = "STRING",
            description = "Read one account's data plane only (container levels, stored access policies, service"
                    + " properties); account-level settings are then UNKNOWN. Default: " + CONNECTION_STRING_ENV
                    + " when set and no other source is given. Never printed.")
    String connectionString;

    @Option(names = "--arm-endpoint", paramLabel = "URL", converter = Converters.HttpUrl.class,
            description = "A management endpoint override (a stub or emulator). On a loopback http:// URL no token"
                    + " is requested and no Authorization header is sent; any other http:// URL is refused.")
    URI armEndpoint;

    @Option(names = "--probe-anonymous",
            description = "Also send one unauthenticated request to each container the configuration calls"
                    + " anonymous (a list at Container level, a HEAD of one blob at Blob level; never a blob's"
                    + " body), and record the answer as evidence.")
    boolean probeAnonymous;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16", converter = Converters.Positive.class,
            description = "How many storage accounts to read at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Mixin
    AzureTrustOptions trust;

    ScanAzureCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Set<String> trustedOwners() {
        return trust.owners();
    }

    @Override
    protected Provider provider() {
        if (armEndpoint != null && "http".equals(armEndpoint.getScheme()) && !Loopback.uri(armEndpoint)) {
            throw usageError("--arm-endpoint: " + armEndpoint + " is plain http:// but not on the loopback"
                    + " interface (127.0.0.1, localhost, [::1]); use https://");
        }
        String cs = connectionString;
        if (cs == null && subscriptions.isEmpty() && armEndpoint == null) {
            String fromEnv = environment.env().get(CONNECTION_STRING_ENV);
            cs = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
        }
        if (cs != null && (!subscriptions.isEmpty() || armEndpoint != null)) {
            throw usageError("--connection-string reads one account's data plane and cannot be combined with"
                    + " --subscription or --arm-endpoint");
        }
        if (cs != null && cs.isBlank()) {
            throw usageError("--connection-string: empty");
        }
        return new AzureProvider(new AzureOptions(subscriptions, cs, armEndpoint, probeAnonymous, concurrency));
    }


    @Override
    protected String defaultSarifLocation() {
        return "azure";
    }
}
