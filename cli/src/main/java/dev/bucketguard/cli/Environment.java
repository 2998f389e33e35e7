package dev.bucketguard.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Where a command writes and what it may read of its surroundings.
 *
 * @param out reports (stdout)
 * @param err errors and progress (stderr)
 * @param env environment variables
 * @param tty whether the terminal is interactive
 */
record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, boolean tty) {
    /** Colour only on a terminal, and never with NO_COLOR set (to anything: see no-color.org). */
    boolean colour() {
        return tty && !env.containsKey("NO_COLOR");
    }

    /** One line on stderr: "bucketguard: error: ...". Never a stack trace. */
    void error(String message) {
        err.println("bucketguard: error: " + oneLine(message));
        err.flush();
    }

    void warn(String message) {
        err.println("bucketguard: warning: " + oneLine(message));
        err.flush();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
