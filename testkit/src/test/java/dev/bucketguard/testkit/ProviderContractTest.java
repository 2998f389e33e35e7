package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Grantee;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.testcloud.Locker;
import dev.bucketguard.testcloud.TestCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * The provider contract on an in-memory locker service: an honest provider keeps it, and each way of breaking it
 * (a refused fact reported as known or forgotten, a grant from a refused fact, a broken resource that stops the scan,
 * facts nobody asked for, a mutation that is sent) fails the contract test that guards it.
 */
class ProviderContractTest {

    /** How a locker service provider may break the contract. */
    enum Flaw { NONE, REFUSED_FACT_KNOWN, REFUSED_FACT_FORGOTTEN, GRANT_FROM_REFUSED_FACT, STOPS_AT_BROKEN,
        READS_EVERYTHING, NO_GUARD }

    /** Thrown by the service's guard for a mutation. */
    static final class Refused extends RuntimeException {
        Refused(String call) {
            super(call + " refused: read-only");
        }
    }

    /** A locker service: lockers, with every read refused or one locker broken; it counts requests. */
    static final class LockerService implements Provider {
        final List<String> ids;
        final boolean denyEverything;
        final String broken;
        final Flaw flaw;
        final AtomicLong requests = new AtomicLong();

        LockerService(List<String> ids, boolean denyEverything, String broken, Flaw flaw) {
            this.ids = ids;
            this.denyEverything = denyEverything;
            this.broken = broken;
            this.flaw = flaw;
        }

        @Override
        public String id() {
            return "lockers";
        }

        @Override
        public Inventory collect(FactSelection selection, Progress progress) {
            Set<Fact> asked = new TreeSet<>(selection.of(TestCloud.ID));
            Set<Fact> facts = flaw == Flaw.READS_EVERYTHING ? new TestCloud().facts() : asked;
            List<Resource> out = new ArrayList<>();
            for (String id : ids) {
                if (id.equals(broken) && flaw == Flaw.STOPS_AT_BROKEN) {
                    throw new IllegalStateException("unparseable answer for " + id);
                }
                Resource.Builder b = Resource.builder(TestCloud.ID, "acct-1", id).kind(TestCloud.LOCKER);
                boolean refused = denyEverything || id.equals(broken);
                for (Fact f : facts) {
                    if (!refused || flaw == Flaw.REFUSED_FACT_KNOWN) {
                        b.collected(f);
                    } else if (flaw != Flaw.REFUSED_FACT_FORGOTTEN) {
                        b.unknown(f, "Get" + f, "lockers." + f.name().toLowerCase(java.util.Locale.ROOT) + ".get",
                                refused && !denyEverything ? "unparseable answer" : "Forbidden");
                    }
                }
                if (!refused || flaw == Flaw.REFUSED_FACT_KNOWN) {
                    b.details(new Locker(Locker.Lock.OPEN, "label"));
                }
                if (refused && flaw == Flaw.GRANT_FROM_REFUSED_FACT) {
                    b.grant(new Grant(Grantee.anonymous(), Set.of(Permission.READ), TestCloud.SHARE, "share", null,
                            List.of(), null));
                }
                out.add(b.build());
            }
            return new Inventory(out, List.of());
        }

        /** A mutation through the service's client: refused unless the guard is missing, then sent. */
        void mutate(String call) {
            if (flaw != Flaw.NO_GUARD) {
                throw new Refused(call);
            }
            requests.incrementAndGet();
        }

        void read() {
            requests.incrementAndGet();
        }
    }

    /** The contract over a locker service with one flaw. */
    static final class LockerContract extends ProviderContract {
        final Flaw flaw;

        LockerContract(Flaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected Cloud cloud() {
            return new TestCloud();
        }

        @Override
        protected World everyFactDenied() {
            return World.of(new LockerService(List.of("l1", "l2"), true, null, flaw), "l1", "l2");
        }

        @Override
        protected World oneBrokenResource() {
            return World.withBroken(new LockerService(List.of("l1", "l2", "l3"), false, "l2", flaw), "l2",
                    "l1", "l2", "l3");
        }

        @Override
        protected ReadOnlyProbe readOnlyProbe() {
            LockerService service = new LockerService(List.of("l1"), false, null, flaw);
            Map<String, Executable> calls = Map.of("DeleteLocker", () -> service.mutate("DeleteLocker"),
                    "ShareLocker", () -> service.mutate("ShareLocker"));
            return new ReadOnlyProbe(calls, Refused.class, service::read, service.requests::get);
        }
    }

    private static void allKept(LockerContract c) {
        assertDoesNotThrow(c::everyDeniedFactIsUnknownNamingTheCallAndThePermission);
        assertDoesNotThrow(c::aResourceWhoseFactsAreRefusedHasNoGrantAnUnknownVerdictAndNoPass);
        assertDoesNotThrow(c::oneBrokenResourceDoesNotStopTheOthers);
        assertDoesNotThrow(c::onlyTheFactsAskedForAreCollected);
        assertDoesNotThrow(c::twoReadsOfTheSameWorldGiveTheSameResources);
        assertDoesNotThrow(c::mutatingCallsAreRefusedBeforeTheyAreSent);
    }

    @Test
    void anHonestProviderKeepsTheWholeContract() {
        allKept(new LockerContract(Flaw.NONE));
    }

    @Test
    void aRefusedFactReportedAsKnownFailsTheContract() {
        LockerContract c = new LockerContract(Flaw.REFUSED_FACT_KNOWN);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                c::everyDeniedFactIsUnknownNamingTheCallAndThePermission);
        assertTrue(e.getMessage().contains("test:acct-1:l1: GRANTS is known although every read was refused"),
                e.getMessage());
    }

    @Test
    void aRefusedFactNeitherReadNorReportedFailsTheContract() {
        LockerContract c = new LockerContract(Flaw.REFUSED_FACT_FORGOTTEN);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                c::everyDeniedFactIsUnknownNamingTheCallAndThePermission);
        assertTrue(e.getMessage().contains("LOCK was asked for and neither read nor reported as unknown"),
                e.getMessage());
    }

    @Test
    void aGrantFromARefusedFactFailsTheContract() {
        LockerContract c = new LockerContract(Flaw.GRANT_FROM_REFUSED_FACT);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                c::aResourceWhoseFactsAreRefusedHasNoGrantAnUnknownVerdictAndNoPass);
        assertTrue(e.getMessage().contains("grants read from refused facts"), e.getMessage());
    }

    @Test
    void aBrokenResourceThatStopsTheScanFailsTheContract() {
        LockerContract c = new LockerContract(Flaw.STOPS_AT_BROKEN);
        IllegalStateException e = assertThrows(IllegalStateException.class, c::oneBrokenResourceDoesNotStopTheOthers);
        assertTrue(e.getMessage().contains("l2"), e.getMessage());
    }

    @Test
    void readingFactsNobodyAskedForFailsTheContract() {
        LockerContract c = new LockerContract(Flaw.READS_EVERYTHING);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, c::onlyTheFactsAskedForAreCollected);
        assertTrue(e.getMessage().contains("was asked for ENCRYPTION only"), e.getMessage());
    }

    @Test
    void aMutationThatIsSentFailsTheContract() {
        LockerContract c = new LockerContract(Flaw.NO_GUARD);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, c::mutatingCallsAreRefusedBeforeTheyAreSent);
        assertTrue(e.getMessage().contains("DeleteLocker was not refused"), e.getMessage());
    }
}
