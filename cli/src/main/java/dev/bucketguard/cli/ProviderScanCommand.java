package dev.bucketguard.cli;

import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.report.Reporter;
import dev.bucketguard.report.ReporterOptions;
import dev.bucketguard.report.Reporters;
import dev.bucketguard.scan.Baseline;
import dev.bucketguard.scan.Gate;
import dev.bucketguard.scan.InputException;
import dev.bucketguard.scan.RuleSet;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.scan.Suppression;
import dev.bucketguard.scan.Suppressions;
import dev.bucketguard.snapshot.Snapshot;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.ScanParameters;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code scan <provider>} subcommand: the shared options ({@link ScanOptions}), their checks, the
 * scan, the reports, the gate and the exit code. A provider's subcommand adds its own options and says only which
 * {@link Provider} to scan with and where SARIF results point by default.
 *
 * <p>Every option is checked before the provider is made, so a bad flag never costs a cloud call.
 */
abstract class ProviderScanCommand implements Callable<Integer> {
    protected final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ScanOptions options;

    protected ProviderScanCommand(Environment environment) {
        this.environment = environment;
    }

    /** The provider to scan with, from this subcommand's own options; throws {@link ParameterException} on bad ones. */
    protected abstract Provider provider();

    /** The file SARIF results point at when {@code --sarif-location} is not given. */
    protected abstract String defaultSarifLocation();

    /**
     * Owner ids beyond {@code --trusted-accounts} that this subcommand's own options trust (a cloud's tenants,
     * projects or domains, from that cloud's trust mixin); empty by default.
     */
    protected Set<String> trustedOwners() {
        return Set.of();
    }

    /**
     * The clouds whose verdicts judge what {@link #provider()} read (a plan's provider adds the reasons a plan needs);
     * every cloud on the class path by default. Called after {@link #provider()}.
     */
    protected Clouds clouds() {
        return Clouds.discover();
    }

    /** The reporter of one format; a provider whose resources have source files may place SARIF results in them. */
    protected Reporter reporter(Reporters format, ReporterOptions reporterOptions) {
        return format.create(reporterOptions);
    }

    /**
     * Rules this provider's resources can never decide (a fact only the live cloud has): left out unless named
     * exactly in {@code --rules}. Empty by default.
     */
    protected Set<String> rulesOutOfReach() {
        return Set.of();
    }

    /**
     * The scan's parameters: the shared options' ({@link ScanOptions#parameters()}) and those of this subcommand's
     * own flags. The shared ones by default.
     */
    protected ScanParameters parameters(ScanParameters shared) {
        return shared;
    }

    /** The zone of trust: the shared options' accounts and organisations, and {@link #trustedOwners()}. */
    protected final TrustZone trust() {
        Set<String> accounts = new HashSet<>(options.trustedAccounts);
        accounts.addAll(trustedOwners());
        return new TrustZone(accounts, new HashSet<>(options.trustedOrgs), new HashSet<>(options.trustedNetworks));
    }

    /** A usage error of this command: one line, then the pointer to {@code --help}; exit 2. */
    protected final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    @Override
    public final Integer call() {
        RuleSet all = RuleSet.discover(ProviderScanCommand.class.getClassLoader());
        RuleSet rules = rules(all);
        List<Output> outputs = outputs();
        Provider provider = provider();
        List<Suppression> suppressions = options.suppressions == null
                ? List.of() : Suppressions.load(options.suppressions, all);
        Baseline baseline = options.baseline == null ? Baseline.EMPTY : Baseline.load(options.baseline);
        Provider source = options.saveSnapshot == null ? provider : new SavingProvider(provider, options.saveSnapshot);

        ScanReport report = Scanner.builder()
                .provider(source)
                .rules(rules)
                .trust(trust())
                .parameters(parameters(options.parameters()))
                .clouds(clouds())
                .suppressions(suppressions)
                .baseline(baseline)
                .progress(progress())
                .build()
                .scan();

        for (Output o : outputs) {
            write(o, report);
        }
        report.warnings().forEach(environment::warn);
        for (ScanError e : report.errors()) {
            environment.err().println("bucketguard: " + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ": " + Environment.oneLine(e.message()));
        }
        environment.err().flush();
        return exitCode(report);
    }

    /** 4 wins over 2, and 2 over 5 (see the README). */
    private int exitCode(ScanReport report) {
        Gate.Outcome outcome = new Gate(options.failOn.severity, options.failOnUnknown).evaluate(report);
        if (outcome == Gate.Outcome.FAILED) {
            return ExitCode.FAILED.code();
        }
        if (report.errors().stream().anyMatch(e -> e.kind() == ScanError.Kind.INPUT)) {
            return ExitCode.USAGE.code();
        }
        return outcome == Gate.Outcome.INCOMPLETE ? ExitCode.INCOMPLETE.code() : ExitCode.OK.code();
    }

    /** The rules that {@code --rules} and {@code --exclude-rules} select; a pattern that matches none is a typo. */
    private RuleSet rules(RuleSet all) {
        requireMatches("--rules", options.rules, all);
        requireMatches("--exclude-rules", options.excludeRules, all);
        List<String> exclude = new ArrayList<>(options.excludeRules);
        rulesOutOfReach().stream().filter(id -> !options.rules.contains(id)).forEach(exclude::add);
        RuleSet selected = all.select(options.rules, exclude);
        if (selected.size() == 0) {
            // A scan with no rule would show public buckets and exit 0: nothing to gate on is a mistake.
            throw usageError("--exclude-rules " + String.join(",", options.excludeRules) + " leaves no rule of "
                    + (options.rules.isEmpty() ? "all " + all.size() : "--rules " + String.join(",", options.rules))
                    + " to run; select at least one rule");
        }
        return selected;
    }

    private void requireMatches(String option, List<String> patterns, RuleSet all) {
        for (String p : patterns) {
            Pattern glob = Pattern.compile(Pattern.quote(p).replace("*", "\\E.*\\Q"));
            if (all.metadata().stream().noneMatch(m -> glob.matcher(m.id()).matches())) {
                throw usageError(option + ": no rule matches '" + p + "' (see 'bucketguard rules list')");
            }
        }
    }

    /** Progress on a terminal only; notices (the cloud is throttling) on stderr whatever it is, unless --quiet. */
    private Progress progress() {
        if (options.quiet) {
            return Progress.NONE;
        }
        boolean tty = environment.tty();
        return new Progress() {
            @Override
            public void report(String message) {
                if (tty) {
                    line(message);
                }
            }

            @Override
            public void notice(String message) {
                line(message);
            }

            private void line(String message) {
                synchronized (environment.err()) {
                    environment.err().println("bucketguard: " + Environment.oneLine(message));
                    environment.err().flush();
                }
            }
        };
    }

    /** A report format with where it goes (null path: stdout). */
    private record Output(Reporters format, Path path, Reporter reporter) {
    }

    private List<Output> outputs() {
        List<Reporters> formats = options.formats.isEmpty() ? List.of(Reporters.TEXT) : options.formats;
        if (options.outputs.size() > formats.size()) {
            throw usageError("--output: " + options.outputs.size() + " outputs for " + formats.size()
                    + " formats; give one --format per --output");
        }
        String sarifArtifact = options.sarifLocation != null ? options.sarifLocation : defaultSarifLocation();
        Set<Path> seen = new LinkedHashSet<>();
        List<Output> out = new ArrayList<>();
        int toStdout = 0;
        for (int i = 0; i < formats.size(); i++) {
            String target = i < options.outputs.size() ? options.outputs.get(i) : "-";
            Path path = target.equals("-") ? null : Path.of(target);
            if (path == null) {
                toStdout++;
            } else if (!seen.add(path.toAbsolutePath().normalize())) {
                throw usageError("--output: " + target + " is given twice");
            }
            out.add(new Output(formats.get(i), path, reporter(formats.get(i),
                    new ReporterOptions(path == null && environment.colour(), options.verbose, sarifArtifact,
                            options.failOn.severity))));
        }
        if (toStdout > 1) {
            throw usageError("--format: only one report can go to stdout; give the others an --output");
        }
        return out;
    }

    private void write(Output o, ScanReport report) {
        try {
            if (o.path() == null) {
                // Straight to stdout: a report of 100,000 resources is never held as one string.
                o.reporter().write(report, environment.out());
                environment.out().flush();
            } else {
                Path parent = o.path().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = Files.newBufferedWriter(o.path(), StandardCharsets.UTF_8)) {
                    o.reporter().write(report, w);
                }
            }
        } catch (IOException e) {
            throw new InputException("--output " + o.path() + ": cannot write: "
                    + dev.bucketguard.provider.IoErrors.describe(e));
        }
    }

    /** Saves what the wrapped provider read as a snapshot, then passes it on. */
    private record SavingProvider(Provider inner, Path file) implements Provider {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public Inventory collect(FactSelection facts, Progress progress) {
            Inventory inventory = inner.collect(facts, progress);
            try {
                Snapshot.write(inventory.resources(), file);
            } catch (IOException e) {
                throw new InputException("--save-snapshot " + file + ": cannot write: "
                        + dev.bucketguard.provider.IoErrors.describe(e));
            }
            return inventory;
        }
    }
}
