package dev.bucketguard.cloud.salesforce;

import java.util.List;

/**
 * A field's data classification ({@code FieldDefinition}, Tooling).
 *
 * @param securityClassification {@code SecurityClassification} verbatim ({@code Public}, {@code Internal},
 *                               {@code Confidential}, {@code Restricted}, {@code MissionCritical}); null when unset
 * @param complianceGroups       {@code ComplianceGroup} values ({@code PII}, {@code GDPR}, ...), sorted; empty when unset
 */
public record FieldClassification(String securityClassification, List<String> complianceGroups) {
    public static final FieldClassification UNCLASSIFIED = new FieldClassification(null, List.of());

    public FieldClassification {
        complianceGroups = Lists.names(complianceGroups);
    }

    /** True when neither value is set: the field's name decides (SALESFORCE.md 4). */
    public boolean unclassified() {
        return securityClassification == null && complianceGroups.isEmpty();
    }
}
