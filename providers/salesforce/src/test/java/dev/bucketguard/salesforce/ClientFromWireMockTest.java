package dev.bucketguard.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP side of the provider against WireMock on 127.0.0.1: the GET-only guard, version discovery, the request
 * limit, and the three ways in (token, the {@code sf} CLI, the JWT bearer flow).
 */
class ClientFromWireMockTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockOrg org = new WireMockOrg();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void everyMethodButGetIsRefusedBeforeItIsSentAndZeroReachWireMock() throws Exception {
        GuardedHttp http = org.provider().http();
        URI record = org.url().resolve("/services/data/v67.0/sobjects/Applicant__c/a00000000000001AAA");
        for (String method : List.of("POST", "PATCH", "PUT", "DELETE")) {
            assertThrows(GuardedHttp.MutationRefused.class, () -> http.exchange(method, record, WireMockOrg.TOKEN,
                    "{\"Status__c\":\"x\"}", "sobjects " + method));
        }
        // A POST to the token path is refused too when it carries a bearer token or is not the JWT grant.
        URI token = org.url().resolve(GuardedHttp.TOKEN_PATH);
        assertThrows(GuardedHttp.MutationRefused.class, () -> http.exchange("POST", token, WireMockOrg.TOKEN,
                GuardedHttp.JWT_GRANT + "&assertion=x", "token with bearer"));
        assertThrows(GuardedHttp.MutationRefused.class, () -> http.exchange("POST", token, null,
                "grant_type=password&username=a&password=b", "username-password"));
        // The Metadata API takes only one readMetadata envelope: any other operation, or more, is refused.
        URI soap = org.url().resolve("/services/Soap/m/67.0");
        String read = MetadataRead.envelope(WireMockOrg.TOKEN, "EventSettings", List.of("Event"));
        assertTrue(GuardedHttp.allowed("POST", soap, null, read));
        for (String body : List.of("<soap/>",
                read.replace("met:readMetadata", "met:deploy"),
                read.replace("met:readMetadata", "met:updateMetadata"),
                read.replace("</met:readMetadata>", "</met:readMetadata><met:deleteMetadata><met:type>ApexClass"
                        + "</met:type><met:fullNames>X</met:fullNames></met:deleteMetadata>"),
                read.replace("<met:fullNames>Event</met:fullNames>", "<met:fullNames>Event</met:fullNames><x/>"))) {
            assertThrows(GuardedHttp.MutationRefused.class, () -> http.readMetadata(soap, body, "soap"), body);
        }
        assertThrows(GuardedHttp.MutationRefused.class, () -> http.exchange("POST", soap, WireMockOrg.TOKEN, read,
                "readMetadata with a bearer"));
        assertThrows(GuardedHttp.MutationRefused.class, () -> http.readMetadata(
                org.url().resolve("/services/Soap/u/67.0"), read, "partner API"));
        assertThrows(GuardedHttp.MutationRefused.class, () -> http.readMetadata(
                org.url().resolve("/services/Soap/m/67.0?x=1"), read, "query string"));
        assertThrows(IllegalArgumentException.class, () -> MetadataRead.envelope(WireMockOrg.TOKEN,
                "EventSettings</met:type><met:deploy>", List.of("Event")));
        assertEquals(0, org.requests().size(), "nothing reached the server");
        http.get(org.url().resolve("/services/data/"), WireMockOrg.TOKEN, "versions");
        assertEquals(1, org.requests().size(), "a GET through the same pipeline does");
    }

    @Test
    void aWholeScanSendsOnlyGetsToWireMock() {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").fixture("link-open-contact");
        org.collect(org.provider());
        assertTrue(org.requests().size() > 10);
        assertEquals(List.of(), org.mutatingRequests());
    }

    @Test
    void theHighestVersionTheOrgOffersIsUsedUnlessOneIsAskedForFromWireMock() throws Exception {
        SalesforceProvider p = org.provider();
        Session s = new Session(org.url(), WireMockOrg.TOKEN);
        assertEquals("67.0", SalesforceApi.version(p.http(), s, null));
        assertEquals("66.0", SalesforceApi.version(p.http(), s, "v66.0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SalesforceApi.version(p.http(), s, "v99.0"));
        assertTrue(e.getMessage().contains("up to v67.0"), e.getMessage());
        org.collect(org.provider(new SalesforceOptions(org.url(), null, null, null, null, null, "v66.0", 2, false)));
        assertTrue(org.requests().stream().anyMatch(r -> r.getUrl().startsWith("/services/data/v66.0/query")));
    }

    @Test
    void aRequestLimitThatOutlastsTheRetriesStopsReadingAndSaysWhichLimitFromWireMock() {
        org.fixture("account-opening-site").fixture("guest-sharing-rule").fixture("request-limit")
                .fixture("link-open-contact");
        Inventory inv = org.collect(org.provider());
        long limited = org.requests().stream().filter(r -> r.getUrl().contains("ObjectPermissions")).count();
        assertEquals(5, limited, "the first try and four retries");
        ScanError e = inv.errors().get(0);
        assertEquals(ScanError.Kind.SERVICE, e.kind());
        assertTrue(e.message().contains("daily API request limit, TotalRequests"), e.message());
        assertFalse(org.requests().stream().anyMatch(r -> r.getUrl().contains("ContentDistribution")),
                "nothing is sent after the limit");
        Resource site = inv.resources().stream().filter(r -> r.id().equals("Account Opening")).findFirst()
                .orElseThrow();
        assertTrue(site.knows(SalesforceFacts.GUEST_USER), "what was read before the limit is reported");
        Unknown op = site.whyUnknown(SalesforceFacts.OBJECT_PERMISSIONS).orElseThrow();
        assertTrue(op.error().contains("REQUEST_LIMIT_EXCEEDED"), op.error());
    }

    @Test
    void aRefusedTokenIsOneClearErrorWithoutTheTokenFromWireMock() {
        SalesforceProvider p = new SalesforceProvider(new SalesforceOptions(org.url(), null, null, null, null, null,
                null, 2, false), Map.of(SalesforceProvider.TOKEN_ENV, "00Dwrong!token-value"),
                Duration.ofMillis(1), Clock.systemUTC());
        ProviderException e = assertThrows(ProviderException.class, () -> org.collect(p));
        assertTrue(e.getMessage().contains("401 INVALID_SESSION_ID"), e.getMessage());
        assertFalse(e.getMessage().contains("00Dwrong!token-value"));
    }

    @Test
    void noTokenInTheEnvironmentIsAUsageError() {
        SalesforceProvider p = new SalesforceProvider(SalesforceOptions.instance(org.url()), Map.of());
        ProviderException e = assertThrows(ProviderException.class, () -> org.collect(p));
        assertTrue(e.inputError());
        assertTrue(e.getMessage().contains("SF_ACCESS_TOKEN"));
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SalesforceOptions.instance(URI.create("http://example.my.salesforce.com")));
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
        SalesforceOptions.instance(URI.create("http://127.0.0.1:8080"));
        SalesforceOptions.instance(URI.create("https://example.my.salesforce.com"));
    }

    /** A stand-in for the Salesforce CLI: a shell script named sf that prints the documented org display JSON. */
    @Test
    void targetOrgReadsTheSessionFromAFakeSfScriptOnPathFromWireMock() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path sf = bin.resolve("sf");
        Files.writeString(sf, "#!/bin/sh\n"
                + "[ \"$1 $2 $3 $4 $5\" = \"org display --json --target-org bank-prod\" ] || { echo '{\"status\":1,"
                + "\"name\":\"NoOrgFound\",\"message\":\"No authorization information found for '$5'.\"}'; exit 1; }\n"
                + "cat <<'JSON'\n{\"status\":0,\"result\":{\"id\":\"00D000000000001AAA\",\"apiVersion\":\"67.0\","
                + "\"accessToken\":\"" + WireMockOrg.TOKEN + "\",\"instanceUrl\":\"" + org.url() + "\","
                + "\"username\":\"scanner@example.com\",\"clientId\":\"PlatformCLI\",\"connectedStatus\":\"Connected\","
                + "\"alias\":\"bank-prod\"},\"warnings\":[\"This command will expose sensitive information\"]}\nJSON\n");
        assertTrue(sf.toFile().setExecutable(true));
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin");
        SalesforceProvider p = new SalesforceProvider(new SalesforceOptions(null, "bank-prod", null, null, null, null,
                null, 2, false), env, Duration.ofMillis(1), Clock.systemUTC());
        Inventory inv = org.collect(p);
        assertEquals("00D000000000001AAA", inv.resources().get(0).account());

        SalesforceProvider unknown = new SalesforceProvider(new SalesforceOptions(null, "nope", null, null, null,
                null, null, 2, false), env, Duration.ofMillis(1), Clock.systemUTC());
        ProviderException e = assertThrows(ProviderException.class, () -> org.collect(unknown));
        assertTrue(e.getMessage().contains("No authorization information found"), e.getMessage());

        SalesforceProvider none = new SalesforceProvider(new SalesforceOptions(null, "bank-prod", null, null, null,
                null, null, 2, false), Map.of("PATH", dir.resolve("empty").toString()), Duration.ofMillis(1),
                Clock.systemUTC());
        ProviderException missing = assertThrows(ProviderException.class, () -> org.collect(none));
        assertTrue(missing.getMessage().contains("'sf' is not installed"), missing.getMessage());
    }

    @Test
    void theJwtBearerFlowPostsOneSignedAssertionAndUsesTheTokenItGetsFromWireMock() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Path key = dir.resolve("server.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        org.server.stubFor(post(urlPathEqualTo(GuardedHttp.TOKEN_PATH)).withHeader("Content-Type",
                equalTo("application/x-www-form-urlencoded")).willReturn(WireMockOrg.json(200,
                "{\"access_token\":\"" + WireMockOrg.TOKEN + "\",\"scope\":\"api\",\"instance_url\":\"" + org.url()
                        + "\",\"id\":\"https://login.salesforce.com/id/00D000000000001AAA/005000000000SCN1AA\","
                        + "\"token_type\":\"Bearer\"}")));
        SalesforceProvider p = new SalesforceProvider(new SalesforceOptions(null, null, "3MVG9-client-id", key,
                "scanner@example.com", org.url(), null, 2, false), Map.of(), Duration.ofMillis(1),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        Inventory inv = org.collect(p);
        assertEquals("00D000000000001AAA", inv.resources().get(0).account());

        List<LoggedRequest> posts = org.requests().stream().filter(r -> r.getMethod().getName().equals("POST"))
                .toList();
        assertEquals(1, posts.size(), "one token request");
        String body = posts.get(0).getBodyAsString();
        assertTrue(body.startsWith(GuardedHttp.JWT_GRANT + "&assertion="), body);
        String jwt = URLDecoder.decode(body.substring(body.indexOf("assertion=") + 10), StandardCharsets.UTF_8);
        String[] parts = jwt.split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("3MVG9-client-id", claims.get("iss").asText());
        assertEquals("scanner@example.com", claims.get("sub").asText());
        assertEquals(org.url().toString(), claims.get("aud").asText());
        assertEquals(Instant.parse("2026-12-01T00:03:00Z").getEpochSecond(), claims.get("exp").asLong());
        assertEquals("RS256", JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText());
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(pair.getPublic());
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verify.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the key's private half");
    }

    @Test
    void aKeyFileThatIsNotAPemRsaKeyIsAUsageError() throws Exception {
        Path key = dir.resolve("not-a-key.pem");
        Files.writeString(key, "hello");
        ProviderException e = assertThrows(ProviderException.class, () -> JwtBearer.readKey(key));
        assertTrue(e.inputError());
        assertTrue(e.getMessage().contains("not a PEM RSA private key"), e.getMessage());
    }

    @Test
    void aPkcs1KeyIsWrappedAndReadToo() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair pair = g.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        // PKCS#8 = SEQUENCE { version, algorithm, OCTET STRING { PKCS#1 } }: the PKCS#1 key is the octet string.
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        Path key = dir.resolve("rsa.pem");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n");
        assertEquals(pair.getPrivate(), JwtBearer.readKey(key));
    }
}
