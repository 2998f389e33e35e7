package dev.bucketguard.salesforce;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts HTTP requests sent, per operation ({@code query Site}, {@code tooling ApexClass}, retries and pages
 * counted), so that a benchmark can report API calls per site and per link (Salesforce counts every one against the
 * org's daily limit) and a test can prove what was never sent. Thread-safe.
 */
final class CallCounter {
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();

    void sent(String operation) {
        sent.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    /** Requests per operation, sorted by name. */
    Map<String, Long> sent() {
        Map<String, Long> out = new TreeMap<>();
        sent.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long total() {
        return sent.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
