package dev.bucketguard.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The entry point. Tests call {@link #run} with their own writers and environment. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, System.getenv(), isTerminal(System.console()), args));
    }

    /**
     * Whether stdout is an interactive terminal. Up to Java 21 a console exists only then; from Java 22 one may exist
     * for redirected output too, and {@code Console.isTerminal()} tells.
     */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return true; // Java 17 to 21: a console is a terminal
        }
    }

    /**
     * Runs one command line.
     *
     * @param env the environment variables ({@code NO_COLOR}, {@code TERM}, {@code BUCKETGUARD_DEBUG})
     * @param tty whether stdout is an interactive terminal (colour and progress)
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, boolean tty, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli would print, without building the whole command tree first (most of a cold start).
            out.println(new VersionProvider().getVersion()[0]);
            out.flush();
            return ExitCode.OK.code();
        }
        Environment environment = new Environment(out, err, env, tty);
        // `rules ...` never reaches the scan commands: building their many options is most of its cold start.
        boolean rulesOnly = args.length > 0 && args[0].equals("rules");
        int code;
        try {
            code = commandLine(environment, !rulesOnly).execute(args);
        } catch (OutOfMemoryError e) {
            // Thrown past picocli, which handles exceptions only; the scan's data is unreachable by now.
            code = Errors.outOfMemory(environment, e);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command tree, wired to the environment: its writers, its error handling, its colour decision. */
    static CommandLine commandLine(Environment environment) {
        return commandLine(environment, true);
    }

    /** The command tree with {@code rules}, and with {@code scan} when {@code withScan}. */
    static CommandLine commandLine(Environment environment, boolean withScan) {
        Factory factory = new Factory(environment);
        CommandLine cli = new CommandLine(new BucketguardCommand(), factory);
        if (withScan) {
            cli.addSubcommand(new CommandLine(ScanCommand.class, factory));
        }
        cli.addSubcommand(new CommandLine(RulesCommand.class, factory));
        cli.setOut(environment.out());
        cli.setErr(environment.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(Errors::exitCode);
        cli.setExecutionExceptionHandler(new Errors(environment));
        cli.setParameterExceptionHandler(Errors::onParameterError);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(environment.colour()
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        documentExitCodes(cli);
        return cli;
    }

    /** Every command's --help lists the exit codes, from the one {@link ExitCode} enum. */
    private static void documentExitCodes(CommandLine cmd) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(String.format("%2d", c.code()), c.meaning());
        }
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cmd.getSubcommands().values().forEach(Main::documentExitCodes);
    }

    /** Gives every command the environment it runs in, instead of reaching for System.* itself. */
    private record Factory(Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Environment.class).newInstance(environment);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
