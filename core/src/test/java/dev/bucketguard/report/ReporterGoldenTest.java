package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.scan.ScanReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReporterGoldenTest {

    static Stream<Arguments> reporters() {
        return Stream.of(
                Arguments.of("text.golden", new TextReporter(false, false)),
                Arguments.of("text-verbose.golden", new TextReporter(false, true)),
                Arguments.of("text-colour.golden", new TextReporter(true, false)),
                Arguments.of("json.golden", new JsonReporter()),
                Arguments.of("sarif.golden", new SarifReporter("examples/account.snapshot.json")),
                Arguments.of("junit.golden", new JunitReporter()));
    }

    static String render(Reporter reporter, ScanReport report) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reporters")
    void outputMatchesGolden(String golden, Reporter reporter) throws IOException {
        Goldens.assertMatches(golden, render(reporter, ReportFixture.report()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reporters")
    void sameReportGivesSameBytesWithUnixLineEndings(String golden, Reporter reporter) throws IOException {
        String first = render(reporter, ReportFixture.report());
        String again = render(reporter, ReportFixture.report());
        assertEquals(first, render(reporter, ReportFixture.report()));
        assertEquals(first, again);
        assertFalse(first.contains("\r"), "no carriage returns");
        assertTrue(first.endsWith("\n"), "ends with a newline");
    }

    @Test
    void aDifferenceIsReportedWithTheLineThatChanged() {
        String diff = Goldens.firstDifference("a\nb\nc\n", "a\nB\nc\n");
        assertEquals(" at line 2:\n  golden: b\n  actual: B", diff);
        assertTrue(Goldens.firstDifference("a\n", "a\nb\n").contains("<end of file>"));
    }
}
