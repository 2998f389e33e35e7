package dev.bucketguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.aws.AdaptiveConcurrency.Permit;
import dev.bucketguard.aws.AdaptiveConcurrency.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The AIMD bound on requests in flight, driven answer by answer. */
class AdaptiveConcurrencyTest {

    private static void answer(AdaptiveConcurrency c, Signal s, int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            c.release(c.acquire(), s);
        }
    }

    @Test
    void startsAtEightAndDoublesPerRoundTripUntilTheCeiling() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.upTo(64);
        assertEquals(8, c.limit());
        answer(c, Signal.HEALTHY, 8);
        assertEquals(16, c.limit(), "slow start: one more per healthy answer");
        answer(c, Signal.HEALTHY, 1000);
        assertEquals(64, c.limit(), "never above --concurrency");
    }

    @Test
    void aSmallCeilingIsAlsoTheStart() {
        assertEquals(3, AdaptiveConcurrency.upTo(3).limit());
    }

    @Test
    void throttlingHalvesThenGrowthIsAdditive() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.startingAt(64, 40);
        answer(c, Signal.THROTTLED, 1);
        assertEquals(20, c.limit());
        answer(c, Signal.HEALTHY, 19);
        assertEquals(20, c.limit(), "after throttling, one more per limit's worth of healthy answers");
        answer(c, Signal.HEALTHY, 1);
        assertEquals(21, c.limit());
    }

    @Test
    void aBurstOfThrottlingFromOneWindowHalvesOnce() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.startingAt(64, 32);
        List<Permit> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(c.acquire());
        }
        inFlight.forEach(p -> c.release(p, Signal.THROTTLED));
        assertEquals(16, c.limit(), "ten throttled answers to requests sent at 32 say one thing: halve once");
        assertEquals(10, c.throttled());
        answer(c, Signal.THROTTLED, 1);
        assertEquals(8, c.limit(), "a request sent after the halving that is throttled too halves again");
    }

    @Test
    void throttlingSeenOnlyInAnErrorBodyHalvesOncePerWindow() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.startingAt(64, 32);
        answer(c, Signal.HEALTHY, 70);
        int before = c.limit();
        assertEquals(64, before);
        c.throttledAfterTheFact();
        c.throttledAfterTheFact();
        assertEquals(before / 2, c.limit(), "two in a row: one halving");
        answer(c, Signal.HEALTHY, before / 2 + 1);
        assertEquals(before / 2 + 1, c.limit(), "additive: one more after a window");
        c.throttledAfterTheFact();
        assertEquals(before / 4, c.limit(), "a window later it halves again");
    }

    @Test
    void neverBelowOne() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.startingAt(64, 4);
        answer(c, Signal.THROTTLED, 10);
        assertEquals(1, c.limit());
        assertEquals(1, c.lowest());
    }

    @Test
    void serverErrorsAndBrokenConnectionsSayNothingAboutLoad() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.startingAt(64, 10);
        answer(c, Signal.NEUTRAL, 50);
        assertEquals(10, c.limit());
    }

    @Test
    void aFixedBoundNeverMoves() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.fixed(16);
        answer(c, Signal.HEALTHY, 100);
        answer(c, Signal.THROTTLED, 5);
        assertEquals(16, c.limit());
    }

    @Test
    void aRequestWaitsForASlotAndGetsOneWhenAnotherIsAnswered() throws InterruptedException {
        AdaptiveConcurrency c = AdaptiveConcurrency.startingAt(2, 2);
        Permit a = c.acquire();
        c.acquire();
        CountDownLatch got = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                c.acquire();
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertFalse(got.await(200, TimeUnit.MILLISECONDS), "a third request must wait at a limit of 2");
        assertEquals(2, c.inFlight());
        c.release(a, Signal.HEALTHY);
        assertTrue(got.await(10, TimeUnit.SECONDS));
        waiter.join();
    }

    @Test
    void httpStatusesAreSignals() {
        assertEquals(Signal.THROTTLED, AdaptiveHttpClient.signalOf(503));
        assertEquals(Signal.THROTTLED, AdaptiveHttpClient.signalOf(429));
        assertEquals(Signal.NEUTRAL, AdaptiveHttpClient.signalOf(500));
        assertEquals(Signal.HEALTHY, AdaptiveHttpClient.signalOf(403));
        assertEquals(Signal.HEALTHY, AdaptiveHttpClient.signalOf(404));
        assertEquals(Signal.HEALTHY, AdaptiveHttpClient.signalOf(200));
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdaptiveConcurrency.startingAt(4, 5));
        assertThrows(IllegalArgumentException.class, () -> AdaptiveConcurrency.upTo(0));
    }
}
