package dev.bucketguard.cloud.salesforce;

import java.util.List;

/**
 * A flow the guest may run ({@code SetupEntityAccess}, {@code FlowDefinition}; {@link SalesforceFacts#FLOWS}).
 *
 * @param id             the flow definition id
 * @param name           its API name
 * @param active         an active version exists
 * @param processType    {@code Flow.ProcessType}, verbatim
 * @param runInMode      {@code Flow.RunInMode} verbatim: {@code DefaultMode}, {@code SystemModeWithSharing},
 *                       {@code SystemModeWithoutSharing} (⚠ values per peers); null when not read
 * @param objects        the objects its record elements name (lookups, creates, updates, deletes, choice sets, the
 *                       start's object; Tooling {@code Flow.Metadata}), sorted
 * @param objectsUnread  true when its metadata could not be read, so the objects it reaches are unknown
 * @param via            the profile or permission sets granting it, sorted
 */
public record FlowAccess(String id, String name, boolean active, String processType, String runInMode,
                         List<String> objects, boolean objectsUnread, List<String> via) {
    public static final String DEFAULT_MODE = "DefaultMode";
    public static final String SYSTEM_WITH_SHARING = "SystemModeWithSharing";
    public static final String SYSTEM_WITHOUT_SHARING = "SystemModeWithoutSharing";

    /** The run modes bucketguard knows (⚠ per peers); any other value is judged as unread. */
    public static final java.util.Set<String> KNOWN_MODES = java.util.Set.of(DEFAULT_MODE, SYSTEM_WITH_SHARING,
            SYSTEM_WITHOUT_SHARING);

    public FlowAccess {
        Lists.require(name, "name");
        objects = Lists.names(objects);
        via = Lists.names(via);
    }

    /** The run mode was read and is one bucketguard knows. */
    public boolean runModeKnown() {
        return runInMode != null && KNOWN_MODES.contains(runInMode);
    }
}
