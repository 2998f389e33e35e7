package dev.bucketguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code bucketguard}: finds cloud storage settings that expose data to third parties. Its standard options
 * ({@code -h}/{@code --help}, {@code -V}/{@code --version}) and version are inherited by every subcommand, at any depth.
 * Its subcommands ({@code scan}, {@code rules}) are added by {@link Main#commandLine}, which can leave out the scan
 * tree when the command line does not need it.
 */
@Command(name = "bucketguard",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds cloud storage settings that expose data to third parties, explains why, and fails a"
                + " CI pipeline before such a setting ships.")
final class BucketguardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** No subcommand: a usage error; the usage goes to stderr, so that a script's stdout stays clean. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr(), spec.commandLine().getColorScheme());
        spec.commandLine().getErr().flush();
        return ExitCode.USAGE.code();
    }
}
