package dev.bucketguard.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A worker's exception stays one resource's failure; a worker's Error (out of memory) is the whole scan's. */
class WorkersTest {
    @Test
    void aResultIsReturned() throws Exception {
        assertEquals("bucket", Workers.result(CompletableFuture.completedFuture("bucket")));
    }

    @Test
    void anExceptionStaysWrappedForTheProviderToRecord() {
        IllegalStateException cause = new IllegalStateException("denied");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> Workers.result(CompletableFuture.failedFuture(cause)));
        assertSame(cause, e.getCause());
    }

    @Test
    void anOutOfMemoryErrorIsThrownAsItIs() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class,
                () -> Workers.result(CompletableFuture.failedFuture(oom))));
    }
}
