package dev.bucketguard.aws;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.provider.Workers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Reads S3 buckets through aws-sdk-java-v2: every bucket of the caller's account, of each role's account, or of every
 * account of the organisation ({@link OrganizationScan}), several accounts at once.
 *
 * <p>Only the facts the scan asks of AWS ({@code facts.of("aws")}) are read. Every request of the scan, whatever its
 * account, shares one bound on the requests in flight that follows the cloud ({@link AdaptiveConcurrency}, at most
 * {@code concurrency}), and throttling is retried on a shared budget ({@link ThrottlingRetry}). Every client is
 * read-only ({@link ReadOnlyGuard}) and counted ({@link #apiCalls()}). A bucket or an account that cannot be read
 * never stops the others.
 */
public final class AwsProvider implements Provider {
    static final String ID = AwsCloud.ID;
    static final String DEFAULT_REGION = "us-east-1";

    private final AwsOptions options;
    private final AwsCredentialsProvider baseCredentials;
    private final Endpoints endpoints;
    /** How many accounts are read at once; their requests share the one concurrency bound. */
    static final int ACCOUNTS_AT_ONCE = 8;

    private final CallCounter counter = new CallCounter();
    private final URI organizationsEndpoint;
    private boolean adaptive = true;
    /** How hard throttling is retried; tests that exhaust the retries shorten it. */
    ThrottlingRetry.Settings throttling = ThrottlingRetry.Settings.DEFAULT;
    /** ListBuckets' MaxBuckets: the buckets per page. */
    int bucketPage = 1000;
    private volatile AdaptiveConcurrency lastConcurrency;
    private TrustZone trust = TrustZone.OWNER_ONLY;

    public AwsProvider(AwsOptions options) {
        this(options, null, System.getenv());
    }

    /** For tests and emulators: fixed credentials instead of the default chain, and a given environment. */
    AwsProvider(AwsOptions options, AwsCredentialsProvider credentials, Map<String, String> env) {
        this.options = options;
        this.baseCredentials = credentials;
        this.endpoints = Endpoints.resolve(options.endpoint(), env);
        this.organizationsEndpoint = Endpoints.of(options.endpoint(), env, "ORGANIZATIONS");
    }

    @Override
    public String id() {
        return ID;
    }

    /** API calls made so far per operation (retries not counted), sorted by name. */
    public Map<String, Long> apiCalls() {
        return counter.calls();
    }

    /** HTTP attempts made so far per operation (retries counted), sorted by name. */
    public Map<String, Long> apiAttempts() {
        return counter.attempts();
    }

    String globalRegion() {
        if (options.region() != null && !options.region().isBlank()) {
            return options.region();
        }
        try {
            var chain = options.profile() == null ? new DefaultAwsRegionProviderChain()
                    : DefaultAwsRegionProviderChain.builder()
                    .profileName(options.profile()).build();
            return chain.getRegion().id();
        } catch (SdkClientException e) {
            return DEFAULT_REGION;
        }
    }

    SdkHttpClient httpClient() {
        return Apache5HttpClient.builder()
                .maxConnections(Math.max(50, options.concurrency() * 2))
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    private AwsCredentialsProvider baseCredentials() {
        if (baseCredentials != null) {
            return baseCredentials;
        }
        return options.profile() == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(options.profile());
    }

    /**
     * For benchmarks: false keeps the requests in flight at {@code concurrency} instead of following the cloud (the
     * behaviour before {@link AdaptiveConcurrency}).
     */
    public AwsProvider adaptive(boolean adaptive) {
        this.adaptive = adaptive;
        return this;
    }

    /**
     * The scan's zone of trust ({@code --trusted-accounts}, {@code --trusted-org}, {@code --trusted-networks}). The
     * anonymous probe asks the verdict the report will give: a grant to a trusted account that is undecided makes a
     * bucket UNKNOWN only outside this zone, and a bucket the report calls PRIVATE is never probed.
     */
    public AwsProvider trust(TrustZone trust) {
        this.trust = trust == null ? TrustZone.OWNER_ONLY : trust;
        return this;
    }

    /** The lowest and last limit of requests in flight of the last scan (for benchmarks and tests). */
    int[] concurrencyLimits() {
        AdaptiveConcurrency c = lastConcurrency;
        return c == null ? new int[0] : new int[] {c.lowest(), c.limit()};
    }

    /** One account to scan, with the clients that carry its credentials. */
    private record Target(String scope, AwsClients clients, String organization) {
    }

    /** What one account gave. */
    private record AccountResult(List<Resource> resources, List<ScanError> errors) {
    }

    @Override
    public Inventory collect(FactSelection selection, Progress progress) {
        Set<Fact> facts = selection.of(ID);
        String region = globalRegion();
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        AdaptiveConcurrency concurrency = adaptive ? AdaptiveConcurrency.upTo(options.concurrency())
                : AdaptiveConcurrency.fixed(options.concurrency());
        ThrottlingRetry retry = new ThrottlingRetry(progress::notice, throttling)
                .onThrottlingInBody(concurrency::throttledAfterTheFact);
        lastConcurrency = concurrency;
        // Credential providers and clients built here refresh in the background and must be closed.
        List<AutoCloseable> owned = new ArrayList<>();
        ExecutorService bucketPool = Executors.newFixedThreadPool(options.concurrency(), daemonThreads("bucket"));
        ExecutorService accountPool = null;
        try (SdkHttpClient http = new AdaptiveHttpClient(httpClient(), concurrency)) {
            AwsCredentialsProvider base = baseCredentials();
            if (baseCredentials == null && base instanceof AutoCloseable c) {
                owned.add(c);
            }
            requireCredentials(base);
            AwsClients caller = new AwsClients(base, endpoints, http, counter, retry);
            owned.add(caller);
            S3AnonymousProbe probe = null;
            if (options.probeAnonymous()) {
                AwsClients anonymous = caller.with(AnonymousCredentialsProvider.create());
                owned.add(anonymous);
                probe = new S3AnonymousProbe(anonymous);
            }
            List<Target> targets = targets(caller, retry, region, errors, owned);
            accountPool = Executors.newFixedThreadPool(Math.max(1, Math.min(targets.size(), ACCOUNTS_AT_ONCE)),
                    daemonThreads("account"));
            List<Future<AccountResult>> futures = new ArrayList<>();
            for (Target t : targets) {
                S3AnonymousProbe p = probe;
                futures.add(accountPool.submit(() -> scanAccount(t, region, facts, progress, bucketPool, p)));
            }
            for (Future<AccountResult> f : futures) {
                AccountResult r = await(f);
                resources.addAll(r.resources());
                errors.addAll(r.errors());
            }
        } finally {
            bucketPool.shutdownNow();
            if (accountPool != null) {
                accountPool.shutdownNow();
            }
            for (AutoCloseable c : owned) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing a client or credential provider cannot change what was read.
                }
            }
        }
        resources.sort(Comparator.comparing(Resource::account).thenComparing(Resource::id));
        return new Inventory(resources, errors);
    }

    /** The accounts to scan: the caller's, each role's, or the organisation's. */
    private List<Target> targets(AwsClients caller, ThrottlingRetry retry, String region, List<ScanError> errors,
                                 List<AutoCloseable> owned) {
        OrganizationScan org = options.organization();
        if (org == null && options.roleArns().isEmpty()) {
            return List.of(new Target("caller", caller, null));
        }
        StsClient sts = caller.newSts(region);
        owned.add(sts);
        List<Target> out = new ArrayList<>();
        if (org == null) {
            for (String role : options.roleArns()) {
                out.add(new Target(role, assumed(caller, sts, role, owned), null));
            }
            return out;
        }
        String[] identity = identify(caller, region);
        OrganizationScan.Plan plan = org.plan(new OrganizationsApi(organizationsEndpoint, identity[1],
                caller.credentials(), caller.http(), counter, retry), identity[0], identity[1]);
        errors.addAll(plan.errors());
        String trusted = org.trustOrganization() ? plan.organization() : null;
        for (OrganizationScan.Member m : plan.members()) {
            out.add(m.role() == null ? new Target("caller", caller, trusted)
                    : new Target(m.role(), assumed(caller, sts, m.role(), owned), trusted));
        }
        return out;
    }

    private static AwsClients assumed(AwsClients caller, StsClient sts, String role, List<AutoCloseable> owned) {
        var credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(role).roleSessionName("bucketguard")).build();
        owned.add(credentials);
        AwsClients clients = caller.with(credentials);
        owned.add(clients);
        return clients;
    }

    /** The caller's account id and partition; a caller that cannot be identified stops the scan. */
    private static String[] identify(AwsClients caller, String region) {
        try {
            var id = caller.sts(region).getCallerIdentity();
            String arn = id.arn() == null ? "" : id.arn();
            String[] parts = arn.split(":");
            return new String[] {id.account(), parts.length > 1 && !parts[1].isBlank() ? parts[1] : "aws"};
        } catch (SdkClientException e) {
            throw callerFailure(e);
        } catch (RuntimeException e) {
            throw new ProviderException("could not identify the caller for the organisation scan: GetCallerIdentity"
                    + " failed with " + ErrorCodes.of(e), false);
        }
    }

    private static ProviderException callerFailure(SdkClientException e) {
        String network = ErrorCodes.network(e);
        return new ProviderException("STS GetCallerIdentity failed: " + ErrorCodes.of(e) + (network != null
                ? " (check --endpoint-url, AWS_ENDPOINT_URL and the network)" : ""), false);
    }

    /**
     * Resolves the caller's credentials before any call, so that having none is told apart from a refused or failed
     * call: the user must supply them (exit 2). Only fixed words: a credential provider's own message may name keys
     * or paths.
     */
    private void requireCredentials(AwsCredentialsProvider base) {
        try {
            base.resolveCredentials();
        } catch (RuntimeException e) {
            String profile = options.profile();
            throw new ProviderException(profile != null
                    ? "no usable AWS credentials: profile '" + profile + "' gave none (it is not in the shared config"
                            + " files, holds no keys, or its SSO session has expired: run aws sso login --profile "
                            + profile + ")"
                    : "no usable AWS credentials: none in the environment (AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY), the shared config files, an SSO session or an instance role"
                            + " (set them, or give --profile NAME)", true);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return Workers.result(f);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ProviderException("scanning an account failed: " + ErrorCodes.of(e.getCause()), false,
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while scanning", false, e);
        }
    }

    private AccountResult scanAccount(Target target, String region, Set<Fact> facts, Progress progress,
                                      ExecutorService pool, S3AnonymousProbe probe) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        AwsClients clients = target.clients();
        String scope = target.scope();
        if (!"caller".equals(scope)) {
            // Assume the role first, so that a refusal is named as such (the SDK throws it from any first call).
            try {
                clients.credentials().resolveCredentials();
            } catch (RuntimeException e) {
                Throwable cause = e instanceof SdkClientException && e.getCause() != null ? e.getCause() : e;
                errors.add(new ScanError(ID, scope, ErrorCodes.denied(cause) || !(cause instanceof
                        software.amazon.awssdk.awscore.exception.AwsServiceException) ? ScanError.Kind.ACCESS_DENIED
                        : ScanError.Kind.SERVICE, "could not assume " + scope + ": " + ErrorCodes.of(cause)
                        + " (the account's buckets were not scanned; the role must trust the caller and allow the"
                        + " reads in the README)"));
                return new AccountResult(resources, errors);
            }
        }
        String accountId;
        try {
            accountId = clients.sts(region).getCallerIdentity().account();
        } catch (SdkClientException e) {
            if ("caller".equals(scope)) {
                throw callerFailure(e);
            }
            errors.add(new ScanError(ID, scope, ScanError.Kind.ACCESS_DENIED,
                    "could not assume " + scope + ": " + ErrorCodes.of(e.getCause() == null ? e : e.getCause())
                            + " (the account's buckets were not scanned; the role must trust the caller and allow"
                            + " the reads in the README)"));
            return new AccountResult(resources, errors);
        } catch (RuntimeException e) {
            errors.add(new ScanError(ID, scope, ErrorCodes.denied(e) ? ScanError.Kind.ACCESS_DENIED
                    : ScanError.Kind.SERVICE, "could not identify the account (" + scope + "): GetCallerIdentity"
                    + " failed with " + ErrorCodes.of(e)));
            return new AccountResult(resources, errors);
        }
        S3Client global = clients.s3(region);
        List<Bucket> buckets = new ArrayList<>();
        try {
            listBuckets(global, buckets);
        } catch (RuntimeException e) {
            boolean denied = ErrorCodes.denied(e);
            errors.add(new ScanError(ID, ID + ":" + accountId, denied ? ScanError.Kind.ACCESS_DENIED
                    : ScanError.Kind.SERVICE, "could not list the buckets of account " + accountId + ": ListBuckets"
                    + " failed with " + ErrorCodes.of(e) + (denied ? " (needs s3:ListAllMyBuckets)" : "")));
            return new AccountResult(resources, errors);
        }
        buckets.sort(Comparator.comparing(Bucket::name));
        BucketReader.Account account = new BucketReader.Account(accountId, clients, region, options.objectSample());
        if (facts.contains(S3Facts.TRAILS) || facts.contains(S3Facts.LOG_DESTINATION)) {
            account.audit = new AuditReader(accountId, clients, region, buckets);
        }
        account.organization = target.organization();
        account.probe = probe;
        account.trust = trust;
        if (facts.contains(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT)) {
            readAccountBpa(account);
        }
        ProgressMeter meter = new ProgressMeter(progress, buckets.size(), accountId);
        List<Future<BucketReader.Result>> futures = new ArrayList<>();
        for (Bucket b : buckets) {
            futures.add(pool.submit(() -> {
                try {
                    return new BucketReader(account, facts, b.name(), regionOf(global, b)).read();
                } finally {
                    meter.done();
                }
            }));
        }
        for (int i = 0; i < buckets.size(); i++) {
            String name = buckets.get(i).name();
            try {
                BucketReader.Result result = Workers.result(futures.get(i));
                resources.add(result.resource());
                errors.addAll(result.errors());
            } catch (ExecutionException e) {
                resources.add(unreadable(account, name, facts, e.getCause()));
                errors.add(new ScanError(ID, ID + ":" + accountId + ":" + name, ScanError.Kind.INTERNAL,
                        "could not read bucket " + name + ": " + ErrorCodes.of(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException("interrupted while scanning account " + accountId, false, e);
            }
        }
        return new AccountResult(resources, errors);
    }

    /** A bucket whose reading failed as a whole: every requested fact is unknown, none is assumed. */
    private static Resource unreadable(BucketReader.Account account, String bucket, Set<Fact> facts,
                                       Throwable cause) {
        Resource.Builder b = Resource.builder(ID, account.id, bucket).kind(AwsCloud.BUCKET);
        if (account.organization != null) {
            b.parent(AwsCloud.ORGANIZATION, account.organization);
        }
        for (Fact f : facts) {
            b.unknown(f, null, null, ErrorCodes.of(cause));
        }
        return b.build();
    }

    private static void readAccountBpa(BucketReader.Account account) {
        try {
            PublicAccessBlockConfiguration c = account.clients.s3Control(account.globalRegion)
                    .getPublicAccessBlock(r -> r.accountId(account.id)).publicAccessBlockConfiguration();
            account.accountBpa = c == null ? BlockPublicAccess.NONE : new BlockPublicAccess(
                    Boolean.TRUE.equals(c.blockPublicAcls()), Boolean.TRUE.equals(c.ignorePublicAcls()),
                    Boolean.TRUE.equals(c.blockPublicPolicy()), Boolean.TRUE.equals(c.restrictPublicBuckets()));
        } catch (RuntimeException e) {
            if (ErrorCodes.is(e, "NoSuchPublicAccessBlockConfiguration")) {
                account.accountBpa = BlockPublicAccess.NONE;
            } else {
                account.accountBpaUnknown = new Unknown(S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, "GetPublicAccessBlock",
                        "s3:GetAccountPublicAccessBlock", ErrorCodes.of(e));
            }
        }
    }

    /**
     * The bucket's region: from ListBuckets when it says, else GetBucketLocation (an empty constraint is us-east-1,
     * and "EU" is eu-west-1), else the x-amz-bucket-region of HeadBucket; null when none answers.
     */
    static String regionOf(S3Client global, Bucket bucket) {
        if (bucket.bucketRegion() != null && !bucket.bucketRegion().isBlank()) {
            return bucket.bucketRegion();
        }
        try {
            String constraint = global.getBucketLocation(r -> r.bucket(bucket.name())).locationConstraintAsString();
            if (constraint == null || constraint.isBlank() || "null".equals(constraint)) {
                return DEFAULT_REGION;
            }
            return "EU".equals(constraint) ? "eu-west-1" : constraint;
        } catch (RuntimeException e) {
            try {
                return global.headBucket(r -> r.bucket(bucket.name())).bucketRegion();
            } catch (RuntimeException e2) {
                if (e2 instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
                        && a.awsErrorDetails() != null && a.awsErrorDetails().sdkHttpResponse() != null) {
                    return a.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region")
                            .orElse(null);
                }
                return null;
            }
        }
    }

    private static ThreadFactory daemonThreads(String kind) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "bucketguard-aws-" + kind + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Reports "scanned 120/1000 buckets" about every 5 % and at the end, never per bucket. */
    private static final class ProgressMeter {
        private final Progress progress;
        private final int total;
        private final String account;
        private final int step;
        private final AtomicInteger done = new AtomicInteger();

        ProgressMeter(Progress progress, int total, String account) {
            this.progress = progress;
            this.total = total;
            this.account = account;
            this.step = Math.max(1, total / 20);
        }

        void done() {
            int n = done.incrementAndGet();
            if (n % step == 0 || n == total) {
                progress.report("scanned " + n + "/" + total + " buckets of account " + account);
            }
        }
    }

    /**
     * Every bucket of the account, a page of {@link #bucketPage} at a time. AWS gives a continuation token when more
     * buckets follow a page; some S3 implementations (moto) cut the list at MaxBuckets and give none, which would
     * leave buckets out without a word. So a last page that is full and has no token is checked with one listing
     * without MaxBuckets, and the buckets it adds are kept.
     */
    private void listBuckets(S3Client s3, List<Bucket> buckets) {
        ListBucketsResponse last = null;
        for (ListBucketsResponse page : s3.listBucketsPaginator(r -> r.maxBuckets(bucketPage))) {
            buckets.addAll(page.buckets());
            last = page;
        }
        if (last != null && last.buckets().size() >= bucketPage && last.continuationToken() == null) {
            Set<String> seen = new HashSet<>();
            buckets.forEach(b -> seen.add(b.name()));
            s3.listBuckets().buckets().stream().filter(b -> seen.add(b.name())).forEach(buckets::add);
        }
    }
}
