package dev.bucketguard.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.spi.Clouds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code scan snapshot} judges every cloud with no cloud SDK on the class path. */
class SdkFreeClassPathTest {
    @Test
    void noCloudSdkIsOnTheClassPath() {
        for (String sdk : List.of("software.amazon.awssdk.core.SdkClient",
                "software.amazon.awssdk.services.s3.S3Client", "com.azure.core.http.HttpClient",
                "com.azure.storage.blob.BlobServiceClient", "com.google.cloud.storage.Storage",
                "com.google.cloud.ServiceOptions")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(sdk), sdk + " is on the class path");
        }
    }

    @Test
    void theBundledExampleIsJudgedForEveryCloudItHolds() {
        Set<String> clouds = new TreeSet<>(Clouds.discover().ids());
        assertEquals(Set.of("aws", "azure", "gcp", "salesforce"), clouds, "clouds on the class path");
        ScanReport report = Scanner.builder()
                .provider(new SnapshotProvider(Path.of("../../examples/account-opening.snapshot.json"))).build()
                .scan();
        assertEquals(List.of(), report.errors());
        Map<String, Integer> judged = new TreeMap<>();
        report.resources().forEach(r -> {
            if (r.verdict().exposure() != Exposure.UNKNOWN || !r.verdict().reasons().isEmpty()) {
                judged.merge(r.resource().provider(), 1, Integer::sum);
            }
        });
        assertEquals(Map.of("aws", 5, "azure", 1, "gcp", 2, "salesforce", 3), judged);
    }
}
