package dev.bucketguard.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts API calls and HTTP attempts per operation, so that a benchmark can report calls per bucket and a test can
 * prove that unrequested facts cost no calls. Thread-safe.
 */
final class CallCounter implements ExecutionInterceptor {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        count(calls, attributes);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        count(attempts, attributes);
    }

    /** Counts one call (and its first attempt) made outside the SDK's clients, such as Organizations. */
    void record(String name) {
        calls.computeIfAbsent(name, k -> new LongAdder()).increment();
        attempts.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    private static void count(Map<String, LongAdder> counts, ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        // S3 operations keep their bare names; the other services' are prefixed ("S3Control:GetPublicAccessBlock"),
        // since S3 and S3 Control share operation names.
        String name = (service == null || "S3".equals(service) ? "" : service + ":") + (op == null ? "?" : op);
        counts.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    /** API calls per operation name (retries not counted), sorted by name; non-S3 services prefixed. */
    Map<String, Long> calls() {
        return snapshot(calls);
    }

    /** HTTP attempts per operation name (retries counted), sorted by name. */
    Map<String, Long> attempts() {
        return snapshot(attempts);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
