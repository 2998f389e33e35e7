package dev.bucketguard.salesforce;

import java.util.function.Function;

/**
 * The outcome of one query: its value, or why it could not be read (the call, the permission it needs, the error).
 * A refused query is never an empty list.
 *
 * @param value      what was read; null when it failed
 * @param call       the query, shortened to {@code query Site} / {@code tooling ApexClass}
 * @param permission the permission that reads it, for people: {@code View Setup and Configuration}
 * @param error      what went wrong; null when read
 */
record Read<T>(T value, String call, String permission, String error) {

    static <T> Read<T> ok(T value, String call, String permission) {
        return new Read<>(value, call, permission, null);
    }

    static <T> Read<T> failed(String call, String permission, String error) {
        return new Read<>(null, call, permission, error);
    }

    boolean ok() {
        return error == null;
    }

    /** The same outcome with the value mapped; a failure stays the same failure. */
    <U> Read<U> map(Function<T, U> f) {
        return ok() ? new Read<>(f.apply(value), call, permission, null) : new Read<>(null, call, permission, error);
    }
}
