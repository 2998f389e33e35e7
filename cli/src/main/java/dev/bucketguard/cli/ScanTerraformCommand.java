package dev.bucketguard.cli;

import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.report.Reporter;
import dev.bucketguard.report.ReporterOptions;
import dev.bucketguard.report.Reporters;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.snapshot.SnapshotProvider;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.terraform.TerraformOptions;
import dev.bucketguard.terraform.TerraformProvider;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bucketguard scan terraform PLAN.json}: judges what a Terraform plan is about to deploy, with the verdicts and
 * rules of a live scan, offline and with no cloud credentials.
 */
@Command(name = "terraform",
        description = {"Scans the JSON of a Terraform plan (terraform show -json PLANFILE) before it is applied, with"
                + " the same verdicts and rules as a live scan. No cloud call is made."})
final class ScanTerraformCommand extends ProviderScanCommand {
    /** A plan has no GetBucketPolicyStatus to compare with. */
    private static final Set<String> OUT_OF_REACH = Set.of("aws.s3.policy-status-disagrees");

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The output of terraform show -json PLANFILE.")
    Path file;

    @Option(names = "--account-settings", paramLabel = "FILE",
            description = "A snapshot (for example from scan aws --save-snapshot) whose account-level facts, such as"
                    + " account Block Public Access, stand in for what the plan does not hold. Without it they are"
                    + " taken as off, and the reasons say so.")
    Path accountSettings;

    @Option(names = "--account-id", paramLabel = "ID", converter = Converters.AwsAccountId.class,
            description = "The AWS account (12 digits) the plan deploys to. Default: the plan's data.aws_caller_identity, else"
                    + " the --account-settings snapshot's account.")
    String accountId;

    @Option(names = "--source-dir", paramLabel = "DIR",
            description = "Where the plan's .tf files are, for SARIF results on the line of the block to change"
                    + " (paths relative to it). Default: the plan file's directory.")
    Path sourceDir;

    @Mixin
    EveryCloudTrustOptions everyCloudTrust;

    private TerraformProvider provider;

    ScanTerraformCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Provider provider() {
        if (provider == null) {
            List<Resource> settings = accountSettings == null ? List.of()
                    : new SnapshotProvider(accountSettings).collect(new FactSelection(Map.of()), Progress.NONE)
                    .resources();
            provider = new TerraformProvider(new TerraformOptions(file, accountId, settings));
        }
        return provider;
    }

    @Override
    protected Clouds clouds() {
        return ((TerraformProvider) provider()).clouds(Clouds.discover());
    }

    /**
     * Every format's failing findings name the resource address to change; SARIF results also point at the .tf line.
     * The reporter is made before the plan is read, so it asks the provider when it writes.
     */
    @Override
    protected Reporter reporter(Reporters format, ReporterOptions reporterOptions) {
        Reporter base = super.reporter(format, reporterOptions);
        return new Reporter() {
            @Override
            public String format() {
                return base.format();
            }

            @Override
            public void write(ScanReport report, Writer out) throws IOException {
                TerraformProvider plan = (TerraformProvider) provider();
                if (format != Reporters.SARIF) {
                    plan.reporter(base).write(report, out);
                    return;
                }
                Path dir = sourceDir != null ? sourceDir
                        : file.toAbsolutePath().getParent() == null ? Path.of(".") : file.toAbsolutePath().getParent();
                plan.sarif(dir, reporterOptions.artifactUri()).write(report, out);
            }
        };
    }

    @Override
    protected Set<String> rulesOutOfReach() {
        return OUT_OF_REACH;
    }

    /** A plan may hold resources of every cloud: every cloud's trust flags add to the zone. */
    @Override
    protected Set<String> trustedOwners() {
        return everyCloudTrust.owners();
    }

    @Override
    protected String defaultSarifLocation() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
