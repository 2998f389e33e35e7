package dev.bucketguard.provider;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for a provider's worker task. A task that failed with an exception is one resource's failure, which the
 * provider records and scans on; one that failed with an {@link Error} (the heap ran out) is the whole scan's, and is
 * thrown as it is, so that the command reports it as such (exit 3) instead of as one unreadable resource.
 */
public final class Workers {
    private Workers() {
    }

    /**
     * The task's result, as {@link Future#get()} gives it, except that an {@link Error} the task threw is thrown
     * itself rather than wrapped in an {@link ExecutionException}.
     */
    public static <T> T result(Future<T> task) throws ExecutionException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
