package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.forensics.Retention;
import dev.bucketguard.model.Resource;
import java.util.List;
import java.util.Objects;

/**
 * What the org's event logs record and for how long, read from the ORG resource: the one reading that the read audit
 * of its sites and links ({@link SalesforceCloud#readAudit}) and the {@code salesforce.logging} rules share. Retention
 * is {@code EventSettings.eventLogRetentionDuration} when the Metadata API was read, otherwise the span of the log
 * files present (⚠ an approximation, SALESFORCE.md section 3: the oldest file's age is not the setting).
 */
public final class EventLogCoverage {
    /** The permission that reads {@code EventLogFile}. */
    public static final String PERMISSION = "View Event Log Files";
    static final String SETTING = "EventSettings.eventLogRetentionDuration";

    private final OrgDetails.EventLogs logs;
    private final Integer settingDays;

    private EventLogCoverage(OrgDetails.EventLogs logs, Integer settingDays) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.settingDays = settingDays;
    }

    /** The coverage of an ORG resource whose {@link SalesforceFacts#EVENT_LOGS} is known. */
    public static EventLogCoverage of(Resource org) {
        if (!org.knows(SalesforceFacts.EVENT_LOGS)) {
            throw new IllegalArgumentException("the event logs of " + org.id() + " are not known");
        }
        OrgDetails o = SalesforceDetails.org(org);
        Integer setting = org.knows(SalesforceFacts.EVENT_SETTINGS) && o.eventSettings() != null
                ? o.eventSettings().retentionDays() : null;
        return new EventLogCoverage(o.eventLogs(), setting);
    }

    /** Every event type produced, sorted. */
    public List<String> types() {
        return logs.types();
    }

    /** The types produced that record a guest's reads ({@link OrgDetails.EventLogs#GUEST_READ_TYPES}). */
    public List<String> guestReadTypes() {
        return logs.guestReadTypes();
    }

    /** The types produced that record a view of a public link ({@link OrgDetails.EventLogs#LINK_READ_TYPES}). */
    public List<String> linkReadTypes() {
        return logs.linkReadTypes();
    }

    /** How many days the logs are kept: the setting, else the span of the files present; null when neither is known. */
    public Integer retentionDays() {
        return settingDays != null ? settingDays : logs.retentionDays();
    }

    /** True when {@link #retentionDays()} comes from the files present, not from the setting. */
    public boolean approximate() {
        return settingDays == null;
    }

    /** Where {@link #retentionDays()} comes from, for messages. */
    public String retentionSource() {
        return approximate() ? "age of the oldest log file (⚠ approximate)" : SETTING;
    }

    /** "A, B or C": the event types a message names, in the order given. */
    public static String anyOf(List<String> types) {
        return types.size() == 1 ? types.get(0)
                : String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.get(types.size() - 1);
    }

    /** {@link #retentionDays()} as a retention, its reason saying where it comes from. */
    public Retention retention() {
        Integer days = retentionDays();
        if (days == null) {
            return Retention.unknown("no event log file is present, and the retention in EventSettings was not read");
        }
        return Retention.days(days, approximate()
                ? "⚠ approximate: the event log files present span " + days + (days == 1 ? " day" : " days")
                        + " (the retention itself, in EventSettings, was not read)"
                : SETTING + " is " + days + " days");
    }
}
