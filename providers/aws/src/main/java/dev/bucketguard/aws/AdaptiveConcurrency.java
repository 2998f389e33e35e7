package dev.bucketguard.aws;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests may be in flight at once, following the cloud: additive increase while answers are healthy,
 * halving on throttling (AIMD, as TCP does), never above the ceiling ({@code --concurrency}) nor below one.
 *
 * <p>Until the first throttling answer the limit grows by one per healthy answer (it doubles per round trip, "slow
 * start"); after that by one per limit's worth of healthy answers. A burst of throttling answers halves the limit
 * once: an answer to a request sent before the last halving says nothing about the new limit. Thread-safe; one
 * instance bounds a whole scan, every account included.
 */
final class AdaptiveConcurrency {
    /** What an answer says about the load. */
    enum Signal {
        /** Served (a refusal or "no such configuration" included): the cloud keeps up. */
        HEALTHY,
        /** 503 SlowDown, 429 or a throttling error code: too many requests. */
        THROTTLED,
        /** A server error or a broken connection: says nothing about the load. */
        NEUTRAL
    }

    /** A request's slot, with the halving epoch it was sent in. */
    record Permit(long epoch) {
    }

    private final int ceiling;
    private final boolean adaptive;
    /** Fair, so that requests get their slots in the order they asked for them. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition free = lock.newCondition();
    private int limit;
    private int inFlight;
    private long epoch;
    private boolean slowStart = true;
    private int healthySinceIncrease;
    private long throttled;
    private int lowest;
    private int answersSinceHalving;

    private AdaptiveConcurrency(int ceiling, int initial, boolean adaptive) {
        if (ceiling < 1 || initial < 1 || initial > ceiling) {
            throw new IllegalArgumentException("need 1 <= initial (" + initial + ") <= ceiling (" + ceiling + ")");
        }
        this.ceiling = ceiling;
        this.limit = initial;
        this.lowest = initial;
        this.adaptive = adaptive;
    }

    /** Starts at {@code min(ceiling, 8)} and follows the answers within {@code [1, ceiling]}. */
    static AdaptiveConcurrency upTo(int ceiling) {
        return new AdaptiveConcurrency(ceiling, Math.min(ceiling, 8), true);
    }

    static AdaptiveConcurrency startingAt(int ceiling, int initial) {
        return new AdaptiveConcurrency(ceiling, initial, true);
    }

    /** A fixed bound that never moves (the behaviour before AIMD; for benchmarks). */
    static AdaptiveConcurrency fixed(int limit) {
        return new AdaptiveConcurrency(limit, limit, false);
    }

    /** Waits for a slot. */
    Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                free.await();
            }
            inFlight++;
            return new Permit(epoch);
        } finally {
            lock.unlock();
        }
    }

    /** Gives the slot back with what its answer said. */
    void release(Permit permit, Signal signal) {
        lock.lock();
        try {
            inFlight--;
            answersSinceHalving++;
            if (signal == Signal.THROTTLED) {
                throttled++;
                if (adaptive && permit.epoch() == epoch) {
                    halve();
                }
            } else if (signal == Signal.HEALTHY && adaptive && limit < ceiling) {
                healthySinceIncrease++;
                if (slowStart || healthySinceIncrease >= limit) {
                    limit++;
                    healthySinceIncrease = 0;
                }
            }
            free.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A throttling answer the HTTP layer could not see (an error code such as {@code ThrottlingException} in a 400
     * body, read by the retry strategy after the slot was given back): halves unless the limit was already halved
     * within the last limit's worth of answers.
     */
    void throttledAfterTheFact() {
        lock.lock();
        try {
            throttled++;
            if (adaptive && answersSinceHalving >= limit) {
                halve();
            }
        } finally {
            lock.unlock();
        }
    }

    private void halve() {
        limit = Math.max(1, limit / 2);
        lowest = Math.min(lowest, limit);
        epoch++;
        slowStart = false;
        healthySinceIncrease = 0;
        answersSinceHalving = 0;
    }

    /** The current limit. */
    int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** The lowest limit so far. */
    int lowest() {
        lock.lock();
        try {
            return lowest;
        } finally {
            lock.unlock();
        }
    }

    /** Requests in flight now. */
    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Throttling answers so far. */
    long throttled() {
        lock.lock();
        try {
            return throttled;
        } finally {
            lock.unlock();
        }
    }
}
