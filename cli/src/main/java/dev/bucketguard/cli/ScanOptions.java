package dev.bucketguard.cli;

import dev.bucketguard.report.Reporters;
import dev.bucketguard.spi.ScanParameters;
import dev.bucketguard.spi.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every {@code scan} subcommand shares (mixed in by {@link ProviderScanCommand}): outputs, the gate,
 * suppressions, rule selection, trust.
 */
final class ScanOptions {

    /** A --fail-on threshold. */
    enum FailOn {
        CRITICAL(Severity.CRITICAL), HIGH(Severity.HIGH), MEDIUM(Severity.MEDIUM), LOW(Severity.LOW), NONE(null);

        final Severity severity;

        FailOn(Severity severity) {
            this.severity = severity;
        }
    }

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Report formats: text, json, sarif, junit (several with commas or repeated; each goes to"
                    + " the --output at the same position, or to stdout). Default: text.")
    List<Reporters> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where the report of the --format at the same position goes; '-' for stdout.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "high",
            description = "Exit 4 when a finding at or above this severity fails: critical, high, medium, low or"
                    + " none. Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--fail-on-unknown", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Exit 5 when the scan could not read everything it needed and nothing else failed"
                    + " (default). --no-fail-on-unknown exits 0 instead.")
    boolean failOnUnknown;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "YAML or JSON file of accepted findings: rule, resource, reason, expires.")
    Path suppressions;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "An earlier JSON report: only failing findings that are not in it gate.")
    Path baseline;

    @Option(names = "--rules", split = ",", paramLabel = "ID",
            description = "Run only these rules (ids or globs such as aws.s3.*).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--exclude-rules", split = ",", paramLabel = "ID",
            description = "Skip these rules (ids or globs).")
    List<String> excludeRules = new ArrayList<>();

    @Option(names = "--trusted-accounts", split = ",", paramLabel = "ID", converter = Converters.Id.class,
            description = "Accounts (or tenants, projects) that count as your own, like IAM Access Analyzer's zone"
                    + " of trust. The resource's own account is always trusted.")
    List<String> trustedAccounts = new ArrayList<>();

    @Option(names = "--trusted-org", split = ",", paramLabel = "ID", converter = Converters.Id.class,
            description = "Organisations whose members count as your own (for example o-a1b2c3d4e5).")
    List<String> trustedOrgs = new ArrayList<>();

    @Option(names = "--trusted-networks", split = ",", paramLabel = "NET", converter = Converters.Network.class,
            description = "Networks that count as your own: IP ranges (a range inside one counts too), VPC and VPC"
                    + " endpoint ids (vpc-..., vpce-...). Access limited to other networks is CROSS_ACCOUNT,"
                    + " tagged NETWORK_SCOPED.")
    List<String> trustedNetworks = new ArrayList<>();

    @Option(names = "--log-retention-days", paramLabel = "N", defaultValue = "365", converter = Converters.Positive.class,
            description = "How many days a record of a read must be kept: a resource whose access records are kept"
                    + " for less fails the log-retention rules. Default: ${DEFAULT-VALUE}.")
    int logRetentionDays;

    @Option(names = "--save-snapshot", paramLabel = "FILE",
            description = "Also save what was read as a snapshot, for audits and offline re-scans.")
    Path saveSnapshot;

    /** The parameters rules and clouds read, from the options above. */
    ScanParameters parameters() {
        return ScanParameters.DEFAULTS.with(ScanParameters.LOG_RETENTION_DAYS, logRetentionDays);
    }

    @Option(names = {"-v", "--verbose"}, description = "List passing findings too in the text report.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    boolean quiet;

    @Option(names = "--sarif-location", paramLabel = "PATH",
            description = "The repository file SARIF results point at, since GitHub code scanning needs one (for"
                    + " example your Terraform file). Default: the snapshot file, or the provider name.")
    String sarifLocation;
}
