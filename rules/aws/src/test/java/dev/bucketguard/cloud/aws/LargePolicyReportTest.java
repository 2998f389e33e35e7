package dev.bucketguard.cloud.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cloud.aws.policy.PolicyAnalysis;
import dev.bucketguard.cloud.aws.policy.PolicyEvaluator;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.report.Reporter;
import dev.bucketguard.report.Reporters;
import dev.bucketguard.scan.RuleSet;
import dev.bucketguard.scan.ScanReport;
import dev.bucketguard.scan.Scanner;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One valid policy must not blow the report up: a statement with Principal * and 1,300 fixed aws:PrincipalAccount
 * values (about 20 KB, within S3's limit) once gave 1,300 grants each carrying all 1,300 accounts, a 67 MB JSON report.
 * A grant names its party once, and the verdict summarises the list.
 */
class LargePolicyReportTest {
    private static final String OWNER = "111122223333";
    private static final int ACCOUNTS = 1_300;

    @Test
    void aStatementWith1300AccountsGivesReportsOfAFewHundredKilobytes() throws Exception {
        List<String> accounts = IntStream.range(0, ACCOUNTS).mapToObj(i -> String.format("%012d", 400000000000L + i))
                .toList();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Partners\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::partners/*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":["
                + accounts.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",")) + "]}}}]}";
        assertTrue(policy.length() < 20_480, "within S3's 20 KB policy limit: " + policy.length());
        PolicyAnalysis analysis = new PolicyEvaluator(OWNER).evaluate(policy, S3Channels.POLICY, null, "partners");
        assertEquals(ACCOUNTS, analysis.grants().size());
        for (Grant g : analysis.grants()) {
            assertTrue(g.detail().length() < 300, "a grant names its party once: " + g.detail());
            assertTrue(String.join(" ", g.conditions()).contains("(1,300 values)"), g.conditions().toString());
        }

        Resource bucket = Resource.builder(AwsCloud.ID, OWNER, "partners").kind(ResourceKind.of("BUCKET"))
                .region("us-east-1").collected(S3Facts.POLICY, S3Facts.ACL, S3Facts.BLOCK_PUBLIC_ACCESS_BUCKET,
                        S3Facts.BLOCK_PUBLIC_ACCESS_ACCOUNT, S3Facts.OBJECT_OWNERSHIP)
                .grants(analysis.grants())
                .details(S3Bucket.UNREAD.withPolicy(new BucketPolicy(true, List.of(), false))
                        .withBucketBlockPublicAccess(BlockPublicAccess.NONE)
                        .withAccountBlockPublicAccess(BlockPublicAccess.NONE)
                        .withObjectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))
                .build();
        Provider one = new Provider() {
            @Override
            public String id() {
                return "memory";
            }

            @Override
            public Inventory collect(FactSelection facts, Progress progress) {
                return new Inventory(List.of(bucket), List.of());
            }
        };
        Set<String> trusted = Set.copyOf(accounts.subList(3, ACCOUNTS));
        ScanReport report = Scanner.builder().provider(one).rules(RuleSet.discover())
                .trust(new TrustZone(trusted, Set.of())).build().scan();
        assertEquals(Exposure.CROSS_ACCOUNT, report.resources().get(0).verdict().exposure());
        List<String> reasons = report.resources().get(0).verdict().reasons();
        assertTrue(reasons.size() < 10, "summarised, not one reason per account: " + reasons.size());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("to 1,300 named parties, 3 outside the owner account and"
                + " the trusted set: 400000000000, 400000000001, 400000000002")), reasons.toString());

        // Every account outside: the worst case for the reports.
        ScanReport allOutside = Scanner.builder().provider(one).rules(RuleSet.discover()).build().scan();
        assertEquals(ACCOUNTS, allOutside.resources().get(0).verdict().outsiders().size());
        assertTrue(allOutside.resources().get(0).verdict().reasons().size() < 10);
        List<String> sizes = new ArrayList<>();
        for (ScanReport r : List.of(report, allOutside)) {
            for (String format : List.of("json", "text", "sarif", "junit")) {
                Reporter reporter = Reporters.byName(format);
                StringWriter out = new StringWriter();
                reporter.write(r, out);
                sizes.add(format + " " + out.toString().length());
                assertTrue(out.toString().length() < 5_000_000, format + " report under 5 MB: "
                        + out.toString().length());
            }
        }
        System.out.println("report sizes for one 1,300-account statement (3 outside; all outside): " + sizes);
    }
}
