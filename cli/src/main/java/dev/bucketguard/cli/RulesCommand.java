package dev.bucketguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.ModelJson;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleMetadata;
import dev.bucketguard.scan.InputException;
import dev.bucketguard.scan.RuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bucketguard rules list|explain}. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the rules, or explains one.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Explain.class})
final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: list or explain");
    }

    static RuleSet all() {
        return RuleSet.discover(RulesCommand.class.getClassLoader());
    }

    /** {@code bucketguard rules list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every rule: id, severity, title.")
    static final class ListRules implements Callable<Integer> {
        private final Environment environment;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text or json. Default: ${DEFAULT-VALUE}.")
        String format;

        ListRules(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            RuleSet rules = all();
            PrintWriter out = environment.out();
            switch (format) {
                case "text" -> {
                    int width = rules.metadata().stream().mapToInt(m -> m.id().length()).max().orElse(10);
                    out.printf("%-" + width + "s  %-8s  %s%n", "RULE", "SEVERITY", "TITLE");
                    for (RuleMetadata m : rules.metadata()) {
                        out.printf("%-" + width + "s  %-8s  %s%n", m.id(), m.severity().lower(), m.title());
                    }
                }
                case "json" -> {
                    ObjectMapper json = ModelJson.mapper();
                    ArrayNode array = json.createArrayNode();
                    rules.metadata().forEach(m -> array.add(json.valueToTree(m)));
                    out.println(json.writeValueAsString(array));
                }
                default -> throw new InputException("--format: '" + format + "' is not one of text, json");
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }

    /** {@code bucketguard rules explain ID}. */
    @Command(name = "explain", mixinStandardHelpOptions = true,
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
            Rule rule = all().get(id);
            if (rule == null) {
                throw new InputException("no rule '" + id + "' (see 'bucketguard rules list')");
            }
            RuleMetadata m = rule.metadata();
            PrintWriter out = environment.out();
            out.println(m.id() + "  [" + m.severity().lower() + "]");
            out.println(m.title());
            out.println();
            section(out, "What it checks", m.description());
            section(out, "Risk", m.risk());
            section(out, "Fix in the console", m.remediation().console());
            section(out, "Fix with the CLI", m.remediation().cli());
            section(out, "Fix with Terraform", m.remediation().terraform());
            out.println("Reads:");
            for (Fact f : m.requires()) {
                out.println("  " + f.name());
            }
            out.println();
            out.println("References:");
            m.allReferences().forEach(r -> out.println("  " + r));
            out.flush();
            return ExitCode.OK.code();
        }

        private static void section(PrintWriter out, String title, String body) {
            out.println(title + ":");
            body.lines().forEach(l -> out.println("  " + l));
            out.println();
        }
    }
}
