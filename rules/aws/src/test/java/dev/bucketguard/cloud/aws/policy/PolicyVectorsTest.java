package dev.bucketguard.cloud.aws.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every vector of policy/vectors.json: a policy, the point of {@code docs/exposure.md} (or of a peer tool's
 * behaviour) it checks, and what a user would see: the classification, who is reached, with which permissions, and why.
 */
class PolicyVectorsTest {
    static final String OWNER = "111122223333";
    static final Resource.Owner OWNER_REF = new Resource.Owner(OWNER, Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        JsonNode all;
        try (InputStream in = PolicyVectorsTest.class.getResourceAsStream("/policy/vectors.json")) {
            assertNotNull(in, "policy/vectors.json is on the test class path");
            all = JSON.readTree(in);
        }
        assertTrue(all.size() >= 60, "at least 60 vectors");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : all) {
            tests.add(DynamicTest.dynamicTest(v.get("name").asText() + " [" + v.get("cite").asText() + "]",
                    () -> check(v)));
        }
        return tests.stream();
    }

    private static void check(JsonNode v) throws Exception {
        String policy = v.has("policyText") ? v.get("policyText").asText() : JSON.writeValueAsString(v.get("policy"));
        Channel via = Channel.of(text(v, "via", "POLICY"));
        String ap = text(v, "accessPoint", null);
        String bucket = text(v, "bucket", null);
        JsonNode e = v.get("expect");
        PolicyEvaluator evaluator = new PolicyEvaluator(OWNER);
        if (e.has("malformed")) {
            MalformedPolicyException ex = assertThrows(MalformedPolicyException.class,
                    () -> evaluator.evaluate(policy, via, ap, bucket));
            assertTrue(ex.getMessage().contains(e.get("malformed").asText()), ex.getMessage());
            assertFalse(ex.getMessage().contains("\n"), "one line");
            return;
        }
        PolicyAnalysis a = evaluator.evaluate(policy, via, ap, bucket);
        TrustZone trust = new TrustZone(strings(v.get("trustedAccounts")), strings(v.get("trustedOrgs")),
                strings(v.get("trustedNetworks")));
        String seen = describe(a);
        assertEquals(Exposure.valueOf(e.get("exposure").asText()), a.classify(OWNER_REF, trust), seen);
        assertEquals(e.has("tls") && e.get("tls").asBoolean(), a.tlsEnforced(), "tlsEnforced; " + seen);
        if (e.has("tlsGap")) {
            assertTrue(a.tlsGaps().stream().anyMatch(g -> g.contains(e.get("tlsGap").asText())),
                    "tlsGaps " + a.tlsGaps() + "; " + seen);
        } else {
            assertEquals(List.of(), a.tlsGaps(), "tlsGaps; " + seen);
        }
        if (e.has("undecided")) {
            assertTrue(a.undecided().stream().anyMatch(u -> u.contains(e.get("undecided").asText())), seen);
        } else {
            assertEquals(List.of(), a.undecided(), seen);
        }
        if (e.has("grantees")) {
            Set<String> got = new TreeSet<>();
            for (Grant g : a.grants()) {
                got.add(g.grantee().kind() + (g.grantee().id() == null ? "" : ":" + g.grantee().id()));
            }
            assertEquals(new TreeSet<>(strings(e.get("grantees"))), got, seen);
        }
        if (e.has("permissions")) {
            Set<Permission> got = EnumSet.noneOf(Permission.class);
            a.grants().forEach(g -> got.addAll(g.permissions()));
            Set<Permission> want = EnumSet.noneOf(Permission.class);
            strings(e.get("permissions")).forEach(p -> want.add(Permission.valueOf(p)));
            assertEquals(want, got, seen);
        }
        if (e.has("outsiders")) {
            assertEquals(new ArrayList<>(new TreeSet<>(strings(e.get("outsiders")))), a.outsiders(OWNER_REF, trust),
                    seen);
        }
        if (e.has("detail")) {
            assertTrue(a.grants().stream().anyMatch(g -> g.detail() != null
                    && g.detail().contains(e.get("detail").asText())), seen);
        }
        if (e.has("source")) {
            assertTrue(a.grants().stream().anyMatch(g -> g.source().equals(e.get("source").asText())
                    || g.source().startsWith(e.get("source").asText())), seen);
        }
        if (e.has("accessPointSet")) {
            assertTrue(a.grants().stream().allMatch(g -> e.get("accessPointSet").asText().equals(g.scope())
                    && S3Channels.ACCESS_POINT_POLICY.equals(g.via())), seen);
        }
        for (Grant g : a.grants()) {
            assertFalse(g.permissions().isEmpty(), seen);
            assertTrue(g.source().contains("statement"), seen);
        }
    }

    static String describe(PolicyAnalysis a) {
        StringBuilder b = new StringBuilder("got");
        for (Grant g : a.grants()) {
            b.append(" {").append(g.grantee()).append(' ').append(g.sortedPermissions()).append(" from ")
                    .append(g.source()).append(": ").append(g.detail()).append('}');
        }
        b.append(" undecided=").append(a.undecided()).append(" tls=").append(a.tlsEnforced());
        return b.toString();
    }

    private static String text(JsonNode v, String field, String fallback) {
        return v.has(field) ? v.get(field).asText() : fallback;
    }

    private static Set<String> strings(JsonNode n) {
        Set<String> out = new HashSet<>();
        if (n != null) {
            n.forEach(i -> out.add(i.asText()));
        }
        return out;
    }
}
