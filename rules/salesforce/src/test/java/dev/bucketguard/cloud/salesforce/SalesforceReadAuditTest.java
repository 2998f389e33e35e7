package dev.bucketguard.cloud.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.forensics.ReadAudit;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.model.Resource;
import dev.bucketguard.rules.salesforce.GuestReadsUnlogged;
import dev.bucketguard.rules.salesforce.LogRetentionShort;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.spi.AuditContext;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.ScanParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whether a guest's reads of a site, or the views of a public link, would be recorded: answered from the org's event
 * logs (the ORG resource of the same scan), and never NO when those could not be read. The org's logging rules read
 * the same event logs the same way, so the site's answer and the rules agree.
 */
class SalesforceReadAuditTest {
    private static final String ORG = SiteFixture.ORG;
    private static final SalesforceCloud CLOUD = new SalesforceCloud();

    private static Resource site() {
        return new SiteFixture().resource();
    }

    private static Resource link() {
        return Resource.builder(SalesforceCloud.ID, ORG, "05Dxx0000000LNK1AA").kind(SalesforceCloud.FILE_LINK)
                .collected(SalesforceFacts.CONTENT_DISTRIBUTION).build();
    }

    /** The org with these event log types spanning these days; EventSettings not read, as without --metadata. */
    private static Resource org(List<String> types, Integer days) {
        return org(types, days, null);
    }

    private static Resource org(List<String> types, Integer days, Integer settingDays) {
        Resource.Builder b = Resource.builder(SalesforceCloud.ID, ORG, ORG).kind(SalesforceCloud.ORG)
                .collected(SalesforceFacts.SITES, SalesforceFacts.EVENT_LOGS);
        if (settingDays == null) {
            b.unknown(SalesforceFacts.EVENT_SETTINGS, null, "Modify Metadata Through Metadata API Functions",
                    "not read without --metadata");
        } else {
            b.collected(SalesforceFacts.EVENT_SETTINGS);
        }
        return b.details(SalesforceDetails.of(new OrgDetails(List.of("Apply"), List.of("Apply"),
                new OrgDetails.EventLogs(types, days), settingDays == null ? null
                        : new OrgDetails.EventSettings(settingDays, true, false), null, null, null))).build();
    }

    private static AuditContext scanOf(Resource... resources) {
        return new AuditContext(ScanParameters.DEFAULTS, new AuditContext.Scope() {
            @Override
            public Optional<Verdict> verdict(String provider, String id) {
                return Optional.empty();
            }

            @Override
            public Optional<Resource> resource(String provider, String id) {
                return Stream.of(resources).filter(r -> r.provider().equals(provider) && r.id().equals(id))
                        .findFirst();
            }
        });
    }

    private static ReadAudit audit(Resource resource, Resource... scan) {
        List<Resource> all = new ArrayList<>(List.of(scan));
        all.add(resource);
        return CLOUD.readAudit(resource, scanOf(all.toArray(Resource[]::new)));
    }

    private static Outcome.Status rule(Rule rule, Resource org) {
        return Scanner.decide(rule, org, CLOUD.verdict(org, TrustZone.OWNER_ONLY)).status();
    }

    @Test
    void aurarequestLogsRecordAGuestsReadsWithTheirApproximateRetentionAndTheLoggingRulePasses() {
        Resource org = org(List.of("AuraRequest", "Login", "URI"), 1);

        ReadAudit a = audit(site(), org);
        assertEquals(ReadsRecorded.YES, a.recorded(), a.explanation().toString());
        assertEquals(1, a.retention().days());
        assertEquals("event log files (AuraRequest, URI), kept 1 day", a.trails().get(0).describe());
        assertTrue(a.reasons().get(0).startsWith("⚠ retention approximated"), a.reasons().toString());
        assertEquals(Boolean.FALSE, a.retainedFor(365), "one day is not the default 365");
        assertEquals(Outcome.Status.PASS, rule(new GuestReadsUnlogged(), org), "the org rule agrees: reads logged");
        assertEquals(Outcome.Status.FAIL, rule(new LogRetentionShort(), org), "kept 1 day, under 30");
    }

    @Test
    void theRetentionSettingWinsOverTheSpanOfTheFilesAndIsNotApproximate() {
        Resource org = org(List.of("AuraRequest"), 3, 365);

        ReadAudit a = audit(site(), org);
        assertEquals(ReadsRecorded.YES, a.recorded());
        assertEquals(365, a.retention().days());
        assertEquals(List.of(), a.reasons());
        assertEquals(Boolean.TRUE, a.retainedFor(365));
        assertEquals(Outcome.Status.PASS, rule(new LogRetentionShort(), org));
    }

    @Test
    void onlyTheFreeTypesMeanAGuestsReadLeavesNoTraceAndBothLoggingRulesFail() {
        Resource org = org(List.of("ApiTotalUsage", "Login", "Logout"), 1);

        ReadAudit a = audit(site(), org);
        assertEquals(ReadsRecorded.NO, a.recorded());
        assertEquals(List.of("no AuraRequest, LightningPageView, RestApi, URI or VisualforceRequest event log is"
                + " produced, so a guest's reads are not logged",
                "the org's event logs are ApiTotalUsage, Login, Logout, kept 1 day (⚠ approximate)"), a.reasons());
        assertEquals(Outcome.Status.FAIL, rule(new GuestReadsUnlogged(), org));
        assertEquals(Outcome.Status.FAIL, rule(new LogRetentionShort(), org));
    }

    @Test
    void apexCalloutLogsRecordRequestsSentOutNotAGuestsReads() {
        Resource org = org(List.of("ApexCallout", "Login"), 30);

        assertEquals(ReadsRecorded.NO, audit(site(), org).recorded());
        assertEquals(Outcome.Status.FAIL, rule(new GuestReadsUnlogged(), org));
    }

    @Test
    void eventLogsThatCouldNotBeReadAreUnknownNamingThePermissionNeverNo() {
        Resource org = Resource.builder(SalesforceCloud.ID, ORG, ORG).kind(SalesforceCloud.ORG)
                .collected(SalesforceFacts.SITES)
                .unknown(SalesforceFacts.EVENT_LOGS, "query EventLogFile", "View Event Log Files", "INSUFFICIENT_ACCESS")
                .details(SalesforceDetails.of(new OrgDetails(List.of("Apply"), List.of("Apply"), null, null, null,
                        null, null))).build();

        for (Resource r : List.of(site(), link())) {
            ReadAudit a = audit(r, org);
            assertEquals(ReadsRecorded.UNKNOWN, a.recorded(), r.id());
            assertEquals(List.of("could not read EVENT_LOGS: query EventLogFile failed with INSUFFICIENT_ACCESS"
                    + " (needs View Event Log Files)"), a.explanation());
        }
        assertEquals(Outcome.Status.UNKNOWN, rule(new GuestReadsUnlogged(), org));
    }

    @Test
    void anOrgOutsideTheScanIsUnknownNamingThePermissionNeverNo() {
        ReadAudit a = audit(site());

        assertEquals(ReadsRecorded.UNKNOWN, a.recorded());
        assertEquals("View Event Log Files", a.unread().get(0).permission());
        assertTrue(a.explanation().get(0).contains("the org " + ORG + ", whose event logs record reads, is not in"
                + " this scan"), a.explanation().toString());
        assertEquals(ReadsRecorded.UNKNOWN, CLOUD.readAudit(site(), AuditContext.of(ScanParameters.DEFAULTS))
                .recorded(), "a scope that knows no resource");
    }

    @Test
    void eventLogsTheSelectedRulesDidNotNeedAreNotAssessed() {
        Resource org = Resource.builder(SalesforceCloud.ID, ORG, ORG).kind(SalesforceCloud.ORG)
                .collected(SalesforceFacts.SITES).details(SalesforceDetails.of(new OrgDetails(List.of("Apply"),
                        List.of("Apply"), null, null, null, null, null))).build();

        ReadAudit a = audit(site(), org);
        assertEquals(ReadsRecorded.NOT_ASSESSED, a.recorded());
        assertEquals(List.of("not read: EVENT_LOGS of the org (the selected rules do not need it)"), a.reasons());
    }

    @Test
    void aLinksViewsAreRecordedByContentDistributionLogsOnly() {
        ReadAudit logged = audit(link(), org(List.of("ContentDistribution", "Login"), 30));
        assertEquals(ReadsRecorded.YES, logged.recorded());
        assertEquals("event log files (ContentDistribution), kept 30 days", logged.trails().get(0).describe());

        ReadAudit transfers = audit(link(), org(List.of("AuraRequest", "ContentTransfer"), 30));
        assertEquals(ReadsRecorded.NO, transfers.recorded(), "ContentTransfer is not documented to cover a link's"
                + " visitor, AuraRequest is a site's");
        assertEquals("no ContentDistribution event log is produced, so views of the link are not logged",
                transfers.reasons().get(0));
        assertTrue(transfers.reasons().contains("ContentDistributionView keeps the time of each view, but no outside"
                + " viewer's identity"), transfers.reasons().toString());
    }

    @Test
    void theOrgItselfIsNotAssessedItsSitesAndLinksAnswer() {
        Resource org = org(List.of("AuraRequest"), 30);

        ReadAudit a = audit(org);
        assertEquals(ReadsRecorded.NOT_ASSESSED, a.recorded());
        assertTrue(a.reasons().get(0).contains("read through its sites and public links"), a.reasons().toString());
    }

    @Test
    void anotherOrgsEventLogsDoNotAnswerForThisSite() {
        Resource other = Resource.builder(SalesforceCloud.ID, "00Dxx0000009OTHER", "00Dxx0000009OTHER")
                .kind(SalesforceCloud.ORG).collected(SalesforceFacts.EVENT_LOGS)
                .details(SalesforceDetails.of(new OrgDetails(null, null, new OrgDetails.EventLogs(
                        List.of("AuraRequest"), 30), null, null, null, null))).build();

        assertEquals(ReadsRecorded.UNKNOWN, audit(site(), other).recorded());
    }

}
