package dev.bucketguard.cli;

import dev.bucketguard.scan.Version;
import picocli.CommandLine.IVersionProvider;

/** Prints the version the build stamped into core. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"bucketguard " + Version.current()};
    }
}
