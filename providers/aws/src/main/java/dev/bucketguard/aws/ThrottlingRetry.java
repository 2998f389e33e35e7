package dev.bucketguard.aws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The retry strategy of every client of a scan: throttling costs time, not results.
 *
 * <ul>
 *   <li>A throttling answer (503 SlowDown, 429, {@code Throttling*}, {@code RequestLimitExceeded}, any code the SDK
 *       counts as throttling) is retried up to {@value #THROTTLED_ATTEMPTS} attempts in all, with jittered exponential
 *       back-off from {@link #THROTTLING_BASE} capped at {@link #CAP}.</li>
 *   <li>A server error (5xx) or a broken connection is retried up to {@value #TRANSIENT_ATTEMPTS} attempts; anything
 *       else (a refusal, a missing configuration) is an answer and is not retried.</li>
 *   <li>Throttled retries draw on one budget shared by the whole scan (a token bucket of {@value #BUDGET_BURST}
 *       retries refilled at {@value #BUDGET_PER_SECOND} a second). The SDK's own retry quota fails calls once a storm
 *       empties it; this one never fails a call: a retry that finds the budget empty waits for its token, so a storm
 *       slows the scan down instead.</li>
 *   <li>The first throttling answer of a scan is reported once ({@code notice}), for stderr, never for the report.</li>
 * </ul>
 */
final class ThrottlingRetry implements RetryStrategy {
    static final int THROTTLED_ATTEMPTS = 20;
    static final int TRANSIENT_ATTEMPTS = 3;
    static final Duration THROTTLING_BASE = Duration.ofMillis(200);
    static final Duration TRANSIENT_BASE = Duration.ofMillis(100);
    static final Duration CAP = Duration.ofSeconds(20);
    static final int BUDGET_BURST = 100;
    static final int BUDGET_PER_SECOND = 50;

    /**
     * How hard throttling is retried.
     *
     * @param attempts attempts in all on throttling
     * @param base     the first back-off's ceiling
     * @param cap      no back-off is longer
     */
    record Settings(int attempts, Duration base, Duration cap) {
        static final Settings DEFAULT = new Settings(THROTTLED_ATTEMPTS, THROTTLING_BASE, CAP);
    }

    private final Consumer<String> notice;
    private final AtomicBoolean noticed = new AtomicBoolean();
    private final AtomicLong throttledAnswers = new AtomicLong();
    private final RetryBudget budget;
    private final Settings settings;
    private volatile Runnable throttledInBody = () -> { };

    ThrottlingRetry(Consumer<String> notice) {
        this(notice, Settings.DEFAULT);
    }

    ThrottlingRetry(Consumer<String> notice, Settings settings) {
        this(notice, new RetryBudget(BUDGET_BURST, BUDGET_PER_SECOND, System::nanoTime), settings);
    }

    ThrottlingRetry(Consumer<String> notice, RetryBudget budget) {
        this(notice, budget, Settings.DEFAULT);
    }

    ThrottlingRetry(Consumer<String> notice, RetryBudget budget, Settings settings) {
        this.notice = notice;
        this.budget = budget;
        this.settings = settings;
    }

    /** Also tells this when a throttling answer came as an error code in a 400 body, which HTTP status cannot show. */
    ThrottlingRetry onThrottlingInBody(Runnable r) {
        this.throttledInBody = r;
        return this;
    }

    /** The attempts a call has made, and how many of its failures were throttling. */
    record Token(int attempt) implements RetryToken {
    }

    /** Throttling answers seen so far (each retried or, after the last attempt, given up on). */
    long throttledAnswers() {
        return throttledAnswers.get();
    }

    static boolean throttling(Throwable e) {
        return e instanceof AwsServiceException a
                && (a.isThrottlingException() || a.statusCode() == 503 || a.statusCode() == 429);
    }

    static boolean transientFailure(Throwable e) {
        if (e instanceof AwsServiceException a) {
            return a.statusCode() >= 500;
        }
        return e instanceof ApiCallAttemptTimeoutException
                || (e instanceof SdkClientException && !(e instanceof ReadOnlyGuard.MutationRefused)
                        && ErrorCodes.network(e) != null);
    }

    /** Jittered exponential back-off before attempt {@code attempt + 1}: half fixed, half random, capped. */
    static Duration backoff(Duration base, int attempt) {
        return backoff(base, attempt, CAP);
    }

    static Duration backoff(Duration base, int attempt, Duration cap) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(20, attempt - 1));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return AcquireInitialTokenResponse.create(new Token(1), Duration.ZERO);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Token token = (Token) request.token();
        Throwable failure = request.failure();
        Duration delay;
        if (throttling(failure)) {
            throttledAnswers.incrementAndGet();
            int status = ((AwsServiceException) failure).statusCode();
            if (status != 503 && status != 429) {
                throttledInBody.run();
            }
            notice(ErrorCodes.of(failure));
            if (token.attempt() >= settings.attempts()) {
                throw new TokenAcquisitionFailedException("still throttled after " + token.attempt() + " attempts",
                        token, failure);
            }
            delay = backoff(settings.base(), token.attempt(), settings.cap()).plus(budget.take());
        } else if (transientFailure(failure) && token.attempt() < TRANSIENT_ATTEMPTS) {
            delay = backoff(TRANSIENT_BASE, token.attempt());
        } else {
            throw new TokenAcquisitionFailedException("not retried", token, failure);
        }
        Duration suggested = request.suggestedDelay().orElse(Duration.ZERO);
        if (suggested.compareTo(delay) > 0 && suggested.compareTo(settings.cap()) <= 0) {
            delay = suggested;
        }
        return RefreshRetryTokenResponse.create(new Token(token.attempt() + 1), delay);
    }

    private void notice(String code) {
        if (noticed.compareAndSet(false, true)) {
            notice.accept("AWS is throttling requests (" + code + "): retrying with back-off"
                    + " and fewer requests in flight; the scan takes longer, its results do not change");
        }
    }

    /**
     * A throttling answer to a call made outside the SDK's clients (Organizations, {@link OrganizationsApi}): counted
     * and noticed like any other (a 400 with a throttling code halves the requests in flight too); returns the wait
     * the shared budget adds to that call's own back-off.
     */
    Duration throttledOutside(String code, int status) {
        throttledAnswers.incrementAndGet();
        if (status != 503 && status != 429) {
            throttledInBody.run();
        }
        notice(code);
        return budget.take();
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return RecordSuccessResponse.create(request.token());
    }

    @Override
    public int maxAttempts() {
        return settings.attempts();
    }

    /** Used as given: the SDK must not add its own conditions (or its failing retry quota). */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        throw new UnsupportedOperationException("ThrottlingRetry is configured by bucketguard, not by a builder");
    }

    /**
     * A token bucket that never refuses: a retry that finds it empty is told how long to wait for its token, and the
     * tokens it owes make the next ones wait longer. Thread-safe.
     */
    static final class RetryBudget {
        private final double burst;
        private final double perNano;
        private final java.util.function.LongSupplier clock;
        private double tokens;
        private long last;

        RetryBudget(int burst, int perSecond, java.util.function.LongSupplier clock) {
            this.burst = burst;
            this.perNano = perSecond / 1e9;
            this.clock = clock;
            this.tokens = burst;
            this.last = clock.getAsLong();
        }

        /** Takes one token; returns how long to wait for it (zero when the bucket had one). */
        synchronized Duration take() {
            long now = clock.getAsLong();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            tokens -= 1;
            return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens / perNano));
        }
    }
}
