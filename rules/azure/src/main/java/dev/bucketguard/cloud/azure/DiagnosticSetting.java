package dev.bucketguard.cloud.azure;

import java.util.List;
import java.util.Objects;

/**
 * One diagnostic setting of the account's blob service ({@link AzureFacts#DIAGNOSTIC_SETTINGS}).
 *
 * @param name         the setting's name
 * @param enabledLogs  the log categories and category groups it has enabled, as ARM spells them
 *                     ({@code StorageRead}, {@code allLogs}, {@code audit}, ...), sorted
 * @param destinations where it sends them
 */
public record DiagnosticSetting(String name, List<String> enabledLogs, List<LogDestination> destinations) {
    /** The category that records reads, and the category groups that include it. */
    public static final List<String> READ_LOGS = List.of("StorageRead", "allLogs", "audit");

    public DiagnosticSetting {
        Objects.requireNonNull(name, "missing required field 'name'");
        enabledLogs = enabledLogs == null ? List.of() : List.copyOf(new java.util.TreeSet<>(enabledLogs));
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /** True when the setting sends the {@code StorageRead} category somewhere: reads are recorded. */
    public boolean recordsReads() {
        return !destinations.isEmpty() && enabledLogs.stream().anyMatch(l -> READ_LOGS.stream()
                .anyMatch(l::equalsIgnoreCase));
    }
}
