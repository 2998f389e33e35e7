package dev.bucketguard.salesforce;

import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one Salesforce org through the REST and Tooling query APIs (java.net.http, GET only) and maps it onto
 * rules/salesforce's model: a SITE per site, a FILE_LINK per public link, and the ORG.
 *
 * <p>Every request goes through one {@link GuardedHttp}, which refuses anything but a GET (and the single JWT token
 * POST) before it is sent, bounds the requests in flight to {@code --concurrency}, and counts them
 * ({@link #apiCalls()}). Only the facts the scan asks of Salesforce are read. The access token is known to the
 * pipeline as a secret and never appears in a message.
 */
public final class SalesforceProvider implements Provider {
    static final String ID = SalesforceCloud.ID;
    static final String TOKEN_ENV = "SF_ACCESS_TOKEN";

    private final SalesforceOptions options;
    private final Map<String, String> env;
    private final Clock clock;
    private final CallCounter counter = new CallCounter();
    private final GuardedHttp http;

    public SalesforceProvider(SalesforceOptions options, Map<String, String> env) {
        this(options, env, Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** For tests and benchmarks: a short first retry delay and a fixed clock. */
    SalesforceProvider(SalesforceOptions options, Map<String, String> env, Duration firstRetryDelay, Clock clock) {
        this.options = options;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.http = new GuardedHttp(counter, options.concurrency(), firstRetryDelay);
        String token = env.get(TOKEN_ENV);
        if (token != null && !token.isBlank()) {
            // The token as sent (stripped): hiding it hides it inside the variable's raw value too.
            http.secret(token.strip());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** Requests sent so far per operation (pages and retries counted), sorted by name. */
    public Map<String, Long> apiCalls() {
        return counter.sent();
    }

    /** The guarded pipeline this provider sends through; for the read-only proof. */
    GuardedHttp http() {
        return http;
    }

    /** Logs in the chosen way; the token is registered as a secret before anything can print it. */
    Session session() {
        if (options.instanceUrl() != null) {
            String token = env.get(TOKEN_ENV);
            if (token == null || token.isBlank()) {
                throw new ProviderException("--instance-url needs the access token in " + TOKEN_ENV
                        + " (for example from 'sf org display --json')", true);
            }
            return new Session(options.instanceUrl(), token.strip());
        }
        if (options.targetOrg() != null) {
            Session s = SfCli.display(options.targetOrg(), env);
            http.secret(s.token());
            return s;
        }
        return JwtBearer.login(http, options.jwtClientId(), options.jwtKeyFile(), options.username(),
                options.loginUrl() == null ? Endpoints.LOGIN : options.loginUrl(), clock);
    }

    @Override
    public Inventory collect(FactSelection selection, Progress progress) {
        Set<Fact> facts = selection.of(ID);
        Session session = session();
        String version;
        try {
            version = SalesforceApi.version(http, session, options.apiVersion());
        } catch (IllegalArgumentException e) {
            throw new ProviderException(e.getMessage(), true);
        } catch (ApiException e) {
            throw new ProviderException("could not reach the org at " + session.instanceUrl() + ": GET /services/data/"
                    + " failed with " + e.getMessage() + (e.status() == 401 ? " (the access token was refused:"
                    + " expired or revoked)" : ""), e.status() == 401);
        } catch (IOException e) {
            throw new ProviderException("could not reach the org at " + session.instanceUrl() + ": "
                    + http.redact(e.getMessage()), false);
        }
        progress.report("reading org " + session.instanceUrl().getHost() + " through API v" + version);
        SalesforceApi api = new SalesforceApi(http, session, version);
        OrgData data = new OrgReader(api, options.concurrency(), progress).read(parts(facts, options.metadata()));
        progress.report("read " + counter.total() + " API responses; judging");
        OrgMapper mapper = new OrgMapper(data, facts, session.instanceUrl().getHost(), options.metadata(),
                clock.instant());
        List<Resource> resources = mapper.resources();
        List<ScanError> errors = new ArrayList<>();
        String limit = http.exhaustedLimit();
        if (limit != null) {
            errors.add(new ScanError(ID, ID + ":" + mapper.account(), ScanError.Kind.SERVICE, "stopped reading after "
                    + limit + "; what was read before it is reported, the rest is UNKNOWN"));
        }
        return new Inventory(resources, errors);
    }

    /** The queries the facts need. */
    static Set<OrgReader.Part> parts(Set<Fact> facts, boolean metadata) {
        Set<OrgReader.Part> parts = EnumSet.noneOf(OrgReader.Part.class);
        for (Fact f : facts) {
            if (f.equals(SalesforceFacts.SITES) || f.equals(SalesforceFacts.GUEST_USER)
                    || f.equals(SalesforceFacts.SYSTEM_PERMISSIONS)) {
                parts.add(OrgReader.Part.SITES);
                parts.add(OrgReader.Part.GUESTS);
            } else if (f.equals(SalesforceFacts.OBJECT_PERMISSIONS)) {
                parts.add(OrgReader.Part.OBJECT_PERMISSIONS);
            } else if (f.equals(SalesforceFacts.FIELD_PERMISSIONS)) {
                parts.add(OrgReader.Part.OBJECT_PERMISSIONS);
                parts.add(OrgReader.Part.FIELD_PERMISSIONS);
            } else if (f.equals(SalesforceFacts.FIELD_CLASSIFICATION)) {
                parts.add(OrgReader.Part.OBJECT_PERMISSIONS);
                parts.add(OrgReader.Part.FIELD_DEFINITIONS);
            } else if (f.equals(SalesforceFacts.SHARE_COUNTS)) {
                parts.add(OrgReader.Part.OBJECT_PERMISSIONS);
                parts.add(OrgReader.Part.SHARE_COUNTS);
            } else if (f.equals(SalesforceFacts.LEGACY_ACCESS)) {
                parts.add(OrgReader.Part.OBJECT_PERMISSIONS);
                parts.add(OrgReader.Part.LEGACY);
            } else if (f.equals(SalesforceFacts.APEX_CLASSES)) {
                parts.add(OrgReader.Part.APEX);
            } else if (f.equals(SalesforceFacts.FLOWS)) {
                parts.add(OrgReader.Part.FLOWS);
            } else if (f.equals(SalesforceFacts.EXTERNAL_SHARING)) {
                parts.add(OrgReader.Part.OBJECT_PERMISSIONS);
                parts.add(OrgReader.Part.ENTITIES);
            } else if (f.equals(SalesforceFacts.MEMBER_ACCESS)) {
                parts.add(OrgReader.Part.OBJECT_PERMISSIONS);
                parts.add(OrgReader.Part.MEMBERS);
            } else if (f.equals(SalesforceFacts.CONTENT_DISTRIBUTION)) {
                parts.add(OrgReader.Part.LINKS);
            } else if (f.equals(SalesforceFacts.EVENT_LOGS)) {
                parts.add(OrgReader.Part.EVENT_LOGS);
            } else if (f.equals(SalesforceFacts.HEALTH_CHECK)) {
                parts.add(OrgReader.Part.HEALTH_CHECK);
            } else if (f.equals(SalesforceFacts.SCANNER_PERMISSIONS)) {
                parts.add(OrgReader.Part.SCANNER);
            } else if (f.equals(SalesforceFacts.EVENT_SETTINGS) && metadata) {
                parts.add(OrgReader.Part.EVENT_SETTINGS);
            }
        }
        // Every part but these is about what the sites' guests reach, and needs the sites and their guests read.
        if (parts.stream().anyMatch(p -> p != OrgReader.Part.LINKS && p != OrgReader.Part.EVENT_LOGS
                && p != OrgReader.Part.HEALTH_CHECK && p != OrgReader.Part.SCANNER
                && p != OrgReader.Part.EVENT_SETTINGS)) {
            parts.add(OrgReader.Part.SITES);
            parts.add(OrgReader.Part.GUESTS);
        }
        return parts;
    }
}
