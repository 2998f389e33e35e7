package dev.bucketguard.cli;

import dev.bucketguard.aws.AwsOptions;
import dev.bucketguard.aws.AwsProvider;
import dev.bucketguard.provider.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bucketguard scan aws}: scans every S3 bucket of one or more accounts, read-only. */
@Command(name = "aws",
        description = {"Scans every S3 bucket of the account (or of each --role-arn's account), read-only.",
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

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16", converter = Converters.Positive.class,
            description = "How many buckets to read at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    ScanAwsCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Provider provider() {
        return new AwsProvider(new AwsOptions(profile, region, roleArns, endpointUrl, objectSample, concurrency));
    }

    @Override
    protected String defaultSarifLocation() {
        return "aws";
    }
}
