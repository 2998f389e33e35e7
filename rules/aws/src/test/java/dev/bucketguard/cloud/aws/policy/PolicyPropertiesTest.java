package dev.bucketguard.cloud.aws.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.cloud.aws.S3Channels;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Permission;
import dev.bucketguard.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Laws the evaluator must keep whatever the policy: Deny only takes away, order is irrelevant, bad input is caught. */
class PolicyPropertiesTest {
    private static final String OWNER = PolicyVectorsTest.OWNER;
    private static final Resource.Owner OWNER_REF = PolicyVectorsTest.OWNER_REF;
    private static final String FOREIGN = "444455556666";
    private static final String BUCKET = "arn:aws:s3:::examplebucket";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PolicyEvaluator evaluator = new PolicyEvaluator(OWNER);

    @Property(tries = 300)
    void addingADenyNeverMakesAPolicyMorePublic(@ForAll("statements") @Size(min = 1, max = 5) List<ObjectNode> policy,
                                                 @ForAll("denies") ObjectNode deny) throws Exception {
        PolicyAnalysis before = evaluate(policy);
        List<ObjectNode> more = new ArrayList<>(policy);
        more.add(deny);
        PolicyAnalysis after = evaluate(more);
        Exposure was = before.classify(OWNER_REF, TrustZone.OWNER_ONLY);
        Exposure now = after.classify(OWNER_REF, TrustZone.OWNER_ONLY);
        String why = PolicyVectorsTest.describe(before) + " then " + PolicyVectorsTest.describe(after);
        assertTrue(now.rank() >= was.rank(), was + " became " + now + ": " + why);
        assertTrue(publicPermissions(before).containsAll(publicPermissions(after)), why);
        if (publicPermissions(before).isEmpty()) {
            assertTrue(narrower(before.outsiders(OWNER_REF, TrustZone.OWNER_ONLY),
                    after.outsiders(OWNER_REF, TrustZone.OWNER_ONLY)), why);
        }
    }

    /**
     * Each outsider after a Deny was one before, or is an account a "deny everyone else" fence lets through where an
     * organisation was let through before: the reach is then "that account, if it is in that organisation", which the
     * evaluator names by the account (it cannot know the organisation's members), never by more.
     */
    private static boolean narrower(List<String> before, List<String> after) {
        boolean organisation = before.stream().anyMatch(id -> id.startsWith("o-"));
        return after.stream().allMatch(id -> before.contains(id) || organisation && id.matches("\\d{12}"));
    }

    @Property(tries = 300)
    void anUnconditionalPublicReadMakesAnAllowOnlyPolicyPublic(
            @ForAll("allows") @Size(max = 5) List<ObjectNode> policy) throws Exception {
        List<ObjectNode> more = new ArrayList<>(policy);
        more.add(publicRead());
        PolicyAnalysis a = evaluate(more);
        assertEquals(Exposure.PUBLIC, a.classify(OWNER_REF, TrustZone.OWNER_ONLY), PolicyVectorsTest.describe(a));
        assertTrue(publicPermissions(a).contains(Permission.READ), PolicyVectorsTest.describe(a));
    }

    @Property(tries = 300)
    void anUnconditionalPublicReadIsNeverPrivateUnlessADenyNamesGetObject(
            @ForAll("statements") @Size(max = 5) List<ObjectNode> policy) throws Exception {
        List<ObjectNode> more = new ArrayList<>(policy);
        more.add(publicRead());
        PolicyAnalysis a = evaluate(more);
        boolean denyNamesGetObject = policy.stream().anyMatch(s -> "Deny".equals(s.get("Effect").asText())
                && (s.has("NotAction") || s.get("Action").asText().matches("\\*|s3:\\*|s3:Get\\*|s3:GetObject")));
        Exposure e = a.classify(OWNER_REF, TrustZone.OWNER_ONLY);
        if (!denyNamesGetObject) {
            // Never silently dropped: at worst a Deny it cannot evaluate leaves the verdict undecided.
            assertTrue(e == Exposure.PUBLIC || e == Exposure.UNKNOWN, PolicyVectorsTest.describe(a));
            assertTrue(publicPermissions(a).contains(Permission.READ), PolicyVectorsTest.describe(a));
            assertEquals(e == Exposure.UNKNOWN, !a.undecided().isEmpty());
        }
    }

    @Property(tries = 300)
    void reorderingStatementsNeverChangesTheResult(@ForAll("statements") @Size(min = 2, max = 6) List<ObjectNode> policy,
                                                   @ForAll long seed) throws Exception {
        List<ObjectNode> named = new ArrayList<>();
        for (int i = 0; i < policy.size(); i++) {
            named.add(policy.get(i).deepCopy().put("Sid", "S" + i));
        }
        policy = named;
        List<ObjectNode> shuffled = new ArrayList<>(policy);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        PolicyAnalysis a = evaluate(policy);
        PolicyAnalysis b = evaluate(shuffled);
        assertEquals(a.classify(OWNER_REF, TrustZone.OWNER_ONLY), b.classify(OWNER_REF, TrustZone.OWNER_ONLY));
        assertEquals(summary(a), summary(b));
        assertEquals(new TreeSet<>(a.undecided()), new TreeSet<>(b.undecided()));
        assertEquals(a.tlsEnforced(), b.tlsEnforced());
    }

    @Property(tries = 1000)
    void arbitraryJsonOnlyEverFailsAsMalformed(@ForAll("jsonish") String text) {
        try {
            evaluator.evaluate(text, S3Channels.POLICY, null);
        } catch (MalformedPolicyException e) {
            assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Property(tries = 500)
    void arbitraryPolicyShapesOnlyEverFailAsMalformed(@ForAll("trees") JsonNode tree) throws Exception {
        String text = JSON.writeValueAsString(tree);
        try {
            evaluator.evaluate(text, S3Channels.ACCESS_POINT_POLICY, "ap1");
            evaluator.evaluate(text, S3Channels.POLICY, null);
        } catch (MalformedPolicyException e) {
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private PolicyAnalysis evaluate(List<ObjectNode> statements) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("Version", "2012-10-17");
        ArrayNode list = p.putArray("Statement");
        int i = 0;
        for (ObjectNode s : statements) {
            list.add(s.has("Sid") ? s : s.deepCopy().put("Sid", "S" + i));
            i++;
        }
        return evaluator.evaluate(JSON.writeValueAsString(p), S3Channels.POLICY, null);
    }

    private static Set<Permission> publicPermissions(PolicyAnalysis a) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        a.grants().stream().filter(g -> g.grantee().isPublic()).forEach(g -> out.addAll(g.permissions()));
        return out;
    }

    private static Set<String> summary(PolicyAnalysis a) {
        Set<String> out = new TreeSet<>();
        for (Grant g : a.grants()) {
            out.add(g.source() + " " + g.grantee().kind() + ":" + g.grantee().id() + " " + g.sortedPermissions());
        }
        return out;
    }

    private static ObjectNode publicRead() {
        ObjectNode s = JSON.createObjectNode();
        s.put("Effect", "Allow").put("Principal", "*").put("Action", "s3:GetObject").put("Resource", BUCKET + "/*");
        return s;
    }

    @Provide
    Arbitrary<List<ObjectNode>> statements() {
        return statement(Arbitraries.of("Allow", "Deny")).list();
    }

    @Provide
    Arbitrary<List<ObjectNode>> allows() {
        return statement(Arbitraries.just("Allow")).list();
    }

    @Provide
    Arbitrary<ObjectNode> denies() {
        return statement(Arbitraries.just("Deny"));
    }

    private Arbitrary<ObjectNode> statement(Arbitrary<String> effects) {
        Arbitrary<String> principals = Arbitraries.of("*", "{\"AWS\":\"*\"}", "{\"AWS\":\"" + OWNER + "\"}",
                "{\"AWS\":\"arn:aws:iam::" + FOREIGN + ":root\"}", "{\"Service\":\"logging.s3.amazonaws.com\"}",
                "not:{\"AWS\":\"arn:aws:iam::" + OWNER + ":root\"}", "not:{\"AWS\":\"" + FOREIGN + "\"}",
                "{\"Federated\":\"graph.facebook.com\"}");
        Arbitrary<String> actions = Arbitraries.of("s3:GetObject", "s3:*", "*", "s3:Get*", "s3:PutObject",
                "s3:ListBucket", "s3:DeleteObject", "sqs:SendMessage", "not:s3:GetObject", "not:s3:Put*");
        Arbitrary<String> resources = Arbitraries.of(BUCKET, BUCKET + "/*", BUCKET + "/public/*", "*",
                "not:" + BUCKET + "/private/*", "both");
        Arbitrary<List<String>> conditions = Arbitraries.of(
                "StringEquals|aws:PrincipalOrgID|o-abc123", "StringNotEquals|aws:PrincipalOrgID|o-abc123",
                "StringEqualsIfExists|aws:PrincipalOrgID|o-abc123", "ForAnyValue:StringEquals|aws:PrincipalAccount|"
                        + FOREIGN, "StringEquals|aws:SourceAccount|*", "IpAddress|aws:SourceIp|203.0.113.0/24",
                "IpAddress|aws:SourceIp|0.0.0.0/0", "NotIpAddress|aws:SourceIp|203.0.113.0/24",
                "Bool|aws:SecureTransport|false", "StringNotEqualsIfExists|aws:SourceVpce|vpce-1",
                "DateGreaterThan|aws:CurrentTime|2020-01-01T00:00:00Z", "StringNotEquals|aws:PrincipalAccount|" + OWNER,
                "StringEquals|aws:SourceVpc|vpc-1", "Null|aws:PrincipalArn|true").list().ofMaxSize(2)
                .map(l -> l.stream().distinct().toList());
        return Combinators.combine(effects, principals, actions, resources, conditions)
                .as((e, p, a, r, c) -> build(e, p, a, r, c));
    }

    private static ObjectNode build(String effect, String principal, String action, String resource,
                                    List<String> conditions) {
        ObjectNode s = JSON.createObjectNode();
        s.put("Effect", effect);
        try {
            if (principal.startsWith("not:")) {
                s.set("NotPrincipal", JSON.readTree(principal.substring(4)));
            } else if ("*".equals(principal)) {
                s.put("Principal", "*");
            } else {
                s.set("Principal", JSON.readTree(principal));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (action.startsWith("not:")) {
            s.put("NotAction", action.substring(4));
        } else {
            s.put("Action", action);
        }
        if ("both".equals(resource)) {
            s.putArray("Resource").add(BUCKET).add(BUCKET + "/*");
        } else if (resource.startsWith("not:")) {
            s.put("NotResource", resource.substring(4));
        } else {
            s.put("Resource", resource);
        }
        if (!conditions.isEmpty()) {
            ObjectNode c = s.putObject("Condition");
            for (String entry : conditions) {
                String[] parts = entry.split("\\|");
                ObjectNode op = c.has(parts[0]) ? (ObjectNode) c.get(parts[0]) : c.putObject(parts[0]);
                op.put(parts[1], parts[2]);
            }
        }
        return s;
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"Statement\"", "\"Effect\"",
                "\"Allow\"", "\"Deny\"", "\"Principal\"", "\"*\"", "\"Action\"", "\"s3:*\"", "\"Resource\"",
                "\"Condition\"", "\"StringEquals\"", "\"aws:SourceIp\"", "\"0.0.0.0/0\"", "null", "true", "1e999",
                "-0", "\"\\u0000\"", "\"${aws:username}\"", "\"arn:aws:iam::*:root\"", " ", "\"NotPrincipal\"",
                "\"***********?***\"", "\"AWS\"");
        return tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.of("*", "Allow", "Deny", "s3:GetObject", "s3:*", BUCKET + "/*", "arn:aws:s3:::*",
                        "aws:SourceIp", "10.0.0.0/8", "::/0", "999.1.1.1/8", "1.2.3.4/x", "arn:aws:iam::1:root",
                        "AROAEXAMPLEEXAMPLE", "a:b:c:d:e:f:g", "", "accesspoint/*", "${x}")
                        .map(v -> (JsonNode) JSON.getNodeFactory().textNode(v)),
                Arbitraries.integers().map(i -> (JsonNode) JSON.getNodeFactory().numberNode(i)),
                Arbitraries.just((JsonNode) JSON.getNodeFactory().nullNode()),
                Arbitraries.of(true, false).map(b -> (JsonNode) JSON.getNodeFactory().booleanNode(b)));
        Arbitrary<String> keys = Arbitraries.of("Statement", "Effect", "Principal", "NotPrincipal", "AWS", "Service",
                "Federated", "CanonicalUser", "Action", "NotAction", "Resource", "NotResource", "Condition",
                "StringEquals", "ForAnyValue:StringLike", "IpAddress", "NotIpAddress", "BoolIfExists", "Null",
                "aws:SourceIp", "aws:PrincipalOrgID", "aws:SecureTransport", "s3:DataAccessPointArn", "Sid");
        return tree(leaves, keys, 4);
    }

    private Arbitrary<JsonNode> tree(Arbitrary<JsonNode> leaves, Arbitrary<String> keys, int depth) {
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> tree(leaves, keys, depth - 1));
        Arbitrary<JsonNode> objects = Combinators.combine(keys.list().ofMaxSize(5), child.list().ofSize(5))
                .as((ks, vs) -> {
                    ObjectNode o = JSON.createObjectNode();
                    for (int i = 0; i < ks.size(); i++) {
                        o.set(ks.get(i), vs.get(i));
                    }
                    return (JsonNode) o;
                });
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(4).map(vs -> {
            ArrayNode a = JSON.createArrayNode();
            vs.forEach(a::add);
            return (JsonNode) a;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, leaves), net.jqwik.api.Tuple.of(3, objects), net.jqwik.api.Tuple.of(1, arrays));
    }
}
