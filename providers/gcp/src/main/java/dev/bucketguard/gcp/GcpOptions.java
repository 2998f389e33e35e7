package dev.bucketguard.gcp;

import java.net.URI;
import java.util.List;

/**
 * How to reach Google Cloud.
 *
 * @param projects       the projects whose buckets to scan; empty for the Application Default Credentials' project
 * @param endpoint       one base URL for every Google API the scanner calls (an emulator or stub), reached over
 *                       HTTP/JSON with no credentials; null to use {@code STORAGE_EMULATOR_HOST} or Google
 * @param objectSample   how many object ACLs to read per bucket whose ACLs are in force; 0 for none
 * @param probeAnonymous ask the unauthenticated {@code testIamPermissions} of buckets judged public or unknown
 * @param concurrency    how many buckets to read at once
 */
public record GcpOptions(List<String> projects, URI endpoint, int objectSample, boolean probeAnonymous,
                         int concurrency) {
    public GcpOptions {
        projects = projects == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(projects));
        if (objectSample < 0) {
            throw new IllegalArgumentException("objectSample must be 0 or more, not " + objectSample);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
        }
    }

    public static GcpOptions defaults() {
        return new GcpOptions(List.of(), null, 0, false, 16);
    }
}
