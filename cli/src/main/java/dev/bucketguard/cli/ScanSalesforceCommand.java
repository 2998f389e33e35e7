package dev.bucketguard.cli;

import dev.bucketguard.provider.Provider;
import dev.bucketguard.salesforce.SalesforceOptions;
import dev.bucketguard.salesforce.SalesforceProvider;
import java.net.URI;
import java.nio.file.Path;
import dev.bucketguard.spi.ScanParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bucketguard scan salesforce}: what each site's guest can read, and which file links are open, read-only. */
@Command(name = "salesforce",
        description = {"Scans one Salesforce org, read-only, through the REST and Tooling query APIs: what the guest"
                + " user of each site can read, which public file links are open, and whether guest reads are"
                + " logged.",
            "One way in: --instance-url with the access token in SF_ACCESS_TOKEN, --target-org (the Salesforce CLI's"
                    + " session), or the JWT bearer flow (--jwt-client-id, --jwt-key-file, --username). The token is"
                    + " never printed."})
final class ScanSalesforceCommand extends ProviderScanCommand {
    @Option(names = "--instance-url", paramLabel = "URL", converter = Converters.HttpUrl.class,
            description = "The org's My Domain URL (https://MYDOMAIN.my.salesforce.com); the access token comes from"
                    + " SF_ACCESS_TOKEN. Plain http:// only to this machine (a stub).")
    URI instanceUrl;

    @Option(names = "--target-org", paramLabel = "ALIAS",
            description = "An org the Salesforce CLI is logged in to: its session is read with 'sf org display"
                    + " --json --target-org ALIAS' (needs sf on PATH).")
    String targetOrg;

    @Option(names = "--jwt-client-id", paramLabel = "ID",
            description = "The consumer key of the connected app (or external client app) for the OAuth 2.0 JWT"
                    + " bearer flow; with --jwt-key-file and --username.")
    String jwtClientId;

    @Option(names = "--jwt-key-file", paramLabel = "FILE",
            description = "The PEM RSA private key (PKCS#8 or PKCS#1, unencrypted) whose certificate the app holds.")
    Path jwtKeyFile;

    @Option(names = "--username", paramLabel = "USER", description = "The scanning user, for the JWT bearer flow.")
    String username;

    @Option(names = "--login-url", paramLabel = "URL", converter = Converters.HttpUrl.class,
            description = "Where the JWT bearer flow logs in: https://test.salesforce.com for a sandbox, or the My"
                    + " Domain URL. Default: https://login.salesforce.com.")
    URI loginUrl;

    @Option(names = "--api-version", paramLabel = "vNN.N",
            description = "The API version to use, such as v67.0. Default: the highest the org offers.")
    String apiVersion;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", converter = Converters.Positive.class,
            description = "How many API requests to have in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--metadata",
            description = "Allow Metadata API reads (one readMetadata SOAP POST, the only one the read-only guard"
                    + " lets through), which need Modify Metadata Through Metadata API Functions, a write-capable"
                    + " permission. This version reads EventSettings (event log retention, whether logs can be"
                    + " deleted); guest sharing rule definitions and Experience Builder public access stay UNKNOWN,"
                    + " named as such, as every Metadata setting does without this option.")
    boolean metadata;

    @Mixin
    SalesforceParameterOptions salesforceParameters;

    ScanSalesforceCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Provider provider() {
        SalesforceOptions options;
        try {
            options = new SalesforceOptions(instanceUrl, targetOrg, jwtClientId, jwtKeyFile, username, loginUrl,
                    apiVersion, concurrency, metadata);
        } catch (IllegalArgumentException e) {
            throw usageError(Environment.oneLine(e.getMessage()));
        }
        return new SalesforceProvider(options, environment.env());
    }

    @Override
    protected ScanParameters parameters(ScanParameters shared) {
        return salesforceParameters.apply(shared);
    }

    @Override
    protected String defaultSarifLocation() {
        return "salesforce";
    }
}
