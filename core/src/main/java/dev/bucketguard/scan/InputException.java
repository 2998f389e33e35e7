package dev.bucketguard.scan;

/** A file or option the user gave is malformed. The message is one line naming the place. Exit code 2. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
