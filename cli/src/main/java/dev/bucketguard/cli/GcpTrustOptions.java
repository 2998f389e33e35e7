package dev.bucketguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * Google Cloud's own trust flags, shared by {@code scan gcp} and {@code scan snapshot}: members of these domains and
 * projects count as the owner's. The bucket's own project (by id and by number) always does.
 */
final class GcpTrustOptions {
    @Option(names = "--trusted-domains", split = ",", paramLabel = "DOMAIN",
            description = "Domains whose user:, group: and domain: members count as yours (exactly these domains,"
                    + " not their subdomains).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--trusted-projects", split = ",", paramLabel = "PROJECT",
            description = "Google Cloud projects, by id or number, whose service accounts, project roles and"
                    + " principals count as yours. IAM names projects by id and ACLs by number: give both forms to"
                    + " trust a project in both.")
    List<String> projects = new ArrayList<>();

    /** The trusted domains and projects, lower-cased, for the trust zone's owner ids. */
    Set<String> owners() {
        Set<String> out = new TreeSet<>();
        for (String d : domains) {
            if (!d.isBlank()) {
                out.add(d.strip().toLowerCase(Locale.ROOT));
            }
        }
        for (String p : projects) {
            if (!p.isBlank()) {
                out.add(p.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
