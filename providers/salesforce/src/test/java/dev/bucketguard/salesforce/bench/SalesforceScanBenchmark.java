package dev.bucketguard.salesforce.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.salesforce.SalesforceOptions;
import dev.bucketguard.salesforce.SalesforceProvider;
import dev.bucketguard.salesforce.WireMockOrg;
import java.util.Map;

/**
 * A stub org on WireMock (127.0.0.1) with SITES Experience sites, OBJECTS custom objects (each site's guest reads
 * OBJECTS / SITES of them, so every object is readable by one guest: the worst case for the per-object queries) and
 * LINKS public links; one scan with every Salesforce fact, then wall time and API calls. Run by
 * bench/salesforce-scan.sh; not part of the test suite.
 */
public final class SalesforceScanBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesforceScanBenchmark() {
    }

    public static void main(String[] args) {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int links = args.length > 2 ? Integer.parseInt(args[2]) : 50000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        try (WireMockOrg org = new WireMockOrg()) {
            build(org, sites, objects, links);
            SalesforceProvider provider = new SalesforceProvider(new SalesforceOptions(org.url(), null, null, null,
                    null, null, null, concurrency, false), Map.of("SF_ACCESS_TOKEN", WireMockOrg.TOKEN));
            long start = System.nanoTime();
            Progress timed = m -> System.out.printf("  %6d ms  %s%n", (System.nanoTime() - start) / 1_000_000, m);
            Inventory inv = provider.collect(FactSelection.only("salesforce", SalesforceFacts.ALL), timed);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long siteCount = inv.resources().stream().filter(r -> r.kind().name().equals("SITE")).count();
            long linkCount = inv.resources().stream().filter(r -> r.kind().name().equals("FILE_LINK")).count();
            Map<String, Long> calls = provider.apiCalls();
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            long perObject = calls.entrySet().stream().filter(e -> e.getKey().endsWith("__Share")
                    || e.getKey().equals("tooling FieldDefinition")).mapToLong(Map.Entry::getValue).sum();
            long linkCalls = calls.getOrDefault("query ContentDistribution", 0L);
            System.out.printf("stub org: %d sites, %d objects (each readable by one guest), %d public links;"
                    + " concurrency %d%n", sites, objects, links, concurrency);
            System.out.printf("read: %d sites, %d links, %d resources, %d unknowns, %d errors%n", siteCount,
                    linkCount, inv.resources().size(), inv.resources().stream().mapToLong(r -> r.unknowns().size())
                            .sum(), inv.errors().size());
            System.out.printf("wall time: %d ms%n", millis);
            System.out.printf("API calls: %d in all; %d fixed per org, %d per object (2 per readable object),"
                    + " %d for the links (pages of 2,000)%n", total, total - perObject - linkCalls, perObject,
                    linkCalls);
            System.out.printf("per site: %.1f calls (fixed + per-object, over %d sites); per link: %.5f calls%n",
                    (double) (total - linkCalls) / Math.max(1, siteCount), siteCount,
                    (double) linkCalls / Math.max(1, linkCount));
            calls.forEach((op, n) -> {
                if (!op.endsWith("__Share")) {
                    System.out.printf("  %-32s %d%n", op, n);
                }
            });
            System.out.printf("  %-32s %d%n", "query <Object>__Share", calls.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("__Share")).mapToLong(Map.Entry::getValue).sum());
            long floor = replay(org, concurrency);
            System.out.printf("bare client replaying the same %d GETs at concurrency %d: %d ms (scan / bare = %.2f)%n",
                    total, concurrency, floor, (double) millis / Math.max(1, floor));
            if (inv.resources().stream().map(Resource::kind).distinct().count() < 2) {
                throw new IllegalStateException("the stub was not read");
            }
        }
    }

    /** The floor: the same requests, sent by a bare JDK client at the same concurrency, bodies read and dropped. */
    private static long replay(WireMockOrg org, int concurrency) {
        java.util.List<String> urls = org.requests().stream().map(r -> r.getAbsoluteUrl()).toList();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (String u : urls) {
                all.add(pool.submit(() -> client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(u))
                        .header("Authorization", "Bearer " + WireMockOrg.TOKEN).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())));
            }
            for (java.util.concurrent.Future<?> f : all) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String id(String prefix, int n) {
        return prefix + String.format("%015d", n);
    }

    private static void build(WireMockOrg org, int sites, int objects, int links) {
        ArrayNode site = JSON.createArrayNode();
        ArrayNode network = JSON.createArrayNode();
        ArrayNode users = JSON.createArrayNode();
        ArrayNode sets = JSON.createArrayNode();
        ArrayNode assignments = JSON.createArrayNode();
        ArrayNode objectPermissions = JSON.createArrayNode();
        ArrayNode fieldPermissions = JSON.createArrayNode();
        ArrayNode entities = JSON.createArrayNode();
        int perSite = Math.max(1, objects / sites);
        for (int s = 0; s < sites; s++) {
            String guest = id("005", s);
            String profile = id("00e", s);
            String ps = id("0PS", s);
            for (String type : new String[] {"ChatterNetwork", "ChatterNetworkPicasso"}) {
                site.add(JSON.createObjectNode().put("Id", id(type.length() > 14 ? "0DN" : "0DM", s))
                        .put("Name", "site" + s + (type.length() > 14 ? "1" : "")).put("Status", "Active")
                        .put("SiteType", type).put("UrlPathPrefix", "s" + s + (type.length() > 14 ? "vforcesite" : ""))
                        .put("GuestUserId", guest));
            }
            network.add(JSON.createObjectNode().put("Id", id("0DB", s)).put("Name", "Site " + s).put("Status", "Live")
                    .put("UrlPathPrefix", "s" + s).put("OptionsGuestFileAccessEnabled", false)
                    .put("OptionsSelfRegistrationEnabled", false));
            users.add(JSON.createObjectNode().put("Id", guest).put("ProfileId", profile).put("IsActive", true));
            assignments.add(JSON.createObjectNode().put("AssigneeId", guest).put("PermissionSetId", ps));
            ObjectNode set = JSON.createObjectNode().put("Id", ps).put("Name", "X" + profile).put("Type", "Profile")
                    .put("IsOwnedByProfile", true).put("ProfileId", profile);
            set.putObject("Profile").put("Name", "Site " + s + " Profile");
            sets.add(set);
            for (int o = s * perSite; o < Math.min(objects, (s + 1) * perSite); o++) {
                String object = "Object" + o + "__c";
                objectPermissions.add(JSON.createObjectNode().put("ParentId", ps).put("SobjectType", object)
                        .put("PermissionsRead", true).put("LastModifiedDate", "2026-01-01T00:00:00.000+0000"));
                for (String f : new String[] {"Name__c", "Email__c", "Phone__c"}) {
                    fieldPermissions.add(JSON.createObjectNode().put("ParentId", ps).put("SobjectType", object)
                            .put("Field", object + "." + f).put("PermissionsRead", true));
                }
                entities.add(JSON.createObjectNode().put("QualifiedApiName", object)
                        .put("InternalSharingModel", "Private").put("ExternalSharingModel", "Private"));
            }
        }
        org.answer("query Site", site).answer("query Network", network).answer("query User", users)
                .answer("query PermissionSet", sets).answer("query PermissionSetAssignment", assignments)
                .answer("query ObjectPermissions", pages(objectPermissions))
                .answer("query FieldPermissions", pages(fieldPermissions))
                .answer("tooling EntityDefinition", pages(entities));
        ArrayNode fields = JSON.createArrayNode();
        fields.add(JSON.createObjectNode().put("QualifiedApiName", "Email__c").put("SecurityClassification",
                "Confidential").put("ComplianceGroup", "PII"));
        org.answerMatching("tooling", "FieldDefinition", fields);
        ArrayNode shares = JSON.createArrayNode();
        shares.add(JSON.createObjectNode().put("UserOrGroupId", id("005", 0)).put("RowCause", "GuestRule")
                .put("n", 3));
        org.answerMatching("query", "Object\\d+__Share", shares);
        ArrayNode all = JSON.createArrayNode();
        for (int l = 0; l < links; l++) {
            all.add(JSON.createObjectNode().put("Id", id("05D", l)).put("Name", "Statement " + l)
                    .put("ContentDocumentId", id("069", l)).put("OwnerId", id("005", 999))
                    .put("RelatedRecordId", l % 2 == 0 ? id("003", l) : null).put("PreferencesPasswordRequired",
                            l % 3 == 0).put("PreferencesExpires", l % 5 == 0)
                    .put("ExpiryDate", l % 5 == 0 ? "2027-01-01T00:00:00.000+0000" : null)
                    .put("PreferencesLinkLatestVersion", true).put("ViewCount", l % 7)
                    .put("CreatedDate", "2026-01-01T00:00:00.000+0000"));
        }
        org.answer("query ContentDistribution", pages(all));
    }

    /** Rows in pages of 2,000, as Salesforce answers them. */
    private static ObjectNode pages(ArrayNode rows) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode pages = out.putArray("pages");
        for (int i = 0; i < rows.size(); i += 2000) {
            ArrayNode page = pages.addArray();
            for (int j = i; j < Math.min(rows.size(), i + 2000); j++) {
                page.add(rows.get(j));
            }
        }
        if (rows.isEmpty()) {
            pages.addArray();
        }
        return out;
    }
}
