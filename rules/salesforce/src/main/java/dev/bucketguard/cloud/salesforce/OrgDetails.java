package dev.bucketguard.cloud.salesforce;

import java.util.Comparator;
import java.util.List;

/**
 * What Salesforce knows about the org itself (kind {@code ORG}): org-wide settings that no site or link owns. A
 * non-list component is non-null exactly when the resource knows its fact; the lists are never null.
 *
 * @param sites              the sites read, by resource id, sorted ({@link SalesforceFacts#SITES}); the org is UNKNOWN
 *                           when they could not be read at all
 * @param publicSites        the sites whose verdict the provider found PUBLIC, sorted: the logging rules compare log
 *                           coverage with them ({@link SalesforceFacts#SITES})
 * @param eventLogs          which event logs exist and how far back ({@link SalesforceFacts#EVENT_LOGS})
 * @param eventSettings      {@code EventSettings} ({@link SalesforceFacts#EVENT_SETTINGS}, Metadata API)
 * @param healthCheck        Health Check risks ({@link SalesforceFacts#HEALTH_CHECK})
 * @param scanner            the scanning user's permissions ({@link SalesforceFacts#SCANNER_PERMISSIONS})
 * @param linkInventory      how complete the list of public links is ({@link SalesforceFacts#CONTENT_DISTRIBUTION})
 */
public record OrgDetails(
        List<String> sites,
        List<String> publicSites,
        EventLogs eventLogs,
        EventSettings eventSettings,
        List<HealthCheckRisk> healthCheck,
        ScannerPermissions scanner,
        LinkInventory linkInventory) {

    public static final OrgDetails UNREAD = new OrgDetails(null, null, null, null, null, null, null);

    public OrgDetails {
        sites = Lists.names(sites);
        publicSites = Lists.names(publicSites);
        healthCheck = Lists.sorted(healthCheck, Comparator.comparing(HealthCheckRisk::riskType)
                .thenComparing(HealthCheckRisk::settingGroup, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(HealthCheckRisk::setting));
    }

    /**
     * Which event logs the org produces ({@code EventLogFile} metadata only; never a log body).
     *
     * @param types         the event types present over the last two days, sorted (⚠ approximates the licence)
     * @param retentionDays the age in days of the oldest log file (⚠ approximates retention); null when there is none
     */
    public record EventLogs(List<String> types, Integer retentionDays) {
        /**
         * Event types that record a guest's reads of records. Not {@code ApexCallout}: it records the requests Apex
         * sends out, not the records a visitor reads.
         */
        public static final List<String> GUEST_READ_TYPES = List.of("AuraRequest", "LightningPageView", "RestApi",
                "URI", "VisualforceRequest");

        /**
         * Event types that record a view of a public file link: {@code ContentDistribution} (ACTION {@code VIEW}, with
         * the delivery's id). Not {@code ContentTransfer}: it records downloads and previews of files, and is not
         * documented to cover a visitor of a public link.
         */
        public static final List<String> LINK_READ_TYPES = List.of("ContentDistribution");

        public EventLogs {
            types = Lists.names(types);
        }

        /** The types of {@link #GUEST_READ_TYPES} that are produced. */
        public List<String> guestReadTypes() {
            return types.stream().filter(GUEST_READ_TYPES::contains).toList();
        }

        /** The types of {@link #LINK_READ_TYPES} that are produced. */
        public List<String> linkReadTypes() {
            return types.stream().filter(LINK_READ_TYPES::contains).toList();
        }
    }

    /**
     * {@code EventSettings} (Metadata API). A field is null when the org's answer left it out.
     *
     * @param retentionDays         {@code eventLogRetentionDuration}
     * @param logGenerationEnabled  {@code enableEventLogGeneration}
     * @param deleteMonitoringData  {@code enableDeleteMonitoringData}: users may delete event log files
     */
    public record EventSettings(Integer retentionDays, Boolean logGenerationEnabled, Boolean deleteMonitoringData) {
    }

    /**
     * A {@code SecurityHealthCheckRisks} row.
     *
     * @param setting       {@code Setting}
     * @param settingGroup  {@code SettingGroup}
     * @param orgValue      {@code OrgValue}
     * @param standardValue {@code StandardValue}
     * @param riskType      {@code RiskType}: {@code HIGH_RISK}, {@code MEDIUM_RISK}, {@code LOW_RISK}, {@code INFORMATIONAL}
     */
    public record HealthCheckRisk(String setting, String settingGroup, String orgValue, String standardValue,
                                  String riskType) {
        public HealthCheckRisk {
            Lists.require(setting, "setting");
            Lists.require(riskType, "riskType");
        }
    }

    /**
     * The scanning user's permissions ({@code UserPermissionAccess}), named without the {@code Permissions} prefix.
     *
     * @param held the permissions it holds among those the scan can use, sorted
     */
    public record ScannerPermissions(List<String> held) {
        public static final String VIEW_SETUP = "ViewSetup";
        public static final String VIEW_ALL_DATA = "ViewAllData";
        public static final String QUERY_ALL_FILES = "QueryAllFiles";
        public static final String VIEW_EVENT_LOG_FILES = "ViewEventLogFiles";
        public static final String CREATE_SET_UP_EXPERIENCES = "CreateNetworks";
        public static final String MODIFY_METADATA = "ModifyMetadata";

        public ScannerPermissions {
            held = Lists.names(held);
        }

        public boolean holds(String permission) {
            return held.contains(permission);
        }
    }

    /**
     * The list of public links ({@code ContentDistribution}), which Salesforce shows only partly to most users.
     *
     * @param links    how many links the scan read
     * @param complete true when the scanning user holds Query All Files (⚠ its effect on ContentDistribution is not
     *                 documented; without it the list is partial by design)
     */
    public record LinkInventory(long links, boolean complete) {
    }
}
