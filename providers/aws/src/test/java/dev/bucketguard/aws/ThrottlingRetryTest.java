package dev.bucketguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/** The retry strategy, fed the failures AWS answers with. */
class ThrottlingRetryTest {

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    /** Attempts made before the strategy gives up on this failure repeated. */
    private static int attemptsFor(ThrottlingRetry retry, Throwable failure) {
        RetryToken token = retry.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
        int attempts = 1;
        while (true) {
            try {
                token = retry.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure)
                        .build()).token();
                attempts++;
            } catch (TokenAcquisitionFailedException e) {
                return attempts;
            }
        }
    }

    private static ThrottlingRetry noBudgetWait(List<String> notices) {
        AtomicLong clock = new AtomicLong();
        // A clock that moves a second per reading keeps the budget full: these tests are about attempts.
        return new ThrottlingRetry(notices::add, new ThrottlingRetry.RetryBudget(1, 1,
                () -> clock.addAndGet(1_000_000_000L)));
    }

    @Test
    void everyKindOfThrottlingGetsAtLeastEightAttempts() {
        for (AwsServiceException e : List.of(error(503, "SlowDown"), error(429, "TooManyRequestsException"),
                error(400, "Throttling"), error(400, "ThrottlingException"), error(400, "RequestLimitExceeded"),
                error(503, "ServiceUnavailable"))) {
            assertTrue(ThrottlingRetry.throttling(e), e.awsErrorDetails().errorCode());
            int attempts = attemptsFor(noBudgetWait(new ArrayList<>()), e);
            assertTrue(attempts >= 8, e.awsErrorDetails().errorCode() + ": " + attempts + " attempts");
            assertEquals(ThrottlingRetry.THROTTLED_ATTEMPTS, attempts);
        }
    }

    @Test
    void refusalsAreAnswersAndAreNotRetried() {
        for (AwsServiceException e : List.of(error(403, "AccessDenied"), error(404, "NoSuchBucketPolicy"),
                error(400, "InvalidRequest"))) {
            assertFalse(ThrottlingRetry.throttling(e));
            assertEquals(1, attemptsFor(noBudgetWait(new ArrayList<>()), e), e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void serverErrorsGetAFewAttempts() {
        assertEquals(ThrottlingRetry.TRANSIENT_ATTEMPTS, attemptsFor(noBudgetWait(new ArrayList<>()),
                error(500, "InternalError")));
    }

    @Test
    void backOffIsJitteredExponentialAndCappedAtTwentySeconds() {
        Duration base = ThrottlingRetry.THROTTLING_BASE;
        for (int attempt = 1; attempt <= 30; attempt++) {
            long ceiling = Math.min(20_000, base.toMillis() << Math.min(20, attempt - 1));
            long d = ThrottlingRetry.backoff(base, attempt).toMillis();
            assertTrue(d >= ceiling / 2 && d <= ceiling, "attempt " + attempt + ": " + d + " ms");
        }
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> ThrottlingRetry.backoff(base, 8).toMillis()).distinct().count();
        assertTrue(distinct > 1, "jittered: not the same delay every time");
        assertEquals(20_000, ThrottlingRetry.backoff(base, 40).toMillis(), 10_000);
    }

    @Test
    void theSharedBudgetNeverRefusesButMakesRetriesWaitOnceEmpty() {
        AtomicLong now = new AtomicLong();
        ThrottlingRetry.RetryBudget budget = new ThrottlingRetry.RetryBudget(2, 10, now::get);
        assertEquals(Duration.ZERO, budget.take());
        assertEquals(Duration.ZERO, budget.take());
        assertEquals(Duration.ofMillis(100), budget.take(), "empty: wait for the next token (10 a second)");
        assertEquals(Duration.ofMillis(200), budget.take(), "and the one after it");
        now.addAndGet(1_000_000_000L);
        assertEquals(Duration.ZERO, budget.take(), "refilled with time");
    }

    @Test
    void theFirstThrottlingIsNoticedOnce() {
        List<String> notices = new ArrayList<>();
        ThrottlingRetry retry = noBudgetWait(notices);
        attemptsFor(retry, error(503, "SlowDown"));
        attemptsFor(retry, error(400, "Throttling"));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("AWS is throttling requests (SlowDown)"), notices.get(0));
        assertEquals(2L * (ThrottlingRetry.THROTTLED_ATTEMPTS), retry.throttledAnswers());
    }

    @Test
    void throttlingInAnErrorBodyIsPassedOnHttpStatusesAreNot() {
        java.util.concurrent.atomic.AtomicInteger body = new java.util.concurrent.atomic.AtomicInteger();
        ThrottlingRetry retry = noBudgetWait(new ArrayList<>()).onThrottlingInBody(body::incrementAndGet);
        attemptsFor(retry, error(503, "SlowDown"));
        assertEquals(0, body.get(), "the HTTP layer already saw the 503");
        attemptsFor(retry, error(400, "ThrottlingException"));
        assertEquals(ThrottlingRetry.THROTTLED_ATTEMPTS, body.get());
    }

    @Test
    void theStrategyIsUsedAsGiven() {
        ThrottlingRetry retry = noBudgetWait(new ArrayList<>());
        assertFalse(retry.useClientDefaults(), "the SDK must not add its failing retry quota");
        assertThrows(UnsupportedOperationException.class, retry::toBuilder);
    }
}
