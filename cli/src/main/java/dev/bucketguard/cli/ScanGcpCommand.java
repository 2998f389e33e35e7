package dev.bucketguard.cli;

import dev.bucketguard.gcp.GcpOptions;
import dev.bucketguard.gcp.GcpProvider;
import dev.bucketguard.provider.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bucketguard scan gcp}: scans every Cloud Storage bucket of one or more projects, read-only. */
@Command(name = "gcp",
        description = {"Scans every Cloud Storage bucket of the project (or of each --project), read-only.",
            "Credentials are the Application Default Credentials; with --endpoint (or STORAGE_EMULATOR_HOST)"
                    + " none are sent."})
final class ScanGcpCommand extends ProviderScanCommand {
    @Option(names = "--project", paramLabel = "ID",
            description = "A project whose buckets to scan; repeat for several. Default: the Application Default"
                    + " Credentials' project.")
    List<String> projects = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "URL", converter = Converters.HttpUrl.class,
            description = "One base URL for every Google API the scan calls (Cloud Storage's JSON API and the"
                    + " organisation policy), over HTTP/JSON with no credentials: an emulator or stub. Plain http://"
                    + " only to this machine. Default: STORAGE_EMULATOR_HOST, else Google.")
    URI endpoint;

    @Option(names = "--object-sample", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegative.class,
            description = "Read the ACLs of up to N objects per bucket whose ACLs are in force, spread across the"
                    + " object names, and report public objects by name. Default: ${DEFAULT-VALUE}.")
    int objectSample;

    @Option(names = "--probe-anonymous",
            description = "For each bucket judged public or unknown, ask the unauthenticated testIamPermissions what"
                    + " allUsers holds (read-only; never downloads an object). A hit proves public; a miss proves"
                    + " nothing.")
    boolean probeAnonymous;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16", converter = Converters.Positive.class,
            description = "How many buckets to read at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Mixin
    GcpTrustOptions gcpTrust;

    ScanGcpCommand(Environment environment) {
        super(environment);
    }

    @Override
    protected Provider provider() {
        try {
            return new GcpProvider(new GcpOptions(projects, endpoint, objectSample, probeAnonymous, concurrency),
                    environment.env());
        } catch (IllegalArgumentException e) {
            throw usageError((endpoint != null ? "--endpoint: " : "STORAGE_EMULATOR_HOST: ")
                    + Environment.oneLine(e.getMessage()));
        }
    }

    @Override
    protected Set<String> trustedOwners() {
        return gcpTrust.owners();
    }

    @Override
    protected String defaultSarifLocation() {
        return "gcp";
    }
}
