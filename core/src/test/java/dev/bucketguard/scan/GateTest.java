package dev.bucketguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.spi.Severity;
import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateTest {
    private static ResourceReport resource(String id, Exposure exposure, Finding... findings) {
        return new ResourceReport(TestCloud.locker("111122223333", id).build(),
                new Verdict(exposure, List.of("because"), Set.of(), List.of(), List.of(), List.of(), List.of()),
                List.of(findings));
    }

    private static Finding finding(String rule, Severity severity, FindingStatus status) {
        return new Finding(rule, rule, severity, status, "message", List.of(), null, false);
    }

    private static ScanReport report(List<ScanError> errors, ResourceReport... resources) {
        return new ScanReport("test", List.of(), List.of(resources), errors, List.of());
    }

    private static ScanReport report(ResourceReport... resources) {
        return report(List.of(), resources);
    }

    private static final ScanError DENIED = new ScanError("test", "account 111122223333", ScanError.Kind.ACCESS_DENIED,
            "ListBuckets failed with AccessDenied");

    @Test
    void aFailureAtTheThresholdFails_belowItPasses() {
        ScanReport r = report(resource("b", Exposure.PRIVATE, finding("a.b.high", Severity.HIGH, FindingStatus.FAIL)));

        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.HIGH, true).evaluate(r));
        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.LOW, true).evaluate(r));
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.CRITICAL, true).evaluate(r));
    }

    @Test
    void noThresholdNeverFails() {
        ScanReport r = report(resource("b", Exposure.PUBLIC,
                finding("a.b.critical", Severity.CRITICAL, FindingStatus.FAIL)));

        assertEquals(Gate.Outcome.PASSED, new Gate(null, true).evaluate(r));
    }

    @Test
    void anUnknownExposureIsIncomplete() {
        ScanReport r = report(resource("b", Exposure.UNKNOWN, finding("a.b.c", Severity.HIGH, FindingStatus.PASS)));

        assertEquals(Gate.Outcome.INCOMPLETE, new Gate(Severity.HIGH, true).evaluate(r));
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.HIGH, false).evaluate(r));
    }

    @Test
    void anUnknownFindingAtOrAboveTheThresholdIsIncomplete_belowItIsNot() {
        ScanReport r = report(resource("b", Exposure.PRIVATE, finding("a.b.c", Severity.MEDIUM, FindingStatus.UNKNOWN)));

        assertEquals(Gate.Outcome.INCOMPLETE, new Gate(Severity.MEDIUM, true).evaluate(r));
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.HIGH, true).evaluate(r));
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.MEDIUM, false).evaluate(r));
    }

    @Test
    void aScanErrorIsIncompleteWhateverFailOnUnknownSays() {
        // What was never read (a listing denied) cannot be waved through by --no-fail-on-unknown.
        ScanReport r = report(List.of(DENIED), resource("b", Exposure.PRIVATE));
        ScanReport nothingRead = report(List.of(DENIED));

        assertEquals(Gate.Outcome.INCOMPLETE, new Gate(Severity.LOW, true).evaluate(r));
        assertEquals(Gate.Outcome.INCOMPLETE, new Gate(Severity.LOW, false).evaluate(r));
        assertEquals(Gate.Outcome.INCOMPLETE, new Gate(Severity.LOW, false).evaluate(nothingRead));
    }

    @Test
    void unknownVerdictsAndFindingsAloneAreWavedThroughWithoutFailOnUnknown() {
        ScanReport r = report(List.of(), resource("a", Exposure.UNKNOWN));

        assertEquals(Gate.Outcome.INCOMPLETE, new Gate(Severity.LOW, true).evaluate(r));
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.LOW, false).evaluate(r));
    }

    @Test
    void failBeatsIncomplete() {
        ScanReport r = report(List.of(DENIED), resource("a", Exposure.UNKNOWN,
                finding("a.b.unknown", Severity.CRITICAL, FindingStatus.UNKNOWN)),
                resource("b", Exposure.PUBLIC, finding("a.b.fail", Severity.HIGH, FindingStatus.FAIL)));

        assertEquals(Gate.Outcome.FAILED, new Gate(Severity.HIGH, true).evaluate(r));
    }

    @Test
    void suppressedAndBaselinedFailuresDoNotGate() {
        Finding suppressed = finding("a.b.muted", Severity.CRITICAL, FindingStatus.FAIL)
                .withSuppression(new Suppression("a.b.muted", "*", "accepted", null));
        Finding baselined = finding("a.b.known", Severity.CRITICAL, FindingStatus.FAIL).asBaselined();
        ScanReport r = report(resource("b", Exposure.PRIVATE, suppressed, baselined));

        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.INFO, true).evaluate(r));
    }

    @Test
    void anEmptyScanPasses() {
        assertEquals(Gate.Outcome.PASSED, new Gate(Severity.INFO, true).evaluate(report()));
    }
}
