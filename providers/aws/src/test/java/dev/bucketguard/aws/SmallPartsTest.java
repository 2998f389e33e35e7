package dev.bucketguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.GranteeKind;
import dev.bucketguard.model.Permission;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void onlyReadingOperationsPassTheGuard() {
        for (String op : List.of("GetBucketAcl", "ListBuckets", "HeadBucket", "DescribeKey", "GetCallerIdentity",
                "AssumeRole")) {
            assertTrue(ReadOnlyGuard.allowed(op), op);
        }
        for (String op : List.of("PutBucketAcl", "DeleteBucket", "CreateBucket", "PutPublicAccessBlock",
                "ScheduleKeyDeletion", "AssumeRoleWithWebIdentity", "RestoreObject", "CopyObject", "")) {
            assertFalse(ReadOnlyGuard.allowed(op), op);
        }
        assertFalse(ReadOnlyGuard.allowed(null));
    }

    @Test
    void endpointsComeFromTheOptionThenServiceVariableThenGeneralVariable() {
        URI opt = URI.create("http://127.0.0.1:1");
        assertEquals(new Endpoints(opt, opt, opt, opt, opt),
                Endpoints.resolve(opt, Map.of("AWS_ENDPOINT_URL", "http://x")));
        Endpoints env = Endpoints.resolve(null, Map.of("AWS_ENDPOINT_URL_S3", "http://s3:1",
                "AWS_ENDPOINT_URL", "http://all:2"));
        assertEquals(URI.create("http://s3:1"), env.s3());
        assertEquals(URI.create("http://all:2"), env.sts());
        assertEquals(URI.create("http://all:2"), env.kms());
        assertEquals(URI.create("http://all:2"), env.cloudTrail());
        assertEquals(Endpoints.AWS, Endpoints.resolve(null, Map.of()));
        assertNull(Endpoints.resolve(null, Map.of()).s3());
    }

    @Test
    void bucketAclReadListsAndObjectAclReadReads() {
        assertEquals(EnumSet.of(Permission.LIST), AclGrants.permissions("READ", false));
        assertEquals(EnumSet.of(Permission.READ), AclGrants.permissions("READ", true));
        assertFalse(AclGrants.permissions("FULL_CONTROL", false).contains(Permission.READ));
        assertTrue(AclGrants.permissions("FULL_CONTROL", false).contains(Permission.WRITE_ACP));
        assertEquals(EnumSet.allOf(Permission.class), AclGrants.permissions("SOMETHING_NEW", false));
    }

    @Test
    void anObjectAclGrantIsScopedToItsKeyAndABucketAclGrantToNothing() {
        var allUsersRead = software.amazon.awssdk.services.s3.model.Grant.builder()
                .grantee(g -> g.type(software.amazon.awssdk.services.s3.model.Type.GROUP).uri(AclGrants.ALL_USERS))
                .permission(software.amazon.awssdk.services.s3.model.Permission.READ).build();
        Grant object = AclGrants.object(List.of(allUsersRead), "owner", "reports/2024.csv").get(0);
        assertEquals(S3Channels.OBJECT_ACL, object.via());
        assertEquals("reports/2024.csv", object.scope());
        assertEquals(GranteeKind.ANONYMOUS, object.grantee().kind());
        assertEquals(EnumSet.of(Permission.READ), object.permissions());
        Grant bucket = AclGrants.bucket(List.of(allUsersRead), "owner").get(0);
        assertEquals(S3Channels.ACL, bucket.via());
        assertNull(bucket.scope());
        assertEquals(EnumSet.of(Permission.LIST), bucket.permissions());
    }

    @Test
    void websiteEndpointsUseTheRegionsOwnForm() {
        assertEquals("http://b.s3-website-us-east-1.amazonaws.com", BucketReader.websiteEndpoint("b", "us-east-1"));
        assertEquals("http://b.s3-website.eu-central-1.amazonaws.com",
                BucketReader.websiteEndpoint("b", "eu-central-1"));
    }

    @Test
    void sampleIsSpreadEvenlyOverTheKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(String.format("k%03d", i));
        }
        assertEquals(List.of("k000", "k025", "k050", "k075"), BucketReader.spread(keys, 4));
        assertEquals(List.of("k000", "k001"), BucketReader.spread(keys.subList(0, 2), 4));
    }

    @Test
    void ipEndpointsGetAPrefixableHost() {
        assertEquals(URI.create("http://localhost:4566"),
                EmulatorHostRewrite.prefixable(URI.create("http://127.0.0.1:4566")));
        assertEquals(URI.create("https://s3.example.com"),
                EmulatorHostRewrite.prefixable(URI.create("https://s3.example.com")));
    }
}
