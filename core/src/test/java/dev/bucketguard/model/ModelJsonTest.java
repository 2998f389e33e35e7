package dev.bucketguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bucketguard.scan.JsonInput;
import dev.bucketguard.testcloud.Locker;
import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The strict reading of a resource (snapshot format 2) through {@link ModelJson#mapper()}: the mapper knows the
 * clouds on the class path (here the test cloud only), and every error names the JSON path and the line and column
 * of the offending field.
 */
class ModelJsonTest {
    private final ObjectMapper json = ModelJson.mapper();

    /** A valid locker of the test cloud, one field a line so that positions are easy to tell. */
    private static final String LOCKER = """
            {
              "provider": "test",
              "account": "111122223333",
              "parents": {"group": "g-1"},
              "id": "applicants",
              "kind": "LOCKER",
              "region": "north-1",
              "collected": ["GRANTS", "LOCK"],
              "unknowns": [],
              "grants": [{"grantee": {"kind": "ANONYMOUS"}, "permissions": ["READ"], "via": "SHARE",
                          "source": "share 'public'"}],
              "details": {"lock": "OPEN"}
            }
            """;

    private Resource read(String text) throws Exception {
        return json.readValue(text, Resource.class);
    }

    private JsonMappingException reject(String text) {
        return assertThrows(JsonMappingException.class, () -> read(text));
    }

    /** LOCKER with one piece of text replaced; fails when the piece is not there, so no case tests nothing. */
    private static String with(String from, String to) {
        assertTrue(LOCKER.contains(from), () -> "the fixture has no " + from);
        return LOCKER.replace(from, to);
    }

    /** "line:column" (both from 1) of the first occurrence of {@code needle}. */
    private static String position(String text, String needle) {
        int i = text.indexOf(needle);
        assertTrue(i >= 0, () -> "no " + needle + " in the text");
        int line = 1 + (int) text.substring(0, i).chars().filter(c -> c == '\n').count();
        int column = i - text.lastIndexOf('\n', i - 1);
        return line + ":" + column;
    }

    private static String position(JsonLocation at) {
        return at.getLineNr() + ":" + at.getColumnNr();
    }

    /** The error's path, place and message are exactly these. */
    private static void assertError(JsonMappingException e, String text, String at, String path, String message) {
        assertEquals(path, JsonInput.path(e), e::getMessage);
        assertEquals(position(text, at), position(e.getLocation()), () -> "location of " + e.getMessage());
        assertEquals(message, JsonInput.message(e));
    }

    @Test
    void aResourceOfTheRegisteredCloudIsReadWithItsDetailsType() throws Exception {
        Resource r = read(LOCKER);

        assertEquals("test:111122223333:applicants", r.ref());
        assertEquals(TestCloud.LOCKER, r.kind());
        assertEquals(new Resource.Owner("111122223333", java.util.Map.of("group", "g-1")), r.owner());
        assertEquals(new Locker(Locker.Lock.OPEN, null), r.details(Locker.class));
        assertTrue(r.knows(TestCloud.LOCK));
        assertFalse(r.knows(TestCloud.LABEL), "not collected");
        assertEquals(TestCloud.SHARE, r.grants().get(0).via());
    }

    @Test
    void aResourceSurvivesARoundTripByteForByte() throws Exception {
        Resource r = TestCloud.locker("111122223333", "applicants")
                .parent(TestCloud.GROUP, "g-1")
                .region("north-1")
                .collected(TestCloud.LABEL)
                .unknown(Fact.ENCRYPTION, "GetEncryption", "locker:GetEncryption", "AccessDenied")
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ, Permission.LIST), TestCloud.SHARE,
                        "share 'public'", "anyone with the link", List.of("before 2027-01-01"), "drawer 1"))
                .grant(new Grant(Grantee.account("444455556666"), Set.of(Permission.READ), TestCloud.SHARE,
                        "share 'partner'"))
                .details(new Locker(Locker.Lock.ENGAGED, "cvs & \"offers\""))
                .build();
        String text = json.writeValueAsString(r);
        Resource back = json.readValue(text, Resource.class);

        assertEquals(r, back);
        assertEquals(text, json.writeValueAsString(back));
        assertFalse(back.knows(Fact.ENCRYPTION));
        assertEquals("could not read ENCRYPTION: GetEncryption failed with AccessDenied (needs locker:GetEncryption)",
                back.whyUnknown(Fact.ENCRYPTION).orElseThrow().describe());
    }

    @Test
    void readingAndWritingAgainGivesTheSameBytes() throws Exception {
        String once = json.writeValueAsString(read(LOCKER));
        assertEquals(once, json.writeValueAsString(read(once)));
    }

    @Test
    void permissionsAreWrittenInDeclarationOrderWhateverTheOrderGiven() throws Exception {
        Grant g = new Grant(Grantee.anonymous(), Set.of(Permission.WRITE_ACP, Permission.WRITE, Permission.READ,
                Permission.LIST), TestCloud.SHARE, "share 'public'");
        assertTrue(json.writeValueAsString(g).replaceAll("\\s", "")
                .contains("\"permissions\":[\"LIST\",\"READ\",\"WRITE\",\"WRITE_ACP\"]"),
                json.writeValueAsString(g));
    }

    // ---- what does not belong is refused, naming the path and the place ----

    @Test
    void anUnknownProviderIdIsRefusedNamingTheKnownOnes() {
        String text = with("\"provider\": \"test\"", "\"provider\": \"gcs\"");
        assertError(reject(text), text, "\"provider\"", "$.provider", "unknown provider 'gcs' (known: test)");
    }

    @Test
    void aProviderIdInTheWrongCaseIsRefusedWithAHint() {
        String text = with("\"provider\": \"test\"", "\"provider\": \"Test\"");
        assertError(reject(text), text, "\"provider\"", "$.provider",
                "unknown provider 'Test' (known: test); provider ids are lower case: 'test'");
    }

    @Test
    void aKindOfAnotherCloudIsRefused() {
        String text = with("\"LOCKER\"", "\"BUCKET\"");
        assertError(reject(text), text, "\"BUCKET\"", "$.kind", "kind 'BUCKET' is not one of test's (LOCKER)");
    }

    @Test
    void aFactOfAnotherCloudIsRefusedAtItsIndex() {
        String text = with("[\"GRANTS\", \"LOCK\"]", "[\"GRANTS\", \"POLICY\"]");
        assertError(reject(text), text, "\"POLICY\"", "$.collected[1]",
                "fact 'POLICY' is not one of test's (ENCRYPTION, GRANTS, LABEL, LOCK)");
    }

    @Test
    void aFactOfAnotherCloudInAnUnknownIsRefused() {
        String text = with("\"unknowns\": []", "\"unknowns\": [{\"fact\": \"IAM_POLICY\", \"error\": \"denied\"}]");
        assertError(reject(text), text, "\"IAM_POLICY\"", "$.unknowns[0].fact",
                "fact 'IAM_POLICY' is not one of test's (ENCRYPTION, GRANTS, LABEL, LOCK)");
    }

    @Test
    void aChannelOfAnotherCloudIsRefused() {
        String text = with("\"via\": \"SHARE\"", "\"via\": \"ACL\"");
        assertError(reject(text), text, "\"ACL\"", "$.grants[0].via", "channel 'ACL' is not one of test's (SHARE)");
    }

    @Test
    void aParentKindOfAnotherCloudIsRefused() {
        String text = with("{\"group\": \"g-1\"}", "{\"tenant\": \"t-1\"}");
        assertError(reject(text), text, "\"tenant\"", "$.parents.tenant",
                "parent kind 'tenant' is not one of test's (group)");
    }

    @Test
    void aFieldOfAnotherCloudInTheDetailsIsRefused() {
        String text = with("{\"lock\": \"OPEN\"}", "{\"lock\": \"OPEN\", \"publicAccessPrevention\": \"enforced\"}");
        JsonMappingException e = reject(text);

        UnrecognizedPropertyException u = assertInstanceOf(UnrecognizedPropertyException.class, e);
        assertEquals("publicAccessPrevention", u.getPropertyName());
        assertEquals("$.details.publicAccessPrevention", JsonInput.path(e));
        assertEquals("unknown field \"publicAccessPrevention\" (expected label, lock)", JsonInput.message(e));
        // Jackson places an error inside a record where it noticed it, the end of the record: the field's line here.
        // Readers that want the field's own column map the path to it, as the snapshot reader does.
        assertEquals(position(text, "\"publicAccessPrevention\"").split(":")[0],
                String.valueOf(e.getLocation().getLineNr()));
    }

    @Test
    void aFieldOfFormatOneIsRefusedWithAHint() {
        String text = with("\"region\": \"north-1\",", "\"region\": \"north-1\", \"guardrails\": {},");
        assertError(reject(text), text, "\"guardrails\"", "$.guardrails", "unknown field 'guardrails' (expected "
                + "provider, account, parents, id, kind, region, collected, unknowns, grants, encryption, details); "
                + "'guardrails' belongs to snapshot format 1.0, whose cloud fields moved to 'details' in 2.0");
    }

    @Test
    void anEnumValueTheCloudDoesNotHaveIsRefusedNotReadAsADefault() {
        String text = with("{\"lock\": \"OPEN\"}", "{\"lock\": \"Lokced\"}");
        JsonMappingException e = reject(text);

        assertInstanceOf(InvalidFormatException.class, e);
        assertEquals("$.details.lock", JsonInput.path(e));
        assertEquals(position(text, "\"Lokced\""), position(e.getLocation()));
        assertEquals("'Lokced' is not one of: ENGAGED, OPEN", JsonInput.message(e));
    }

    @Test
    void aKnownFactWithoutItsValueIsRefusedAtTheDetails() {
        String text = with("{\"lock\": \"OPEN\"}", "{\"label\": \"cvs\"}");
        assertError(reject(text), text, "\"details\"", "$.details",
                "fact LOCK is known, but 'lock' is missing from the details");
    }

    @Test
    void anUnknownFactThatWasNotCollectedIsRefused() {
        String text = with("\"unknowns\": []", "\"unknowns\": [{\"fact\": \"LABEL\", \"error\": \"denied\"}]");
        assertError(reject(text), text, "\"unknowns\"", "$.unknowns[0].fact",
                "unknown fact LABEL is not among the collected facts");
    }

    @Test
    void aDuplicateKeyIsRefusedNamingItWhenTheParserIsStrict() {
        String text = with("\"id\": \"applicants\",", "\"id\": \"applicants\",\n  \"id\": \"again\",");
        JsonParseException e = assertThrows(JsonParseException.class, () -> read(text));

        assertTrue(e.getOriginalMessage().contains("Duplicate field 'id'"), e::getOriginalMessage);
        // The parser stops right after the duplicate name: the line of the duplicate, not of the first 'id'.
        assertEquals(position(text, "\"id\": \"again\"").split(":")[0],
                String.valueOf(e.getLocation().getLineNr()));
        assertTrue(e.getLocation().getColumnNr() <= "  \"id\":".length() + 1, () -> position(e.getLocation()));
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsPathByTheResourceReaderItself() throws Exception {
        // The snapshot reader turns the parser's own check off, to name each resource's duplicate itself.
        JsonFactory lenient = json.getFactory().rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        String text = with("\"id\": \"applicants\",", "\"id\": \"applicants\",\n  \"id\": \"again\",");
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> json.readValue(lenient.createParser(text), Resource.class));

        assertError(e, text, "\"id\": \"again\"", "$.id", "duplicate field 'id'");
    }

    @Test
    void fieldsBeforeTheProviderAreCheckedOnceItIsKnownAndTheirErrorsPointAtTheField() {
        String text = """
                {
                  "kind": "BUCKET",
                  "account": "111122223333",
                  "id": "applicants",
                  "provider": "test"
                }
                """;
        assertError(reject(text), text, "\"kind\"", "$.kind", "kind 'BUCKET' is not one of test's (LOCKER)");
    }

    @Test
    void aMissingProviderOrIdIsRefused() {
        String noProvider = "{\"account\": \"1\", \"id\": \"b\", \"kind\": \"LOCKER\"}";
        assertEquals("missing required field 'provider'", JsonInput.message(reject(noProvider)));

        String noId = "{\"provider\": \"test\", \"account\": \"1\", \"kind\": \"LOCKER\"}";
        assertEquals("missing required field 'id'", JsonInput.message(reject(noId)));
    }

    @Test
    void aMapperForGivenCloudsKnowsThoseOnly() {
        ObjectMapper other = ModelJson.mapper(dev.bucketguard.spi.Clouds.of(new TestCloud("other")));
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> other.readValue(LOCKER, Resource.class));
        assertEquals("unknown provider 'test' (known: other)", JsonInput.message(e));
    }
}
