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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                // Wrapped on its way from a thread that is not the command's own; before any other kind, which may
                // carry it as a cause.
                return outOfMemory(environment, oom);
            }
        }
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
        environment.error("internal error: " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + Environment.oneLine(e.getMessage()))
                + " (please report this; run with BUCKETGUARD_DEBUG=1 for a stack trace)");
        if (environment.env().containsKey("BUCKETGUARD_DEBUG")) {
            e.printStackTrace(environment.err());
            environment.err().flush();
        }
        return ExitCode.INTERNAL.code();
    }

    /**
     * The JVM ran out of memory: one line and exit 3. When it is the heap, the line says how large it was and how to
     * give the JVM more; any other kind (threads, metaspace, direct buffers) is named in the JVM's words, since a
     * larger heap would not help.
     */
    static int outOfMemory(Environment environment, OutOfMemoryError e) {
        String what = e.getMessage() == null ? "" : e.getMessage();
        if (what.isEmpty() || what.equals("Java heap space") || what.startsWith("GC overhead limit exceeded")
                || what.startsWith("Requested array size exceeds VM limit")) {
            long mib = Runtime.getRuntime().maxMemory() >> 20;
            environment.error("out of memory: this scan needs more than the " + mib + " MiB of Java heap it was"
                    + " given; give it more, for example BUCKETGUARD_JAVA_OPTS=-Xmx4g with bin/bucketguard, or"
                    + " java -Xmx4g -jar bucketguard.jar");
        } else {
            environment.error("out of memory: " + what + " (the Java heap limit does not change this kind)");
        }
        if (environment.env().containsKey("BUCKETGUARD_DEBUG")) {
            e.printStackTrace(environment.err());
            environment.err().flush();
        }
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
