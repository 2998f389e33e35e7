package dev.bucketguard.report.bench;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.report.TextReporter;
import dev.bucketguard.scan.ResourceReport;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.testcloud.TestCloud;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Times the text report on the inputs that once made it quadratic: one resource whose id is N characters long, and
 * one whose reason holds N/20 conditions. Run by {@code bench/text-report.sh}; not a test.
 */
public final class TextReportBenchmark {
    private TextReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {100_000, 500_000, 2_000_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int round = 0; round < 2; round++) {
            for (int n : sizes) {
                String id = "a".repeat(n);
                StringBuilder conditions = new StringBuilder("statement 'S' allows read when");
                while (conditions.length() < n) {
                    conditions.append(" StringEquals aws:SourceVpce=vpce-1a2b3c4d,");
                }
                long idTime = time(report(id, "no reason of note"));
                long reasonTime = time(report("bucket", conditions.toString()));
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%,10d chars: id %,8.1f ms   reason %,8.1f ms%n", n, idTime / 1e6,
                            reasonTime / 1e6);
                }
            }
        }
    }

    private static ScanReport report(String id, String reason) {
        Resource r = TestCloud.locker("111122223333", id).build();
        Verdict v = new Verdict(Exposure.PRIVATE, List.of(reason), Set.of(), List.of(), List.of(), List.of(),
                List.of());
        return new ScanReport("1", List.of(), List.of(new ResourceReport(r, v, List.of())), List.of(), List.of());
    }

    private static long time(ScanReport report) throws Exception {
        long t0 = System.nanoTime();
        StringWriter out = new StringWriter();
        new TextReporter().write(report, out);
        return System.nanoTime() - t0;
    }
}
