package dev.bucketguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.ModelJson;
import dev.bucketguard.report.Printable;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.scan.InputException;
import dev.bucketguard.scan.RuleSet;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bucketguard rules list|explain}. */
@Command(name = "rules",
        description = "Lists the rules, or explains one.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Explain.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }

    static RuleSet all() {
        return RuleSet.discover(RulesCommand.class.getClassLoader());
    }

    /** {@code bucketguard rules list}. */
    @Command(name = "list", description = "Lists every rule: id, severity, title.")
    static final class ListRules implements Callable<Integer> {
        /** What {@code rules list --format} takes. */
        enum Format {
            TEXT, JSON;

            /** The name users type and the help shows. */
            @Override
            public String toString() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        private final Environment environment;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "One of: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        Format format;

        ListRules(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            RuleSet rules = all();
            PrintWriter out = environment.out();
            switch (format) {
                case TEXT -> {
                    int width = rules.metadata().stream().mapToInt(m -> m.id().length()).max().orElse(10);
                    out.printf("%-" + width + "s  %-8s  %s%n", "RULE", "SEVERITY", "TITLE");
                    for (RuleMetadata m : rules.metadata()) {
                        out.printf("%-" + width + "s  %-8s  %s%n", m.id(), m.severity().lower(), m.title());
                    }
                }
                case JSON -> {
                    ObjectMapper json = ModelJson.mapper();
                    ArrayNode array = json.createArrayNode();
                    rules.metadata().forEach(m -> array.add(json.valueToTree(m)));
                    out.println(json.writeValueAsString(array));
                }
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }

    /** {@code bucketguard rules explain ID}. */
    @Command(name = "explain",
            description = "Explains one rule: what it checks, the risk, how to fix it, references.")
    static final class Explain implements Callable<Integer> {
        private final Environment environment;

        @Parameters(index = "0", paramLabel = "ID", description = "The rule id, e.g. aws.s3.public-policy.")
        String id;

        Explain(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            // The set's metadata carries the compliance references of the frameworks' mapping files too.
            RuleMetadata m = all().metadata(id);
            if (m == null) {
                throw new InputException("no rule '" + id + "' (see 'bucketguard rules list')");
            }
            PrintWriter out = environment.out();
            int width = environment.columns();
            out.println(m.id() + "  [" + m.severity().lower() + "]");
            Printable.wrap(m.title(), "", width).forEach(out::println);
            out.println();
            prose(out, width, "What it checks", m.description());
            prose(out, width, "Risk", m.risk());
            prose(out, width, "Fix in the console", m.remediation().console());
            // Commands and Terraform are copied and pasted: a line break inside them would break them.
            verbatim(out, "Fix with the CLI", m.remediation().cli());
            verbatim(out, "Fix with Terraform", m.remediation().terraform());
            out.println("Reads:");
            for (Fact f : m.facts()) {
                out.println("  " + f.name());
            }
            out.println();
            out.println("References:");
            m.allReferences().forEach(r -> Printable.wrap("  " + r, "    ", width).forEach(out::println));
            out.flush();
            return ExitCode.OK.code();
        }

        /** A section of prose, each paragraph wrapped to the terminal under a two-space indent. */
        private static void prose(PrintWriter out, int width, String title, String body) {
            out.println(title + ":");
            body.lines().forEach(l -> Printable.wrap("  " + l, "  ", width).forEach(out::println));
            out.println();
        }

        private static void verbatim(PrintWriter out, String title, String body) {
            out.println(title + ":");
            body.lines().forEach(l -> out.println("  " + l));
            out.println();
        }
    }
}
