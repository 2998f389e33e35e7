package dev.bucketguard.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustZoneTest {
    private static final Resource.Owner OWNER = new Resource.Owner("111122223333", Map.of("group", "g-own"));

    @Test
    void theOwnerAndItsParentsAreTrustedWithoutBeingNamed() {
        TrustZone zone = TrustZone.OWNER_ONLY;

        assertTrue(zone.trustsAccount(OWNER, "111122223333"));
        assertTrue(zone.trustsAccount(OWNER, "g-own"), "the owner's own group (tenant) named as an account");
        assertTrue(zone.trustsOrganization(OWNER, "g-own"));
        assertFalse(zone.trustsAccount(OWNER, "444455556666"));
        assertFalse(zone.trustsOrganization(OWNER, "g-other"));
        assertFalse(zone.trustsOrganization(OWNER, "111122223333"), "an account is no organisation");
        assertTrue(zone.ownerOnly());
    }

    @Test
    void trustedAccountsAndOrganisationsAreAddedToTheOwnersOwn() {
        TrustZone zone = new TrustZone(Set.of("444455556666"), Set.of("g-partner"));

        assertTrue(zone.trustsAccount(OWNER, "444455556666"));
        assertTrue(zone.trustsAccount(OWNER, "g-own"));
        assertTrue(zone.trustsOrganization(OWNER, "g-partner"));
        assertTrue(zone.trustsOrganization(OWNER, "g-own"));
        assertFalse(zone.trustsAccount(OWNER, "555566667777"));
        assertFalse(zone.ownerOnly());
    }

    private static Verdict judge(Grantee grantee, TrustZone zone) {
        Resource r = TestCloud.locker("111122223333", "cvs").parent(TestCloud.GROUP, "g-own")
                .grant(new Grant(grantee, Set.of(Permission.READ), TestCloud.SHARE, "share 'x'")).build();
        return new TestCloud().verdict(r, zone);
    }

    @Test
    void aShareToTheOwnersOwnGroupIsNoOutsiderInTheVerdict() {
        Verdict asOrganisation = judge(Grantee.organization("g-own"), TrustZone.OWNER_ONLY);
        Verdict asAccount = judge(Grantee.account("g-own"), TrustZone.OWNER_ONLY);

        assertEquals(Exposure.PRIVATE, asOrganisation.exposure(), asOrganisation.reasons()::toString);
        assertEquals(List.of(), asOrganisation.outsiders());
        assertEquals(Exposure.PRIVATE, asAccount.exposure(), asAccount.reasons()::toString);
        assertEquals(List.of(), asAccount.outsiders());
    }

    @Test
    void aShareToAnotherGroupIsAnOutsiderUnlessTrusted() {
        Verdict outside = judge(Grantee.organization("g-partner"), TrustZone.OWNER_ONLY);
        assertEquals(Exposure.CROSS_ACCOUNT, outside.exposure());
        assertEquals(List.of("g-partner"), outside.outsiders());
        assertEquals(List.of("share 'x' grants read to organization g-partner (outside the owner account and the "
                + "trusted set)"), outside.reasons());

        Verdict trusted = judge(Grantee.organization("g-partner"), new TrustZone(Set.of(), Set.of("g-partner")));
        assertEquals(Exposure.PRIVATE, trusted.exposure());
        assertEquals(List.of(), trusted.outsiders());
    }

    @Test
    void aShareToAnotherAccountIsAnOutsiderUnlessTrusted() {
        assertEquals(Exposure.CROSS_ACCOUNT, judge(Grantee.account("444455556666"), TrustZone.OWNER_ONLY).exposure());
        assertEquals(Exposure.PRIVATE, judge(Grantee.account("444455556666"),
                new TrustZone(Set.of("444455556666"), Set.of())).exposure());
    }
}
