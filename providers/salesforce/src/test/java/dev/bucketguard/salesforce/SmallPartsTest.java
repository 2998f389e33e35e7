package dev.bucketguard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure pieces: the Apex text scan, names, prefixes, dates, the guard's allow-list. */
class SmallPartsTest {
    @Test
    void theApexScanFindsEntryPointsSharingObjectsAndDynamicSoql() {
        ApexSource s = ApexSource.scan("global without sharing class ApplyRest {\n"
                + "  @RestResource(urlMapping='/apply/*') // a comment naming [SELECT Id FROM Lead]\n"
                + "  webservice static String x() { return 'FROM Case'; }\n"
                + "  @InvocableMethod public static void y() {\n"
                + "    List<Applicant__c> a = [SELECT Id FROM Applicant__c WITH USER_MODE];\n"
                + "    Account b = [select Name from Account where Id = :id limit 1];\n"
                + "    Database.query(q);\n  }\n}");
        assertEquals(Set.of("@restresource", "webservice", "@invocablemethod"), s.entryPoints());
        assertEquals("without", s.sharing());
        assertEquals(Set.of("Applicant__c", "Account"), s.objects());
        assertTrue(s.dynamicSoql());
        assertTrue(s.userMode());
        ApexSource inherited = ApexSource.scan("public inherited sharing virtual class X { }");
        assertEquals("inherited", inherited.sharing());
        ApexSource none = ApexSource.scan("public class Y { void z() { Database.query([SELECT Id FROM Case]); } }");
        assertNull(none.sharing());
        assertFalse(none.dynamicSoql(), "a static query passed to Database.query is not dynamic");
        assertEquals(Set.of("Case"), none.objects());
    }

    @Test
    void shareObjectsAreNamedTheWaySalesforceNamesThem() {
        assertEquals("AccountShare", OrgReader.shareObject("Account"));
        assertEquals("Applicant__Share", OrgReader.shareObject("Applicant__c"));
    }

    @Test
    void anExperienceSitesPathPrefixesReduceToTheNetworks() {
        assertEquals("apply", OrgMapper.prefix("applyvforcesite"));
        assertEquals("apply", OrgMapper.prefix("apply/s"));
        assertEquals("", OrgMapper.prefix(null));
    }

    @Test
    void salesforceDateTimesBecomeInstants() {
        assertEquals("2026-11-24T09:30:00Z", Dates.iso(new TextNode("2026-11-24T18:30:00.000+0900")));
        assertEquals("2026-11-24T00:00:00Z", Dates.iso(new TextNode("2026-11-24")));
        assertNull(Dates.iso(new TextNode("yesterday")));
    }

    @Test
    void versionsAreComparedAsNumbers() {
        assertTrue(SalesforceApi.compare("100.0", "67.0") > 0);
        assertEquals("67.0", SalesforceApi.normalise("v67.0"));
        assertThrows(IllegalArgumentException.class, () -> SalesforceApi.normalise("latest"));
    }

    @Test
    void theGuardLetsThroughGetsAndTheJwtTokenPostOnly() {
        URI token = URI.create("https://login.salesforce.com/services/oauth2/token");
        assertTrue(GuardedHttp.allowed("GET", URI.create("https://x.my.salesforce.com/services/data/"), "t", null));
        assertTrue(GuardedHttp.allowed("POST", token, null, GuardedHttp.JWT_GRANT + "&assertion=a.b.c"));
        assertFalse(GuardedHttp.allowed("POST", token, null, "grant_type=password&username=u&password=p"));
        assertFalse(GuardedHttp.allowed("POST", token, "t", GuardedHttp.JWT_GRANT + "&assertion=a.b.c"));
        assertFalse(GuardedHttp.allowed("GET", token, "t", "body"));
        assertFalse(GuardedHttp.allowed("HEAD", token, null, null));
    }

    @Test
    void theLimitIsNamedFromSalesforcesMessage() {
        assertEquals("the org's daily API request limit, TotalRequests",
                GuardedHttp.whichLimit("TotalRequests Limit exceeded."));
        assertEquals("the org's concurrent long-running request limit",
                GuardedHttp.whichLimit("ConcurrentPerOrgLongTxn Limit exceeded."));
    }
}
