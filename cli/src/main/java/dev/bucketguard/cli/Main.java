package dev.bucketguard.cli;

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
        System.exit(run(out, err, System.getenv(), System.console() != null, args));
    }

    /**
     * Runs one command line.
     *
     * @param tty whether stdout and stderr are a terminal (colour and progress)
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, boolean tty, String... args) {
        Environment environment = new Environment(out, err, env, tty);
        CommandLine cli = new CommandLine(new BucketguardCommand(), new Factory(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(Errors::exitCode);
        cli.setExecutionExceptionHandler(new Errors(environment));
        cli.setParameterExceptionHandler(Errors::onParameterError);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(environment.colour()
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        documentExitCodes(cli);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
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
