package dev.bucketguard.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.AzureSasCredentialPolicy;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.CredentialUnavailableException;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscription;
import com.azure.resourcemanager.storage.StorageManager;
import com.azure.resourcemanager.storage.fluent.StorageManagementClient;
import com.azure.resourcemanager.storage.fluent.models.StorageAccountInner;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.StorageSharedKeyCredentialPolicy;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.azure.AzureFacts;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.provider.Workers;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads Azure storage accounts: through ARM (azure-resourcemanager-storage) every account of the subscriptions the
 * credential can see, or of the ones named, and each account's blob service through azure-storage-blob; or, with a
 * connection string, the data plane of that one account.
 *
 * <p>Only the facts the scan asks of Azure ({@code facts.of("azure")}) are read, at most {@code concurrency} accounts
 * at once. Every pipeline starts with the {@link ReadOnlyGuard} and is counted ({@link #apiCalls()}). No account key
 * is ever listed. An account that cannot be read never stops the others; a subscription whose accounts cannot be
 * listed is a scan error, never an empty result.
 */
public final class AzureProvider implements Provider {
    static final String ID = AzureCloud.ID;
    /** The owner recorded for an account read through a connection string, which names no subscription. */
    public static final String CONNECTION_STRING_SUBSCRIPTION = "connection-string";
    static final String ARM_SCOPE = "https://management.azure.com/.default";
    static final String STORAGE_SCOPE = "https://storage.azure.com/.default";

    private final AzureOptions options;
    private final TokenCredential credential;
    private final Pipelines pipelines;

    public AzureProvider(AzureOptions options) {
        this(options, null);
    }

    /** With a given credential instead of DefaultAzureCredential (tests, embedding tools). */
    public AzureProvider(AzureOptions options, TokenCredential credential) {
        this.options = options;
        this.credential = credential;
        this.pipelines = new Pipelines(options.concurrency());
    }

    @Override
    public String id() {
        return ID;
    }

    /** Requests made so far per operation (retries not counted), sorted by name. */
    public Map<String, Long> apiCalls() {
        return pipelines.calls.counts();
    }

    /** HTTP attempts made so far per operation (retries counted), sorted by name. */
    public Map<String, Long> apiAttempts() {
        return pipelines.attempts.counts();
    }

    /** True when ARM is a loopback stub: no token is requested and no Authorization header is sent. */
    boolean stub() {
        return Endpoints.loopbackHttp(options.armEndpoint());
    }

    private TokenCredential credential() {
        return credential != null ? credential : new DefaultAzureCredentialBuilder().build();
    }

    /** The management pipeline every ARM client of this provider uses. */
    HttpPipeline armPipeline() {
        return pipelines.build(stub() ? null : new BearerTokenAuthenticationPolicy(credential(), ARM_SCOPE));
    }

    /** The data-plane pipeline every blob client of an ARM scan uses. */
    HttpPipeline dataPipeline() {
        return pipelines.build(stub() ? new NoCredential() : new BearerTokenAuthenticationPolicy(credential(),
                STORAGE_SCOPE));
    }

    AzureEnvironment environment() {
        if (options.armEndpoint() == null) {
            return AzureEnvironment.AZURE;
        }
        String url = options.armEndpoint().toString().replaceAll("/+$", "") + "/";
        Map<String, String> e = new LinkedHashMap<>();
        e.put("resourceManagerEndpointUrl", url);
        e.put("managementEndpointUrl", url);
        e.put("activeDirectoryEndpointUrl", url);
        e.put("microsoftGraphResourceId", url);
        return new AzureEnvironment(e);
    }

    /** The storage management client of one subscription, on the guarded pipeline. */
    StorageManagementClient storage(HttpPipeline pipeline, String subscription, String tenant) {
        return StorageManager.authenticate(pipeline, new AzureProfile(tenant, subscription, environment()))
                .serviceClient();
    }

    @Override
    public Inventory collect(FactSelection selection, Progress progress) {
        Set<Fact> facts = new TreeSet<>(selection.of(ID));
        facts.remove(AzureFacts.ANONYMOUS_PROBE);
        if (options.connectionString() != null) {
            return connectionString(facts);
        }
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        HttpPipeline arm = armPipeline();
        HttpPipeline data = dataPipeline();
        HttpPipeline anonymous = pipelines.build(null);
        Diagnostics diagnostics = new Diagnostics(arm, environment().getResourceManagerEndpoint());
        Map<String, String> tenants;
        try {
            tenants = subscriptions(arm, errors);
        } catch (Stop e) {
            return new Inventory(List.of(), errors);
        }
        for (String subscription : tenants.keySet()) {
            scanSubscription(arm, data, anonymous, diagnostics, subscription, tenants, facts, progress, resources,
                    errors);
        }
        resources.sort(Comparator.comparing(Resource::account).thenComparing(Resource::id));
        return new Inventory(resources, errors);
    }

    /** Subscription id (lower case) to tenant id (null when unknown), in scan order. */
    private Map<String, String> subscriptions(HttpPipeline arm, List<ScanError> errors) {
        Map<String, String> out = new TreeMap<>();
        ResourceManager.Authenticated rm = ResourceManager.authenticate(arm, new AzureProfile(null, null,
                environment()));
        if (options.subscriptions().isEmpty()) {
            try {
                for (Subscription s : rm.subscriptions().list()) {
                    out.put(s.subscriptionId().toLowerCase(Locale.ROOT), s.innerModel().tenantId());
                }
            } catch (RuntimeException e) {
                throw failure("Subscriptions.list", "Microsoft.Resources/subscriptions/read", e, errors);
            }
            if (out.isEmpty() && errors.isEmpty()) {
                errors.add(new ScanError(ID, ID + ":subscriptions", ScanError.Kind.ACCESS_DENIED,
                        "the credential sees no subscription: nothing to scan (needs a role assignment such as"
                                + " Reader on a subscription)"));
            }
            return out;
        }
        for (String id : options.subscriptions()) {
            String key = id.toLowerCase(Locale.ROOT);
            try {
                out.put(key, rm.subscriptions().getById(id).innerModel().tenantId());
            } catch (RuntimeException e) {
                if (authentication(e)) {
                    throw failure("Subscriptions.get", "Microsoft.Resources/subscriptions/read", e, errors);
                }
                // The subscription's own tenant stays unknown: grants to it are then judged as outside.
                out.put(key, null);
            }
        }
        return out;
    }

    private static boolean authentication(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ClientAuthenticationException || c instanceof CredentialUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure before any account could be listed: no credential is a ProviderException (the scan cannot start); a
     * refused or failed listing is recorded as a scan error and the scan goes on with nothing.
     */
    private RuntimeException failure(String call, String permission, RuntimeException e, List<ScanError> errors) {
        if (authentication(e)) {
            return new ProviderException("no usable Azure credential: " + ErrorCodes.of(e) + " (sign in with 'az"
                    + " login', set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, or use a managed identity)",
                    false, null);
        }
        String network = ErrorCodes.network(e);
        if (network != null) {
            return new ProviderException("Azure Resource Manager could not be reached: " + network
                    + " (check --arm-endpoint and the network)", false, null);
        }
        boolean denied = ErrorCodes.denied(e);
        errors.add(new ScanError(ID, ID + ":subscriptions", denied ? ScanError.Kind.ACCESS_DENIED
                : ScanError.Kind.SERVICE, "could not list the subscriptions: " + call + " failed with "
                + ErrorCodes.of(e) + (denied ? " (needs " + permission + ")" : "")));
        return new Stop();
    }

    /** Ends the subscription listing after its failure was recorded. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private void scanSubscription(HttpPipeline arm, HttpPipeline data, HttpPipeline anonymous,
                                  Diagnostics diagnostics, String subscription,
                                  Map<String, String> tenants, Set<Fact> facts, Progress progress,
                                  List<Resource> resources, List<ScanError> errors) {
        StorageManagementClient client = storage(arm, subscription, tenants.get(subscription));
        List<StorageAccountInner> accounts = new ArrayList<>();
        try {
            client.getStorageAccounts().list().forEach(accounts::add);
        } catch (RuntimeException e) {
            if (authentication(e)) {
                throw new ProviderException("no usable Azure credential: " + ErrorCodes.of(e), false, null);
            }
            boolean denied = ErrorCodes.denied(e);
            errors.add(new ScanError(ID, ID + ":" + subscription, denied ? ScanError.Kind.ACCESS_DENIED
                    : ScanError.Kind.SERVICE, "could not list the storage accounts of subscription " + subscription
                    + ": StorageAccounts.list failed with " + ErrorCodes.of(e)
                    + (denied ? " (needs " + AccountReader.ACCOUNT_READ + ")" : "")));
            return;
        }
        accounts.sort(Comparator.comparing(StorageAccountInner::name));
        AccountReader.Arm source = new AccountReader.Arm(client, subscription, tenants,
                blob -> dataPlane(blob, data, anonymous), diagnostics);
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, accounts.size() / 20);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(),
                Math.max(1, accounts.size())), r -> {
                    Thread t = new Thread(r, "bucketguard-azure");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Resource>> futures = new ArrayList<>();
            for (StorageAccountInner a : accounts) {
                futures.add(pool.submit(() -> {
                    try {
                        return AccountReader.readArm(source, a, facts, options.probeAnonymous());
                    } finally {
                        int n = done.incrementAndGet();
                        if (n % step == 0 || n == accounts.size()) {
                            progress.report("scanned " + n + "/" + accounts.size() + " storage accounts of"
                                    + " subscription " + subscription);
                        }
                    }
                }));
            }
            for (int i = 0; i < accounts.size(); i++) {
                String name = accounts.get(i).name();
                try {
                    resources.add(Workers.result(futures.get(i)));
                } catch (ExecutionException e) {
                    resources.add(AccountReader.unreadable(subscription, tenants.get(subscription), name, facts,
                            ErrorCodes.of(e.getCause())));
                    errors.add(new ScanError(ID, ID + ":" + subscription + ":" + name, ScanError.Kind.INTERNAL,
                            "could not read storage account " + name + ": " + ErrorCodes.of(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProviderException("interrupted while scanning subscription " + subscription, false, e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The data plane at an ARM-given blob endpoint, or why it is not called. */
    private Object dataPlane(String blob, HttpPipeline data, HttpPipeline anonymous) {
        URI uri;
        try {
            uri = URI.create(blob);
        } catch (IllegalArgumentException e) {
            return "ARM gave a blob endpoint that is not a URL";
        }
        if (stub() && !Endpoints.loopbackHttp(uri)) {
            return "not called: with a loopback --arm-endpoint only loopback http:// data-plane endpoints are called";
        }
        if (!stub() && !"https".equals(uri.getScheme())) {
            return "not called: the blob endpoint is not https://";
        }
        return new DataPlane(uri, data, anonymous);
    }

    // ---------------------------------------------------------------- connection string

    private Inventory connectionString(Set<Fact> facts) {
        ConnectionString cs;
        try {
            cs = ConnectionString.parse(options.connectionString());
        } catch (IllegalArgumentException e) {
            throw new ProviderException("--connection-string: " + e.getMessage(), true, null);
        }
        HttpPipeline pipeline = pipelines.build(cs.accountKey() != null
                ? new StorageSharedKeyCredentialPolicy(new StorageSharedKeyCredential(cs.accountName(),
                cs.accountKey()))
                : new AzureSasCredentialPolicy(new com.azure.core.credential.AzureSasCredential(cs.sas())));
        DataPlane data = new DataPlane(cs.blobEndpoint(), pipeline, pipelines.build(null));
        Resource r = AccountReader.readConnectionString(cs.accountName(), data, facts, options.probeAnonymous());
        List<ScanError> errors = new ArrayList<>();
        if (facts.contains(AzureFacts.CONTAINER_ACCESS) && !r.knows(AzureFacts.CONTAINER_ACCESS)
                && r.whyUnknown(AzureFacts.CONTAINER_ACCESS).map(u -> u.error().startsWith("I/O")
                || u.error().startsWith("connection")).orElse(false)) {
            throw new ProviderException("the blob endpoint of the connection string could not be reached: "
                    + r.whyUnknown(AzureFacts.CONTAINER_ACCESS).orElseThrow().error(), false, null);
        }
        return new Inventory(List.of(r), errors);
    }
}
