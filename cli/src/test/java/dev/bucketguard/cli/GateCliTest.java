package dev.bucketguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCliTest {

    private static final String[] PUBLIC_RULES = {"--rules", "aws.s3.public-policy,aws.s3.public-acl,"
            + "azure.blob.public-access,gcp.storage.public-access", "--fail-on", "critical"};

    private static String[] args(String... head) {
        String[] all = new String[head.length + PUBLIC_RULES.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(PUBLIC_RULES, 0, all, head.length, PUBLIC_RULES.length);
        return all;
    }

    @Test
    void suppressionsWithAReasonStopTheGateAndAreShownAsSuppressed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("suppressions.yaml");
        Files.writeString(file, """
                suppressions:
                  - rule: "*"
                    resource: "acct-open-*"
                    reason: "demo data, published on purpose"
                  - rule: azure.blob.public-access
                    resource: "azure:*:acctopenstatements"
                    reason: "statement templates only"
                    expires: %s
                """.formatted(LocalDate.now().plusDays(30)));
        Cli.Result r = Cli.run(args("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", "json",
                "--suppressions", file.toString()));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("SUPPRESSED"));
        assertTrue(r.out().contains("demo data, published on purpose"));
    }

    @Test
    void anExpiredSuppressionNoLongerSuppressesAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("suppressions.json");
        Files.writeString(file, """
                {"suppressions": [{"rule": "*", "resource": "*", "reason": "temporary", "expires": "2020-01-31"}]}
                """);
        Cli.Result r = Cli.run(args("scan", "snapshot", Cli.EXAMPLE.toString(), "--suppressions",
                file.toString()));
        assertEquals(4, r.code());
        assertTrue(r.err().contains("expired on 2020-01-31"), r.err());
    }

    @Test
    void aSuppressionWithoutAReasonIsAnInputError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "suppressions:\n  - rule: aws.s3.public-acl\n    resource: \"*\"\n");
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--suppressions", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("reason"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void withABaselineOnlyNewFailuresGate(@TempDir Path dir) {
        Path baseline = dir.resolve("baseline.json");
        Cli.Result first = Cli.run(args("scan", "snapshot", Cli.EXAMPLE.toString(), "--format", "json",
                "--output", baseline.toString()));
        assertEquals(4, first.code());
        Cli.Result again = Cli.run(args("scan", "snapshot", Cli.EXAMPLE.toString(), "--baseline",
                baseline.toString()));
        assertEquals(0, again.code(), again.out() + again.err());
        Cli.Result newFailure = Cli.run(args("scan", "snapshot",
                Cli.snapshot("one-bad-resource.snapshot.json").toString(), "--baseline", baseline.toString()));
        assertEquals(4, newFailure.code(), "a bucket that was not in the baseline gates");
    }

    @Test
    void aBaselineThatIsNotAReportIsAnInputError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.json");
        Files.writeString(file, "{\"hello\": 1}");
        Cli.Result r = Cli.run("scan", "snapshot", Cli.EXAMPLE.toString(), "--baseline", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a bucketguard JSON report"), r.err());
    }
}
