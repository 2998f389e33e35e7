package dev.bucketguard.cloud.gcp;

import java.util.List;

/**
 * Cloud Storage's Data Access audit logs of reads ({@code DATA_READ}) as the IAM audit configuration of the project and
 * its readable ancestors sets them ({@link GcpFacts#DATA_ACCESS_AUDIT}). Audit configurations add up down the
 * hierarchy: a log type enabled on the organisation, a folder or the project, for {@code storage.googleapis.com} or
 * {@code allServices}, is enabled, and a member exempted at any of them is exempted.
 *
 * @param dataRead        true when DATA_READ is enabled somewhere; false when it is enabled nowhere and every ancestor
 *                        was read; null when it is enabled nowhere that was read and an ancestor could not be read
 * @param enabledAt       where it is enabled: {@code projects/applicants-prod (storage.googleapis.com)}, sorted
 * @param exemptedMembers the members whose reads are not logged, sorted
 * @param unreadAncestors the folders and organisation (or the project's ancestry) that could not be read, each with
 *                        the call and the permission it needs
 */
public record DataAccessAudit(Boolean dataRead, List<String> enabledAt, List<String> exemptedMembers,
                              List<String> unreadAncestors) {
    public DataAccessAudit {
        enabledAt = enabledAt == null ? List.of() : List.copyOf(new java.util.TreeSet<>(enabledAt));
        exemptedMembers = exemptedMembers == null ? List.of()
                : List.copyOf(new java.util.TreeSet<>(exemptedMembers));
        unreadAncestors = unreadAncestors == null ? List.of() : List.copyOf(unreadAncestors);
    }
}
