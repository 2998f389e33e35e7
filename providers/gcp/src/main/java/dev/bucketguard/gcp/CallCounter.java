package dev.bucketguard.gcp;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts HTTP attempts per API method (retries counted), so that a benchmark can report calls per bucket and a test
 * can prove that unrequested facts cost no calls. Thread-safe.
 */
final class CallCounter {
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();

    void attempt(String operation) {
        attempts.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    /** HTTP attempts per API method, sorted by name. */
    Map<String, Long> attempts() {
        Map<String, Long> out = new TreeMap<>();
        attempts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
