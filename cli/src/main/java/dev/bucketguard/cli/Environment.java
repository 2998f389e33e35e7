package dev.bucketguard.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Where a command writes and what it may read of its surroundings. {@link Main#main} fills it from the process; tests
 * give their own, so every decision that depends on the surroundings (colour, progress) can be tested.
 *
 * @param out reports (stdout)
 * @param err errors and progress (stderr)
 * @param env environment variables
 * @param tty whether stdout is an interactive terminal
 */
record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, boolean tty) {
    Environment {
        env = Map.copyOf(env);
    }

    /** Whether the reports and the help may be coloured: see {@link #colour(Map, boolean)}. */
    boolean colour() {
        return colour(env, tty);
    }

    /**
     * The colour decision: only on a terminal, never with {@code NO_COLOR} set (to anything, even empty: the user
     * asked for no colour), and never on a terminal that says it cannot show it ({@code TERM=dumb}).
     */
    static boolean colour(Map<String, String> env, boolean terminal) {
        return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    /** The width prose is wrapped to when there is no terminal to ask, or it does not say. */
    static final int DEFAULT_COLUMNS = 100;
    /** Narrower than this, a wrapped line would hold a word or two: the width is taken as this instead. */
    static final int MIN_COLUMNS = 40;

    /**
     * The width of the terminal, for prose: {@code COLUMNS} when it is set to a number (at least {@value #MIN_COLUMNS}),
     * else {@value #DEFAULT_COLUMNS}. A JVM cannot ask the terminal itself, and shells set {@code COLUMNS} without
     * exporting it, so a terminal that does not export it gets the default too.
     */
    int columns() {
        String c = env.get("COLUMNS");
        if (c != null && c.strip().matches("[0-9]{1,6}")) {
            return Math.max(MIN_COLUMNS, Integer.parseInt(c.strip()));
        }
        return DEFAULT_COLUMNS;
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

    /**
     * One line that is safe for a terminal: line breaks become spaces, every other control character and every
     * bidirectional or invisible formatting character is shown as an escape.
     */
    static String oneLine(String s) {
        return s == null ? "" : dev.bucketguard.report.Printable.oneLine(s.replaceAll("[\\r\\n]+", " ").strip());
    }
}
