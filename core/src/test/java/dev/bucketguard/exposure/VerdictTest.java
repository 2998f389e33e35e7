package dev.bucketguard.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.testcloud.Locker;
import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict always carries both dimensions, public and cross-account, whatever its exposure. */
class VerdictTest {
    private static final Grant PUBLIC = new Grant(Grantee.anonymous(), Set.of(Permission.READ), TestCloud.SHARE,
            "share 'public'");
    private static final Grant PARTNER = new Grant(Grantee.account("444455556666"), Set.of(Permission.READ),
            TestCloud.SHARE, "share 'partner'");

    private static Verdict judge(Resource r) {
        return new TestCloud().verdict(r, TrustZone.OWNER_ONLY);
    }

    @Test
    void aPublicResourceStillNamesTheOutsidersWhoHoldGrants() {
        Verdict a = judge(TestCloud.locker("111122223333", "cvs").grant(PUBLIC).grant(PARTNER).build());

        assertEquals(Exposure.PUBLIC, a.exposure());
        assertEquals(List.of("share 'public' grants read to anyone and the lock is open"), a.reasons());
        assertEquals(List.of("444455556666"), a.outsiders());
        assertEquals(Exposure.CROSS_ACCOUNT, a.crossAccount());
    }

    @Test
    void aPublicResourceWithoutNamedOutsidersIsPrivateOnTheCrossAccountDimension() {
        Verdict a = judge(TestCloud.locker("111122223333", "cvs").grant(PUBLIC).build());

        assertEquals(Exposure.PUBLIC, a.exposure());
        assertEquals(List.of(), a.outsiders());
        assertEquals(Exposure.PRIVATE, a.crossAccount());
    }

    @Test
    void aCrossAccountResourceNamesItsOutsiders() {
        Verdict a = judge(TestCloud.locker("111122223333", "cvs").grant(PARTNER).build());

        assertEquals(Exposure.CROSS_ACCOUNT, a.exposure());
        assertEquals(List.of("444455556666"), a.outsiders());
        assertEquals(Exposure.CROSS_ACCOUNT, a.crossAccount());
    }

    @Test
    void unreadGrantsLeaveBothDimensionsUnknownNamingThePermission() {
        Verdict a = judge(Resource.builder("test", "111122223333", "cvs").kind(TestCloud.LOCKER)
                .collected(TestCloud.LOCK).details(new Locker(Locker.Lock.ENGAGED, null))
                .unknown(TestCloud.GRANTS, "GetShares", "locker:GetShares", "AccessDenied").build());

        assertEquals(Exposure.UNKNOWN, a.exposure());
        String why = "could not read GRANTS: GetShares failed with AccessDenied (needs locker:GetShares)";
        assertEquals(List.of(why), a.reasons());
        assertEquals(List.of(why), a.unreadGrantFacts());
        assertEquals(Exposure.UNKNOWN, a.crossAccount(), "never PRIVATE when the grants could not be read");
    }

    @Test
    void aPublicShareBehindAnUnreadLockIsUndecidedAndSoIsThePublicDimension() {
        Verdict a = judge(Resource.builder("test", "111122223333", "cvs").kind(TestCloud.LOCKER)
                .collected(TestCloud.GRANTS).grant(PUBLIC)
                .unknown(TestCloud.LOCK, "GetLock", "locker:GetLock", "AccessDenied").build());

        assertEquals(Exposure.UNKNOWN, a.exposure());
        assertEquals(List.of("could not read LOCK: GetLock failed with AccessDenied (needs locker:GetLock)"),
                a.reasons());
        assertEquals(GrantEffect.Effect.UNDECIDED, a.effects().get(0).effect());
        assertEquals(Exposure.PRIVATE, a.crossAccount(), "the grants were read and name no outsider");
    }

    @Test
    void anEngagedLockNeutralisesPublicSharesOnly() {
        Verdict a = judge(TestCloud.locker("111122223333", "cvs").details(new Locker(Locker.Lock.ENGAGED, null))
                .grant(PUBLIC).grant(PARTNER).build());

        assertEquals(Exposure.CROSS_ACCOUNT, a.exposure());
        assertEquals(List.of(GrantEffect.Effect.NEUTRALISED, GrantEffect.Effect.IN_FORCE),
                a.effects().stream().map(GrantEffect::effect).toList());
        assertEquals(List.of(a.effects().get(1)), a.effects(g -> g.grantee().kind()
                == dev.bucketguard.model.GranteeKind.ACCOUNT));
        assertEquals(a.effects(), a.effects(TestCloud.SHARE));
    }

    @Test
    void aPrivateResourceIsPrivateOnBothDimensions() {
        Verdict a = judge(TestCloud.locker("111122223333", "cvs").build());

        assertEquals(Exposure.PRIVATE, a.exposure());
        assertEquals(List.of("no share reaches anyone outside the owner"), a.reasons());
        assertEquals(Exposure.PRIVATE, a.crossAccount());
    }

    @Test
    void aVerdictThatCouldNotBeReachedIsUnknownOnBothDimensions() {
        Verdict a = Verdict.unknown("the exposure verdict failed with an internal error");

        assertEquals(Exposure.UNKNOWN, a.exposure());
        assertEquals(List.of("the exposure verdict failed with an internal error"), a.reasons());
        assertEquals(Exposure.UNKNOWN, a.crossAccount());
    }

    @Test
    void outsidersAreSortedAndListedOnce() {
        Verdict a = new Verdict(Exposure.CROSS_ACCOUNT, List.of("r"), Set.of(), List.of(),
                List.of("b", "a", "b"), List.of("z", "y"), null);

        assertEquals(List.of("a", "b"), a.outsiders());
        assertEquals(List.of("y", "z"), a.undecidedOutsiders());
        assertEquals(List.of(), a.unreadGrantFacts());
    }
}
