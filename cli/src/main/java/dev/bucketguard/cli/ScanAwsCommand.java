package dev.bucketguard.cli;

import dev.bucketguard.aws.AwsOptions;
import dev.bucketguard.aws.AwsProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bucketguard scan aws}: scans every S3 bucket of one or more accounts, read-only. */
@Command(name = "aws",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Scans every S3 bucket of the account (or of each --role-arn's account), read-only.",
            "Credentials come from the default chain (environment, shared files, instance role) or --profile."})
final class ScanAwsCommand implements Callable<Integer> {
    private final Environment environment;

    @Option(names = "--profile", paramLabel = "NAME", description = "A profile from the shared AWS config files.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region for account-wide calls (default: the chain's, else us-east-1).")
    String region;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "A role to assume; repeat for several accounts, scanned in turn.")
    List<String> roleArns = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "An S3-compatible endpoint (an emulator). Default: AWS_ENDPOINT_URL_S3 or"
                    + " AWS_ENDPOINT_URL, else AWS.")
    String endpointUrl;

    @Option(names = "--object-sample", paramLabel = "N", defaultValue = "0",
            description = "Read the ACLs of up to N objects per bucket whose ACLs are in force, spread across the"
                    + " key space, and report public objects by key. Default: ${DEFAULT-VALUE}.")
    int objectSample;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
            description = "How many buckets to read at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Mixin
    ScanOptions options;

    ScanAwsCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ScanRun run = new ScanRun(environment, options);
        run.rules(); // a typo in --rules is a usage error before any cloud call
        AwsOptions aws = new AwsOptions(profile, region, roleArns, endpoint(), objectSample, concurrency);
        return run.execute(new AwsProvider(aws), options.sarifLocation != null ? options.sarifLocation : "aws");
    }

    private URI endpoint() {
        if (endpointUrl == null) {
            return null;
        }
        try {
            URI uri = new URI(endpointUrl);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("--endpoint-url: '" + endpointUrl + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--endpoint-url: '" + endpointUrl + "' is not a URL");
        }
    }
}
