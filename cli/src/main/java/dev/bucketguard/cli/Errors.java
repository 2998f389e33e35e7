package dev.bucketguard.cli;

import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.scan.InputException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps every failure to one line on stderr and an {@link ExitCode}. Exit 2 is for picocli's own parameter errors and
 * the library's declared input errors ({@link InputException}, a {@link ProviderException} caused by input) only;
 * anything else, an {@link IllegalArgumentException} included, is a bug: exit 1.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    private final Environment environment;

    Errors(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof ParameterException p) {
            return onParameterError(p, new String[0]);
        }
        if (e instanceof InputException) {
            environment.error(e.getMessage());
            return ExitCode.USAGE.code();
        }
        if (e instanceof ProviderException p) {
            environment.error(p.getMessage());
            return p.inputError() ? ExitCode.USAGE.code() : ExitCode.INCOMPLETE.code();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                // From a worker thread of a provider's scan, wrapped by the future that carried it.
                return outOfMemory(environment);
            }
        }
        environment.error("internal error: " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + Environment.oneLine(e.getMessage()))
                + " (please report this; run with BUCKETGUARD_DEBUG=1 for a stack trace)");
        if (environment.env().containsKey("BUCKETGUARD_DEBUG")) {
            e.printStackTrace(environment.err());
            environment.err().flush();
        }
        return ExitCode.INTERNAL.code();
    }

    /** The heap ran out: one line saying how large it was and how to give the JVM more, and exit 3. */
    static int outOfMemory(Environment environment) {
        long mib = Runtime.getRuntime().maxMemory() >> 20;
        environment.error("out of memory: this scan needs more than the " + mib + " MiB of Java heap it was given;"
                + " give it more, for example BUCKETGUARD_JAVA_OPTS=-Xmx4g with bin/bucketguard, or"
                + " java -Xmx4g -jar bucketguard.jar");
        return ExitCode.OUT_OF_MEMORY.code();
    }

    /** A picocli parameter error, or a {@link ParameterException} a command threw: the error, then where help is. */
    static int onParameterError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("bucketguard: error: " + Environment.oneLine(e.getMessage()));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        cmd.getErr().flush();
        return ExitCode.USAGE.code();
    }

    static int exitCode(Throwable t) {
        return t instanceof ParameterException ? ExitCode.USAGE.code() : ExitCode.INTERNAL.code();
    }
}
