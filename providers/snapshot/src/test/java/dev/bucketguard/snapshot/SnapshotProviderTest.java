package dev.bucketguard.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.BlockPublicAccess;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Guardrails;
import dev.bucketguard.model.ObjectOwnership;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotProviderTest {
    @TempDir
    Path dir;

    private Inventory read(String content) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, content);
        return new SnapshotProvider(file).collect(Set.of(), Progress.NONE);
    }

    private String error(String content) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, content);
        ProviderException e = assertThrows(ProviderException.class,
                () -> new SnapshotProvider(file).collect(Set.of(), Progress.NONE));
        assertTrue(e.inputError(), "a broken file is an input error (exit 2)");
        return e.getMessage();
    }

    private static Resource bucket(String id) {
        return Resource.builder("aws", "111122223333", id)
                .collected(Fact.ACL, Fact.BLOCK_PUBLIC_ACCESS_BUCKET, Fact.OBJECT_OWNERSHIP)
                .unknown(Fact.POLICY, "GetBucketPolicy", "s3:GetBucketPolicy", "AccessDenied")
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.LIST), Channel.ACL, "bucket ACL"))
                .guardrails(Guardrails.s3(null, BlockPublicAccess.NONE, ObjectOwnership.OBJECT_WRITER))
                .build();
    }

    @Test
    void whatIsSavedIsReadBackUnchangedAndInAStableOrder() throws Exception {
        Path file = dir.resolve("saved.json");
        List<Resource> resources = List.of(bucket("zeta"), bucket("alpha"));
        Snapshot.write(resources, file);
        Inventory back = new SnapshotProvider(file).collect(Set.of(), Progress.NONE);
        assertEquals(List.of(bucket("alpha"), bucket("zeta")), back.resources());
        String first = Files.readString(file);
        Snapshot.write(back.resources(), file);
        assertEquals(first, Files.readString(file), "same resources, same bytes");
    }

    @Test
    void invalidJsonNamesLineAndColumn() throws Exception {
        String m = error("{\n  \"formatVersion\": \"1.0\",\n  \"resources\": [ { \"id\": } ]\n}");
        assertTrue(m.matches(".*s\\.json:3:\\d+: not valid JSON: .*"), m);
    }

    @Test
    void anUnknownTopLevelFieldIsNamed() throws Exception {
        String m = error("{\"formatVersion\": \"1.0\", \"resource\": []}");
        assertTrue(m.contains("at $.resource: unknown field 'resource'"), m);
    }

    @Test
    void missingRequiredTopLevelFieldsAreNamed() throws Exception {
        assertTrue(error("{\"resources\": []}").contains("missing required field 'formatVersion'"));
        assertTrue(error("{\"formatVersion\": \"1.0\"}").contains("missing required field 'resources'"));
        assertTrue(error("[]").contains("a snapshot is a JSON object"));
    }

    @Test
    void anUnsupportedFormatVersionIsRefused() throws Exception {
        String m = error("{\"formatVersion\": \"2.0\", \"resources\": []}");
        assertTrue(m.contains("snapshot format '2.0' is not supported"), m);
    }

    @Test
    void aBadResourceIsAnInputErrorNamingItsPlaceAndTheOthersAreStillRead() throws Exception {
        Inventory inv = read("""
                {"formatVersion": "1.0", "resources": [
                  {"provider": "aws", "account": "1", "id": "good-one", "kind": "BUCKET"},
                  {"provider": "aws", "account": "1", "kind": "BUCKET"},
                  {"provider": "aws", "account": "1", "id": "bad-grant", "kind": "BUCKET",
                   "grants": [{"grantee": {"kind": "ANONYMOUS"}, "permissions": [], "via": "ACL", "source": "x"}]},
                  {"provider": "aws", "account": "1", "id": "bad-enum", "kind": "BUCKIT"},
                  {"provider": "aws", "account": "1", "id": "good-two", "kind": "BUCKET"}
                ]}
                """);
        assertEquals(List.of("good-one", "good-two"), inv.resources().stream().map(Resource::id).toList());
        assertEquals(3, inv.errors().size());
        assertTrue(inv.errors().stream().allMatch(e -> e.kind() == ScanError.Kind.INPUT));
        assertTrue(inv.errors().get(0).message().contains(":3:") && inv.errors().get(0).message()
                .contains("$.resources[1]") && inv.errors().get(0).message().contains("missing required field 'id'"),
                inv.errors().get(0).message());
        assertTrue(inv.errors().get(1).message().contains("(resource 'bad-grant')")
                && inv.errors().get(1).message().contains("at least one permission"), inv.errors().get(1).message());
        assertTrue(inv.errors().get(2).message().contains("$.resources[3].kind"), inv.errors().get(2).message());
    }

    @Test
    void anUnknownFactCannotClaimToBeUncollected() throws Exception {
        Inventory inv = read("""
                {"formatVersion": "1.0", "resources": [
                  {"provider": "aws", "account": "1", "id": "b", "kind": "BUCKET",
                   "unknowns": [{"fact": "POLICY", "error": "AccessDenied"}]}
                ]}
                """);
        assertEquals(1, inv.errors().size());
        assertTrue(inv.errors().get(0).message().contains("not among the collected facts"),
                inv.errors().get(0).message());
    }
}
