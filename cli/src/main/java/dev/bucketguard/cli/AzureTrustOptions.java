package dev.bucketguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * Azure's trust flag, shared by {@code scan azure} and {@code scan snapshot} (a snapshot may hold Azure resources).
 * A storage account's own tenant (read from its subscription) is always trusted.
 */
final class AzureTrustOptions {
    @Option(names = "--trusted-tenants", split = ",", paramLabel = "ID",
            description = "Entra ID tenants that count as yours (comma-separated), beyond each storage account's own"
                    + " tenant, which always does.")
    List<String> trustedTenants = new ArrayList<>();

    /** The tenants to add to the zone of trust. */
    Set<String> owners() {
        Set<String> out = new TreeSet<>();
        trustedTenants.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
