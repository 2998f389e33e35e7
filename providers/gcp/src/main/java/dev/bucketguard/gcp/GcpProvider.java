package dev.bucketguard.gcp;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.Storage;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.gcp.GcpFacts;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.provider.Workers;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads Cloud Storage buckets through google-cloud-storage over HTTP/JSON: every bucket of each project, and the
 * project's effective organisation policy for public access prevention.
 *
 * <p>Only the facts the scan asks of GCP ({@code facts.of("gcp")}) are read, with at most {@code concurrency}
 * buckets at once; the anonymous probe only with {@link GcpOptions#probeAnonymous()}. Every request goes through
 * one {@link GuardedTransport}, which refuses mutations before they are sent, and is counted
 * ({@link #apiAttempts()}). A bucket that cannot be read never stops the others; a project whose listing fails is a
 * scan error, not an empty project.
 */
public final class GcpProvider implements Provider {
    static final String ID = GcpCloud.ID;
    private static final String READ_ONLY_SCOPE = "https://www.googleapis.com/auth/cloud-platform.read-only";

    private final GcpOptions options;
    private final URI endpoint;
    private final Duration firstRetryDelay;
    private final CallCounter counter = new CallCounter();

    /**
     * @throws IllegalArgumentException when the endpoint (the option or {@code STORAGE_EMULATOR_HOST}) is not a
     *                                  usable URL
     */
    public GcpProvider(GcpOptions options) {
        this(options, System.getenv());
    }

    /**
     * With a given environment, for {@code STORAGE_EMULATOR_HOST}.
     *
     * @throws IllegalArgumentException when the endpoint (the option or {@code STORAGE_EMULATOR_HOST}) is not a
     *                                  usable URL
     */
    public GcpProvider(GcpOptions options, Map<String, String> env) {
        this(options, env, Duration.ofMillis(500));
    }

    /** For tests and emulators: a given environment and a short first retry delay. */
    GcpProvider(GcpOptions options, Map<String, String> env, Duration firstRetryDelay) {
        this.options = options;
        this.endpoint = Endpoint.resolve(options.endpoint(), env);
        this.firstRetryDelay = firstRetryDelay;
    }

    @Override
    public String id() {
        return ID;
    }

    /** HTTP attempts made so far per API method (retries counted), sorted by name. */
    public Map<String, Long> apiAttempts() {
        return counter.attempts();
    }

    /** The clients a scan uses, on a fresh guarded transport; for the read-only proof and benchmarks. */
    GcpClients clients() {
        return new GcpClients(new GuardedTransport(counter, options.concurrency()), endpoint, credentials(),
                firstRetryDelay);
    }

    private Credentials credentials() {
        if (endpoint != null) {
            return null;
        }
        try {
            GoogleCredentials c = GoogleCredentials.getApplicationDefault();
            return c.createScopedRequired() ? c.createScoped(List.of(READ_ONLY_SCOPE)) : c;
        } catch (IOException | RuntimeException e) {
            throw new ProviderException("no usable Google credentials: Application Default Credentials were not"
                    + " found (run 'gcloud auth application-default login', or set GOOGLE_APPLICATION_CREDENTIALS)",
                    false);
        }
    }

    private List<String> projects() {
        if (!options.projects().isEmpty()) {
            return options.projects();
        }
        String p = endpoint == null ? ServiceOptions.getDefaultProjectId() : null;
        if (p == null || p.isBlank()) {
            throw new ProviderException(endpoint == null
                    ? "no project: give --project ID (the Application Default Credentials name none)"
                    : "no project: give --project ID (an endpoint has no default project)", true);
        }
        return List.of(p);
    }

    @Override
    public Inventory collect(FactSelection selection, Progress progress) {
        Set<Fact> facts = selection.of(ID);
        List<String> projects = projects();
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        GcpClients clients = clients();
        try {
            for (String project : projects) {
                scanProject(new BucketReader.Project(project, clients, options.objectSample(),
                        options.probeAnonymous()), facts, progress, resources, errors);
            }
        } finally {
            clients.close();
        }
        resources.sort(Comparator.comparing(Resource::account).thenComparing(Resource::id));
        return new Inventory(resources, errors);
    }

    private void scanProject(BucketReader.Project project, Set<Fact> facts, Progress progress,
                             List<Resource> resources, List<ScanError> errors) {
        List<String> listed = new ArrayList<>();
        try {
            for (Bucket b : project.storage.list(Storage.BucketListOption.pageSize(1000),
                    Storage.BucketListOption.fields(Storage.BucketField.NAME)).iterateAll()) {
                listed.add(b.getName());
            }
        } catch (RuntimeException e) {
            boolean denied = ErrorCodes.denied(e);
            errors.add(new ScanError(ID, ID + ":" + project.id, denied ? ScanError.Kind.ACCESS_DENIED
                    : ScanError.Kind.SERVICE, "could not list the buckets of project " + project.id
                    + ": buckets.list failed with " + ErrorCodes.of(e) + (denied ? " (needs storage.buckets.list)"
                    : "")));
            return;
        }
        List<String> names = new ArrayList<>(new TreeSet<>(listed));
        if (!names.isEmpty()) {
            project.readShared(facts);
        }
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, names.size() / 20);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(),
                Math.max(1, names.size())), r -> {
                    Thread t = new Thread(r, "bucketguard-gcp");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Resource>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> {
                    try {
                        return new BucketReader(project, facts, name).read();
                    } finally {
                        int n = done.incrementAndGet();
                        if (n % step == 0 || n == names.size()) {
                            progress.report("scanned " + n + "/" + names.size() + " buckets of project "
                                    + project.id);
                        }
                    }
                }));
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                try {
                    resources.add(Workers.result(futures.get(i)));
                } catch (ExecutionException e) {
                    resources.add(unreadable(project.id, name, facts, e.getCause()));
                    errors.add(new ScanError(ID, ID + ":" + project.id + ":" + name, ScanError.Kind.INTERNAL,
                            "could not read bucket " + name + ": " + ErrorCodes.of(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProviderException("interrupted while scanning project " + project.id, false, e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A bucket whose reading failed as a whole: every requested fact is unknown, none is assumed. */
    private static Resource unreadable(String project, String bucket, Set<Fact> facts, Throwable cause) {
        Resource.Builder b = Resource.builder(ID, project, bucket).kind(GcpCloud.BUCKET);
        for (Fact f : facts) {
            b.unknown(f, "buckets.get", "storage.buckets.get", ErrorCodes.of(cause));
        }
        return b.build();
    }
}
