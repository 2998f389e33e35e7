package dev.bucketguard.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.aws.BlockPublicAccess;
import dev.bucketguard.cloud.aws.ObjectOwnership;
import dev.bucketguard.cloud.aws.S3Bucket;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.cloud.aws.S3Facts;
import dev.bucketguard.cloud.aws.AdvancedEventSelector;
import dev.bucketguard.cloud.aws.EventSelector;
import dev.bucketguard.cloud.aws.Expiration;
import dev.bucketguard.cloud.aws.Lifecycle;
import dev.bucketguard.cloud.aws.LogDestination;
import dev.bucketguard.cloud.aws.Trail;
import dev.bucketguard.model.Logging;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotProviderTest {
    private static final FactSelection ALL = new FactSelection(Map.of());

    @TempDir
    Path dir;

    private Inventory read(String content) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, content);
        return new SnapshotProvider(file).collect(ALL, Progress.NONE);
    }

    private String error(String content) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, content);
        ProviderException e = assertThrows(ProviderException.class,
                () -> new SnapshotProvider(file).collect(ALL, Progress.NONE));
        assertTrue(e.inputError(), "a broken file is an input error (exit 2)");
        return e.getMessage();
    }

    private static Resource bucket(String id) {
        return Resource.builder("aws", "111122223333", id)
                .kind(AwsCloud.BUCKET)
                .parent(AwsCloud.ORGANIZATION, "o-a1b2c3d4e5")
                .collected(S3Facts.ACL, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET, S3Facts.OBJECT_OWNERSHIP)
                .unknown(S3Facts.POLICY, "GetBucketPolicy", "s3:GetBucketPolicy", "AccessDenied")
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.LIST), S3Channels.ACL, "bucket ACL"))
                .details(S3Bucket.UNREAD.withBucketBlockPublicAccess(BlockPublicAccess.NONE)
                        .withObjectOwnership(ObjectOwnership.OBJECT_WRITER))
                .build();
    }

    @Test
    void whatIsSavedIsReadBackUnchangedAndInAStableOrder() throws Exception {
        Path file = dir.resolve("saved.json");
        List<Resource> resources = List.of(bucket("zeta"), bucket("alpha"));
        Snapshot.write(resources, file);
        Inventory back = new SnapshotProvider(file).collect(ALL, Progress.NONE);
        assertEquals(List.of(), back.errors());
        assertEquals(List.of(bucket("alpha"), bucket("zeta")), back.resources());
        String first = Files.readString(file);
        assertTrue(first.contains("\"formatVersion\" : \"2.0\""), first);
        Snapshot.write(back.resources(), file);
        assertEquals(first, Files.readString(file), "same resources, same bytes");
    }

    /** A bucket with every read-audit fact: a log destination and a trail of each selector kind. */
    static Resource audited() {
        var lifecycle = new Lifecycle(List.of(new Expiration("expire-logs", "uploads/", false, 30, null),
                new Expiration(null, "", true, null, "2027-01-01")));
        Trail basic = new Trail("reads", "arn:aws:cloudtrail:eu-west-1:111122223333:trail/reads", "eu-west-1", true,
                true, List.of(new EventSelector("ReadOnly", List.of(new EventSelector.DataResource("AWS::S3::Object",
                List.of("arn:aws:s3"))))), List.of(), new LogDestination("trail-logs", "AWSLogs/", Lifecycle.NONE,
                null), List.of());
        Trail advanced = new Trail("org", null, "us-east-1", true, null, null, List.of(new AdvancedEventSelector(
                "data", List.of(new AdvancedEventSelector.FieldSelector("resources.ARN", null, List.of(
                "arn:aws:s3:::uploads/"), null, null, List.of("arn:aws:s3:::uploads/tmp/"), null)))),
                new LogDestination("central", "AWSLogs/", null, "bucket central is not one of account 111122223333's "
                        + "buckets, so its lifecycle was not read"),
                List.of(new dev.bucketguard.model.Unknown(S3Facts.TRAILS, "GetTrailStatus",
                        "cloudtrail:GetTrailStatus", "AccessDeniedException")));
        return Resource.builder("aws", "111122223333", "uploads").kind(AwsCloud.BUCKET)
                .collected(S3Facts.LOGGING, S3Facts.LOG_DESTINATION, S3Facts.TRAILS)
                .details(S3Bucket.UNREAD.withLogging(new Logging(true, "logs/uploads/"))
                        .withLogDestination(new LogDestination("logs", "uploads/", lifecycle, null))
                        .withTrails(List.of(basic, advanced)))
                .build();
    }

    @Test
    void theReadAuditFactsAreSavedAndReadBackUnchanged() throws Exception {
        Path file = dir.resolve("audited.json");
        Snapshot.write(List.of(audited()), file);
        Inventory back = new SnapshotProvider(file).collect(ALL, Progress.NONE);
        assertEquals(List.of(), back.errors());
        assertEquals(List.of(audited()), back.resources());
        assertEquals(Set.of(), SnapshotSchemaTest.violations(file), "the schema documents what is written");
    }

    @Test
    void invalidJsonNamesLineAndColumn() throws Exception {
        String m = error("{\n  \"formatVersion\": \"2.0\",\n  \"resources\": [ { \"id\": } ]\n}");
        assertTrue(m.matches(".*s\\.json:3:\\d+: not valid JSON: .*"), m);
    }

    @Test
    void anUnknownTopLevelFieldIsNamed() throws Exception {
        String m = error("{\"formatVersion\": \"2.0\", \"resource\": []}");
        assertTrue(m.contains("at $.resource: unknown field 'resource'"), m);
    }

    @Test
    void missingRequiredTopLevelFieldsAreNamed() throws Exception {
        assertTrue(error("{\"resources\": []}").contains("missing required field 'formatVersion'"));
        assertTrue(error("{\"formatVersion\": \"2.0\"}").contains("missing required field 'resources'"));
        assertTrue(error("[]").contains("a snapshot is a JSON object"));
    }

    @Test
    void aVersionOneFileGetsOneLineNamingTheVersionAndTheConverter() throws Exception {
        String m = error("{\n  \"formatVersion\": \"1.0\",\n  \"resources\": []\n}");
        assertEquals(dir.resolve("s.json") + ":2:3 at $.formatVersion: formatVersion 1.0 snapshots are no longer"
                + " read; convert with scripts/snapshot-v1-to-v2.py", m);
    }

    @Test
    void anUnsupportedOrMalformedFormatVersionIsAnInputError() throws Exception {
        assertTrue(error("{\"formatVersion\": \"3.0\", \"resources\": []}")
                .contains("formatVersion 3.0 is not supported (this version reads 2.x)"));
        String dot = error("{\"formatVersion\": \".\", \"resources\": []}");
        assertTrue(dot.contains(":1:2 at $.formatVersion: formatVersion '.' is not a version such as \"2.0\""), dot);
        assertTrue(error("{\"formatVersion\": 2.0, \"resources\": []}")
                .contains("at $.formatVersion: formatVersion is a string"));
    }

    @Test
    void aDuplicateTopLevelKeyStopsTheFileNamingIt() throws Exception {
        String m = error("{\"formatVersion\": \"2.0\",\n \"resources\": [],\n \"resources\": []}");
        assertTrue(m.endsWith(":3:2 at $.resources: duplicate field 'resources'"), m);
    }

    /** One bad resource between two good ones: its one error, and the good ones read. */
    private ScanError onlyError(String bad) throws Exception {
        Inventory inv = read("{\"formatVersion\": \"2.0\", \"resources\": [\n"
                + "{\"provider\": \"aws\", \"account\": \"1\", \"id\": \"good-one\", \"kind\": \"BUCKET\"},\n"
                + bad + ",\n"
                + "{\"provider\": \"aws\", \"account\": \"1\", \"id\": \"good-two\", \"kind\": \"BUCKET\"}\n]}\n");
        assertEquals(List.of("good-one", "good-two"), inv.resources().stream().map(Resource::id).toList(),
                "the other resources are still read");
        assertEquals(1, inv.errors().size(), inv.errors().toString());
        ScanError e = inv.errors().get(0);
        assertEquals(ScanError.Kind.INPUT, e.kind(), "an input error: exit 2");
        return e;
    }

    /** Asserts "s.json:3:COL at PATH..." with COL the column of {@code marker} in the bad line (1-based). */
    private void assertAt(ScanError e, String bad, String marker, String path, String message) {
        int col = bad.indexOf(marker) + 1;
        assertTrue(col > 0, marker);
        String expected = dir.resolve("s.json") + ":3:" + col + " at " + path;
        assertTrue(e.message().startsWith(expected), "expected " + expected + " in: " + e.message());
        assertTrue(e.message().contains(message), "expected '" + message + "' in: " + e.message());
    }

    private static final String HEAD = "{\"provider\": \"aws\", \"account\": \"1\", \"id\": \"bad\", \"kind\": \"BUCKET\"";

    @Test
    void anUnknownProviderIsRefusedNamingTheKnownOnes() throws Exception {
        for (String provider : List.of("gcs", "Azure", "AWS")) {
            String bad = "{\"account\": \"1\", \"id\": \"bad\", \"provider\": \"" + provider + "\", \"kind\": \"BUCKET\"}";
            ScanError e = onlyError(bad);
            assertAt(e, bad, "\"provider\"", "$.resources[1].provider", "unknown provider '" + provider
                    + "' (known: aws");
        }
        String bad = "{\"account\": \"1\", \"id\": \"bad\", \"provider\": \"AWS\", \"kind\": \"BUCKET\"}";
        assertTrue(onlyError(bad).message().contains("provider ids are lower case: 'aws'"));
    }

    @Test
    void aChannelOfAnotherCloudIsRefusedAtTheGrantsVia() throws Exception {
        String bad = HEAD + ", \"grants\": [{\"grantee\": {\"kind\": \"ANONYMOUS\"}, \"permissions\": [\"READ\"],"
                + " \"via\": \"IAM_BINDING\", \"source\": \"x\"}]}";
        assertAt(onlyError(bad), bad, "\"via\"", "$.resources[1].grants[0].via",
                "channel 'IAM_BINDING' is not one of aws's (ACCESS_POINT_POLICY, ACL, OBJECT_ACL, POLICY)");
    }

    @Test
    void aChannelBeforeTheProviderIsStillCheckedAndPlaced() throws Exception {
        String bad = "{\"grants\": [{\"grantee\": {\"kind\": \"ANONYMOUS\"}, \"permissions\": [\"READ\"],"
                + " \"via\": \"IAM_BINDING\", \"source\": \"x\"}], \"provider\": \"aws\", \"account\": \"1\","
                + " \"id\": \"bad\", \"kind\": \"BUCKET\"}";
        assertAt(onlyError(bad), bad, "\"via\"", "$.resources[1].grants[0].via",
                "channel 'IAM_BINDING' is not one of aws's");
    }

    @Test
    void aFactOfAnotherCloudIsRefusedAtItsElement() throws Exception {
        String bad = HEAD + ", \"collected\": [\"ACL\", \"IAM_POLICY\"]}";
        assertAt(onlyError(bad), bad, "\"IAM_POLICY\"", "$.resources[1].collected[1]",
                "fact 'IAM_POLICY' is not one of aws's");
        String unknown = HEAD + ", \"collected\": [\"ACL\"], \"unknowns\": [{\"fact\": \"NETWORK_RULES\","
                + " \"error\": \"x\"}]}";
        assertAt(onlyError(unknown), unknown, "\"fact\"", "$.resources[1].unknowns[0].fact",
                "fact 'NETWORK_RULES' is not one of aws's");
    }

    @Test
    void aKindOfAnotherCloudOrANumberIsRefusedAtTheKind() throws Exception {
        String other = "{\"provider\": \"aws\", \"account\": \"1\", \"id\": \"bad\", \"kind\": \"STORAGE_ACCOUNT\"}";
        assertAt(onlyError(other), other, "\"kind\"", "$.resources[1].kind",
                "kind 'STORAGE_ACCOUNT' is not one of aws's (BUCKET)");
        String number = "{\"provider\": \"aws\", \"account\": \"1\", \"id\": \"bad\", \"kind\": 0}";
        assertAt(onlyError(number), number, "\"kind\"", "$.resources[1].kind", "not the number 0");
    }

    @Test
    void aFieldOfAnotherCloudIsRefusedInTheDetails() throws Exception {
        String bad = HEAD + ", \"details\": {\"settings\": {}}}";
        assertAt(onlyError(bad), bad, "\"settings\"", "$.resources[1].details.settings",
                "unknown field \"settings\" (expected accessPoints, accountBlockPublicAccess");
    }

    @Test
    void aVersionOneFieldIsRefusedWithAHint() throws Exception {
        String bad = HEAD + ", \"guardrails\": {}}";
        assertAt(onlyError(bad), bad, "\"guardrails\"", "$.resources[1].guardrails",
                "belongs to snapshot format 1.0");
    }

    @Test
    void aParentKindOfAnotherCloudIsRefusedAtTheParent() throws Exception {
        String bad = HEAD + ", \"parents\": {\"tenant\": \"t\"}}";
        assertAt(onlyError(bad), bad, "\"tenant\"", "$.resources[1].parents.tenant",
                "parent kind 'tenant' is not one of aws's (organization)");
    }

    @Test
    void anEnumValueTheCloudDoesNotHaveIsRefusedNamingTheValues() throws Exception {
        String bad = HEAD + ", \"collected\": [\"OBJECT_OWNERSHIP\"], \"details\": {\"objectOwnership\":"
                + " \"BucketOwnerEnforced\"}}";
        assertAt(onlyError(bad), bad, "\"objectOwnership\"", "$.resources[1].details.objectOwnership",
                "'BucketOwnerEnforced' is not one of: BUCKET_OWNER_ENFORCED, BUCKET_OWNER_PREFERRED, NOT_CONFIGURED,"
                        + " OBJECT_WRITER");
        String number = HEAD + ", \"collected\": [\"OBJECT_OWNERSHIP\"], \"details\": {\"objectOwnership\": 0}}";
        assertAt(onlyError(number), number, "\"objectOwnership\"", "$.resources[1].details.objectOwnership",
                "the number 0 is not one of: BUCKET_OWNER_ENFORCED");
        String perm = HEAD + ", \"grants\": [{\"grantee\": {\"kind\": \"ANONYMOUS\"}, \"permissions\": [1],"
                + " \"via\": \"ACL\", \"source\": \"x\"}]}";
        assertAt(onlyError(perm), perm, "1]", "$.resources[1].grants[0].permissions[0]",
                "the number 1 is not one of: LIST, READ, READ_ACP, WRITE, WRITE_ACP");
    }

    @Test
    void aDuplicateKeyInAResourceIsNamedAtTheDuplicate() throws Exception {
        String bad = HEAD + ", \"id\": \"again\"}";
        assertAt(onlyError(bad), bad, "\"id\": \"again\"", "$.resources[1].id", "duplicate field 'id'");
        String nested = HEAD + ", \"grants\": [{\"grantee\": {\"kind\": \"ANONYMOUS\", \"kind\": \"OWNER\"},"
                + " \"permissions\": [\"READ\"], \"via\": \"ACL\", \"source\": \"x\"}]}";
        assertAt(onlyError(nested), nested, "\"kind\": \"OWNER\"", "$.resources[1].grants[0].grantee.kind",
                "duplicate field 'kind'");
    }

    @Test
    void aMissingNestedFieldIsNamedAsSuch() throws Exception {
        String bad = HEAD + ", \"grants\": [{\"grantee\": {}, \"permissions\": [\"READ\"], \"via\": \"ACL\","
                + " \"source\": \"x\"}]}";
        assertAt(onlyError(bad), bad, "\"grantee\"", "$.resources[1].grants[0].grantee",
                "missing required field 'kind'");
    }

    @Test
    void aNullResourceIsRefusedAndTheOthersRead() throws Exception {
        ScanError e = onlyError("null");
        assertTrue(e.message().startsWith(dir.resolve("s.json") + ":3:1 at $.resources[1]: "), e.message());
        assertTrue(e.message().contains("a resource is a JSON object, not null"), e.message());
        Inventory only = read("{\"formatVersion\": \"2.0\", \"resources\": [null]}");
        assertEquals(List.of(), only.resources());
        assertTrue(only.errors().get(0).message().contains("at $.resources[0]: a resource is a JSON object"));
    }

    @Test
    void aMissingIdNamesTheResource() throws Exception {
        String bad = "{\"provider\": \"aws\", \"account\": \"1\", \"kind\": \"BUCKET\"}";
        assertAt(onlyError(bad), bad, "{", "$.resources[1]", "missing required field 'id'");
    }

    @Test
    void aGrantWithoutPermissionsNamesItsResourceAndPlace() throws Exception {
        String bad = "{\"provider\": \"aws\", \"account\": \"1\", \"id\": \"bad-grant\", \"kind\": \"BUCKET\","
                + " \"grants\": [{\"grantee\": {\"kind\": \"ANONYMOUS\"}, \"permissions\": [], \"via\": \"ACL\","
                + " \"source\": \"x\"}]}";
        ScanError e = onlyError(bad);
        assertTrue(e.message().contains("(resource 'bad-grant')") && e.message().contains("at least one permission")
                && e.message().contains("at $.resources[1].grants[0]"), e.message());
    }

    @Test
    void anUnknownFactCannotClaimToBeUncollected() throws Exception {
        String bad = HEAD + ", \"unknowns\": [{\"fact\": \"POLICY\", \"error\": \"AccessDenied\"}]}";
        assertAt(onlyError(bad), bad, "\"fact\"", "$.resources[1].unknowns[0].fact",
                "unknown fact POLICY is not among the collected facts");
    }

    @Test
    void aKnownFactWithoutItsValueIsRefused() throws Exception {
        String bad = HEAD + ", \"collected\": [\"OBJECT_OWNERSHIP\"], \"details\": {}}";
        assertAt(onlyError(bad), bad, "\"details\"", "$.resources[1].details",
                "fact OBJECT_OWNERSHIP is collected and known, but its value is missing");
    }
}
