package dev.bucketguard.cloud.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Members and ACL entities in every form GCS writes them, matched to the owner and the trusted set. */
class GcpMembersTest {
    private static final String ID = "applicants-prod";
    private static final String NUMBER = "123456789012";

    private static boolean trusted(String member, String... trusted) {
        return GcpMembers.trusted(member, ID, NUMBER, Set.of(trusted));
    }

    @Test
    void peopleAndGroupsBelongToTheExactDomainOfTheirAddress() {
        assertEquals(Set.of("example.com"), GcpMembers.owners("user:Alice@Example.com"));
        assertTrue(trusted("user:alice@example.com", "example.com"));
        assertTrue(trusted("group:hr@example.com", "EXAMPLE.COM"));
        assertTrue(trusted("user-alice@example.com", "example.com"), "ACL entity form");
        assertTrue(trusted("domain:example.com", "example.com"));
        assertTrue(trusted("domain-example.com", "example.com"), "ACL entity form");
        assertFalse(trusted("user:alice@eu.example.com", "example.com"), "a subdomain is not the domain");
        assertFalse(trusted("user:alice@example.com.evil.test", "example.com"));
        assertFalse(trusted("user:alice@gmail.com"));
    }

    @Test
    void theOwnerProjectIsRecognisedByIdInIamAndByNumberInAcls() {
        assertTrue(trusted("projectOwner:" + ID));
        assertTrue(trusted("projectViewer:" + ID));
        assertTrue(trusted("project-owners-" + NUMBER));
        assertTrue(trusted("project-viewers-" + NUMBER));
        assertTrue(trusted("serviceAccount:app@" + ID + ".iam.gserviceaccount.com"));
        assertTrue(trusted("serviceAccount:" + NUMBER + "-compute@developer.gserviceaccount.com"));
        assertTrue(trusted("serviceAccount:service-" + NUMBER + "@gs-project-accounts.iam.gserviceaccount.com"),
                "a service agent belongs to the project number it names, not to 'gs-project-accounts'");
        assertTrue(trusted("serviceAccount:" + ID + "@appspot.gserviceaccount.com"));
        assertFalse(trusted("project-owners-999999999999"));
        assertFalse(trusted("projectEditor:other-prj"));
    }

    @Test
    void trustedProjectsAreAcceptedByIdOrNumber() {
        assertTrue(trusted("serviceAccount:etl@analytics-prj.iam.gserviceaccount.com", "analytics-prj"));
        assertTrue(trusted("project-viewers-555", "555"));
        assertFalse(trusted("project-viewers-555", "analytics-prj"), "an id does not say which number it has");
    }

    @Test
    void principalsAreOutsideUnlessTheyNameATrustedProject() {
        String pool = "principal://iam.googleapis.com/projects/555/locations/global/workloadIdentityPools/p/subject/s";
        assertFalse(trusted(pool));
        assertTrue(trusted(pool, "555"));
        assertFalse(trusted("principalSet://iam.googleapis.com/locations/global/workforcePools/partners/*",
                "partners"));
        assertEquals(Set.of(), GcpMembers.owners("user-00b4903a97d3c1"), "a Google account id is nobody's domain");
    }
}
