package dev.bucketguard.forensics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.Parameter;
import dev.bucketguard.spi.ScanParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAuditTest {
    static final AuditTrail KEPT_30 = new AuditTrail("access log", "bucket logs", Retention.days(30, "expires"));
    static final AuditTrail KEPT_FOREVER = new AuditTrail("trail", null, Retention.untilDeleted("no expiry"));
    static final AuditTrail KEPT_UNKNOWN = new AuditTrail("trail", null, Retention.unknown("outside the scan"));
    static final Unknown DENIED = new Unknown(Fact.of("TRAILS"), "DescribeTrails", "trails:Describe", "AccessDenied");

    @Test
    void noTrailAndNothingUnreadIsNoAndNothingIsKept() {
        ReadAudit no = ReadAudit.of(List.of(), List.of("logging off"), List.of());
        assertEquals(ReadsRecorded.NO, no.recorded());
        assertEquals(false, no.retainedFor(1));
        assertNull(no.retention());
    }

    @Test
    void anUnreadSettingMakesItUnknownNeverNo() {
        ReadAudit a = ReadAudit.of(List.of(), List.of("logging off"), List.of(DENIED));
        assertEquals(ReadsRecorded.UNKNOWN, a.recorded());
        assertNull(a.retainedFor(1));
        assertEquals(List.of("logging off", "could not read TRAILS: DescribeTrails failed with AccessDenied (needs "
                + "trails:Describe)"), a.explanation());
    }

    @Test
    void theLongestKnownTrailDecidesAndAnUnknownRetentionIsNotCountedAsShort() {
        assertEquals(true, ReadAudit.of(List.of(KEPT_30), List.of(), List.of()).retainedFor(30));
        assertEquals(false, ReadAudit.of(List.of(KEPT_30), List.of(), List.of()).retainedFor(365));
        assertNull(ReadAudit.of(List.of(KEPT_30, KEPT_UNKNOWN), List.of(), List.of()).retainedFor(365));
        assertNull(ReadAudit.of(List.of(KEPT_30), List.of(), List.of(DENIED)).retainedFor(365),
                "an unread mechanism might keep them longer");
        assertEquals(true, ReadAudit.of(List.of(KEPT_30, KEPT_UNKNOWN, KEPT_FOREVER), List.of(), List.of())
                .retainedFor(3650));
        assertEquals(Retention.Kind.UNKNOWN, ReadAudit.of(List.of(KEPT_30, KEPT_UNKNOWN), List.of(), List.of())
                .retention().kind());
        assertEquals("kept until deleted", ReadAudit.of(List.of(KEPT_UNKNOWN, KEPT_FOREVER), List.of(), List.of())
                .retention().describe());
    }

    @Test
    void notAssessedDecidesNothing() {
        ReadAudit n = ReadAudit.notAssessed("not asked");
        assertNull(n.retainedFor(1));
        assertEquals(false, n.leavesNoTrace());
    }

    @Test
    void trailsAreNamedExactlyWhenReadsAreRecorded() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReadAudit(ReadsRecorded.YES, List.of(), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ReadAudit(ReadsRecorded.NO, List.of(KEPT_30), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Retention(Retention.Kind.DAYS, null, "x"));
    }

    @Test
    void scanParametersKeepDefaultsAndTypedValues() {
        Parameter<Integer> staleDays = new Parameter<>("link-stale-days", Integer.class, 90);
        ScanParameters p = ScanParameters.DEFAULTS.with(ScanParameters.LOG_RETENTION_DAYS, 30);
        assertEquals(365, ScanParameters.DEFAULTS.logRetentionDays());
        assertEquals(30, p.logRetentionDays());
        assertEquals(90, p.get(staleDays), "a parameter declared outside core has its default");
        assertEquals(7, p.with(staleDays, 7).get(staleDays));
        assertEquals(365, p.with(ScanParameters.LOG_RETENTION_DAYS, null).logRetentionDays());
        assertThrows(IllegalArgumentException.class, () -> new Parameter<>("Bad Name", Integer.class, 1));
    }
}
