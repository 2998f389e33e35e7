package dev.bucketguard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process, as a user would from a shell, and keeps what it printed. */
final class Cli {
    static final Path EXAMPLE = Path.of("..", "examples", "account-opening.snapshot.json");

    static Path snapshot(String name) {
        return Path.of("src", "test", "resources", "snapshots", name);
    }

    /** What one run printed, and its exit code. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        return run(Map.of("NO_COLOR", "1"), false, args);
    }

    static Result run(Map<String, String> env, boolean tty, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new HashMap<>(env), tty, args);
        return new Result(code, out.toString(), err.toString());
    }

    private Cli() {
    }
}
