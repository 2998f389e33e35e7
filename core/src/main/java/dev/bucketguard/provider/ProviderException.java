package dev.bucketguard.provider;

/**
 * A provider could not start at all (no credentials, an unreadable snapshot file). The message is one line for
 * people and never contains secrets.
 */
public class ProviderException extends RuntimeException {
    private final boolean inputError;

    public ProviderException(String message, boolean inputError) {
        super(message);
        this.inputError = inputError;
    }

    public ProviderException(String message, boolean inputError, Throwable cause) {
        super(message, cause);
        this.inputError = inputError;
    }

    /** True when bad input (a file, a flag) caused it: exit code 2 rather than 1. */
    public boolean inputError() {
        return inputError;
    }
}
