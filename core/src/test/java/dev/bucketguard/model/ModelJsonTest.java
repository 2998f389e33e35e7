package dev.bucketguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
    private final ObjectMapper json = ModelJson.mapper();

    @Test
    void resourceSurvivesARoundTripUnchanged() throws Exception {
        Resource r = Resource.builder("aws", "111122223333", "applicants")
                .region("eu-west-1")
                .collected(Fact.ACL, Fact.BLOCK_PUBLIC_ACCESS_BUCKET)
                .unknown(Fact.POLICY, "GetBucketPolicy", "s3:GetBucketPolicy", "AccessDenied")
                .grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ, Permission.LIST), Channel.ACL,
                        "bucket ACL", null, List.of(), null, null))
                .guardrails(Guardrails.s3(null, BlockPublicAccess.NONE, ObjectOwnership.OBJECT_WRITER))
                .encryption(Encryption.providerManaged("AES256"))
                .build();
        String text = json.writeValueAsString(r);
        Resource back = json.readValue(text, Resource.class);
        assertEquals(r, back);
        assertEquals(text, json.writeValueAsString(back));
        assertTrue(back.knows(Fact.ACL));
        assertTrue(!back.knows(Fact.POLICY));
    }

    @Test
    void permissionsAreWrittenInDeclarationOrderWhateverTheOrderGiven() throws Exception {
        Grant g = new Grant(Grantee.anonymous(), Set.of(Permission.WRITE_ACP, Permission.WRITE, Permission.READ,
                Permission.LIST), Channel.ACL, "bucket ACL");
        assertTrue(json.writeValueAsString(g).replaceAll("\\s", "")
                .contains("\"permissions\":[\"LIST\",\"READ\",\"WRITE\",\"WRITE_ACP\"]"),
                json.writeValueAsString(g));
    }

    @Test
    void unknownFieldsAndMissingIdsAreRejected() {
        assertThrows(Exception.class, () -> json.readValue(
                "{\"provider\":\"aws\",\"account\":\"1\",\"id\":\"b\",\"kind\":\"BUCKET\",\"colour\":\"red\"}",
                Resource.class));
        assertThrows(Exception.class, () -> json.readValue(
                "{\"provider\":\"aws\",\"account\":\"1\",\"kind\":\"BUCKET\"}", Resource.class));
    }
}
