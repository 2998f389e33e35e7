package dev.bucketguard.cli;

import dev.bucketguard.aws.AwsOptions;
import dev.bucketguard.aws.AwsProvider;
import dev.bucketguard.aws.OrganizationScan;
import dev.bucketguard.provider.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bucketguard scan aws}: scans every S3 bucket of one or more accounts, read-only. */
@Command(name = "aws",
        description = {"Scans every S3 bucket of the account (or of each --role-arn's account, or of every account of"
                + " the organisation with --org-role-name), read-only.",
            "Credentials come from the default chain (environment, shared files, instance role) or --profile."})
final class ScanAwsCommand extends ProviderScanCommand {
    @Option(names = "--profile", paramLabel = "NAME", description = "A profile from the shared AWS config files.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region for account-wide calls (default: the chain's, else us-east-1).")
    String region;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "A role to assume; repeat for several accounts, scanned in turn.")
    List<String> roleArns = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL", converter = Converters.HttpUrl.class,
            description = "An S3-compatible endpoint (an emulator). Default: AWS_ENDPOINT_URL_S3 or"
                    + " AWS_ENDPOINT_URL, else AWS.")
    URI endpointUrl;

    @Option(names = "--object-sample", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegative.class,
            description = "Read the ACLs of up to N objects per bucket whose ACLs are in force, spread across the"
                    + " key space, and report public objects by key. Default: ${DEFAULT-VALUE}.")
    int objectSample;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64", converter = Converters.Positive.class,
            description = "The most requests in flight at once, across all accounts: the scan grows toward it while"
                    + " AWS answers promptly and halves on throttling. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--probe-anonymous",
            description = "Also send unsigned requests to each bucket judged PUBLIC or UNKNOWN (a list with"
                    + " max-keys=1; where refused, a HEAD of one key; never an object's body) and record the answers"
                    + " as evidence: a success proves the bucket PUBLIC.")
    boolean probeAnonymous;

    @Option(names = "--org-role-name", paramLabel = "NAME",
            description = "Scan every active account of the caller's organisation (Organizations ListAccounts):"
                    + " the caller's own account with its credentials, each other one through role NAME in it."
                    + " The organisation counts as yours unless --trusted-org names others.")
    String orgRoleName;

    @Option(names = "--accounts", split = ",", paramLabel = "ID", converter = Converters.Id.class,
            description = "With --org-role-name: only these accounts.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--exclude-accounts", split = ",", paramLabel = "ID", converter = Converters.Id.class,
            description = "With --org-role-name: not these accounts.")
    List<String> excludeAccounts = new ArrayList<>();

    ScanAwsCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Provider provider() {
        OrganizationScan organization = null;
        if (orgRoleName == null) {
            if (!accounts.isEmpty() || !excludeAccounts.isEmpty()) {
                throw usageError((accounts.isEmpty() ? "--exclude-accounts" : "--accounts")
                        + " filters the accounts of an organisation scan: give --org-role-name too");
            }
        } else {
            if (!roleArns.isEmpty()) {
                throw usageError("--org-role-name and --role-arn: give one (an organisation scan assumes its own"
                        + " roles)");
            }
            try {
                organization = new OrganizationScan(orgRoleName, accounts, excludeAccounts,
                        options.trustedOrgs.isEmpty());
            } catch (IllegalArgumentException e) {
                throw usageError((e.getMessage().contains("role name") ? "--org-role-name: "
                        : accounts.stream().anyMatch(a -> e.getMessage().contains("'" + a + "'")) ? "--accounts: "
                        : "--exclude-accounts: ") + e.getMessage());
            }
        }
        return new AwsProvider(new AwsOptions(profile, region, roleArns, endpointUrl, objectSample, concurrency,
                probeAnonymous, organization)).trust(trust());
    }

    @Override
    protected String defaultSarifLocation() {
        return "aws";
    }
}
