package dev.bucketguard.cloud.salesforce;

import java.util.Set;

/**
 * An object's org-wide sharing defaults ({@code EntityDefinition}, Tooling; {@link SalesforceFacts#EXTERNAL_SHARING}).
 * The external default applies to logged-in external members, never to guests.
 *
 * @param object          the object
 * @param internalModel   {@code InternalSharingModel} verbatim
 * @param externalModel   {@code ExternalSharingModel} verbatim; null when not read
 */
public record ExternalSharing(String object, String internalModel, String externalModel) {
    /** External defaults under which every member whose profile reads the object sees its records. */
    public static final Set<String> PUBLIC_READ = Set.of("Read", "Edit", "ReadWrite", "ReadEditTransfer", "All");
    /** External defaults under which members see only what is shared to them. */
    public static final Set<String> NOT_PUBLIC = Set.of("None", "Private", "ControlledByParent",
            "ControlledByLeadOrContact", "ControlledByCampaign");

    public ExternalSharing {
        Lists.require(object, "object");
    }

    /** True for a public-read external default, false for a known non-public one, null for a value not known here. */
    public Boolean publicRead() {
        if (externalModel != null && PUBLIC_READ.contains(externalModel)) {
            return true;
        }
        if (externalModel != null && NOT_PUBLIC.contains(externalModel)) {
            return false;
        }
        return null;
    }
}
