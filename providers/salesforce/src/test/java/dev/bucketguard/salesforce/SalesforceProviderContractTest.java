package dev.bucketguard.salesforce;

import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.model.Fact;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.testkit.ProviderContract;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;

/**
 * The provider contract of the testkit, against WireMock orgs served in the REST and Tooling APIs' shapes. The sites
 * are listed by the Site query itself, so the contract asks for the facts a site carries beyond that listing; the
 * ORG carries each of them too, as the org-wide list of what could not be read.
 */
class SalesforceProviderContractTest extends ProviderContract {
    private final WireMockOrg org = new WireMockOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @Override
    protected Cloud cloud() {
        return new SalesforceCloud();
    }

    @Override
    protected Set<Fact> factsToAskFor() {
        Set<Fact> facts = new TreeSet<>(OrgMapper.SITE_FACTS);
        facts.remove(SalesforceFacts.SITES);
        return facts;
    }

    /** Two Experience sites listed, every other read refused with 403. */
    @Override
    protected World everyFactDenied() {
        org.fixture("every-read-refused");
        return World.of(org.provider(), "alpha-site", "beta-site", "00D000000000001AAA");
    }

    /** The bank's site and a careers site are healthy; the third site's guest user is not returned. */
    @Override
    protected World oneBrokenResource() {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").fixture("one-broken-site");
        return World.withBroken(org.provider(), "Broken", "Account Opening", "Broken", "Careers",
                "00D000000000001AAA");
    }

    @Override
    protected ReadOnlyProbe readOnlyProbe() {
        GuardedHttp http = org.provider().http();
        URI record = org.url().resolve("/services/data/v67.0/sobjects/Applicant__c/a00000000000001AAA");
        return new ReadOnlyProbe(Map.of(
                "sobjects create (POST)", () -> http.exchange("POST", org.url().resolve(
                        "/services/data/v67.0/sobjects/Applicant__c"), WireMockOrg.TOKEN, "{}", "create"),
                "sobjects update (PATCH)", () -> http.exchange("PATCH", record, WireMockOrg.TOKEN, "{}", "update"),
                "sobjects delete (DELETE)", () -> http.exchange("DELETE", record, WireMockOrg.TOKEN, null, "delete"),
                "tooling executeAnonymous via POST", () -> http.exchange("POST", org.url().resolve(
                        "/services/data/v67.0/tooling/executeAnonymous"), WireMockOrg.TOKEN, "x", "apex"),
                "Metadata API deploy (SOAP POST)", () -> http.exchange("POST", org.url().resolve(
                        "/services/Soap/m/67.0"), WireMockOrg.TOKEN, "<deploy/>", "deploy")),
                GuardedHttp.MutationRefused.class,
                () -> http.get(org.url().resolve("/services/data/"), WireMockOrg.TOKEN, "versions"),
                () -> org.requests().size());
    }
}
