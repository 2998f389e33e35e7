package dev.bucketguard.cli;

/** Every exit code bucketguard uses; documented in {@code --help} and the README. */
public enum ExitCode {
    /** Nothing failed at or above the --fail-on threshold, and the scan read everything it needed. */
    OK(0, "nothing failed at or above the --fail-on threshold"),
    /** A bug in bucketguard. */
    INTERNAL(1, "internal error (a bug: please report it)"),
    /** A bad flag, a malformed file (snapshot, suppressions, baseline, policy), missing credentials. */
    USAGE(2, "usage or input error: a bad flag or a malformed file"),
    /** The JVM ran out of memory, usually the heap: the scan is too large for what it was given, not wrong. */
    OUT_OF_MEMORY(3, "out of memory: the message says what ran out and, for the Java heap, how to give it more"),
    /** Failing findings at or above the threshold. */
    FAILED(4, "failing findings at or above the --fail-on threshold"),
    /** The scan could not read everything it needed, and nothing else failed. */
    INCOMPLETE(5, "the scan could not read everything it needed; --no-fail-on-unknown waves UNKNOWN verdicts and"
            + " findings through, never a listing or account that could not be read");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
